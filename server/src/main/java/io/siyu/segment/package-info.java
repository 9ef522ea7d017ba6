/**
 * Segments: rules over profiles, tags and events, answered from per-tenant compressed bitmaps kept current
 * from what the other modules commit, with plain SQL for what bitmaps cannot answer. Reads the customer,
 * tag and event tables directly (read-only) to build and check its index.
 */
@ApplicationModule(
        displayName = "Segments",
        allowedDependencies = {"shared", "access", "customer", "event", "tagging"})
@NullMarked
package io.siyu.segment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

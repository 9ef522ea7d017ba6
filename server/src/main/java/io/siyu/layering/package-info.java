/**
 * Layering (seed 001, seed 003): RFM with configurable scoring and the eight classic groups, lifecycle stages,
 * growth stages (seed / angel / KOC / super KOC), circles (core / influence / outer) and intent, as layers of
 * exclusive levels defined by segment rules, so they are always current and usable in every rule; daily
 * snapshots give transition matrices.
 */
@ApplicationModule(
        displayName = "Layering",
        allowedDependencies = {"shared", "access", "customer", "segment"})
@NullMarked
package io.siyu.layering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

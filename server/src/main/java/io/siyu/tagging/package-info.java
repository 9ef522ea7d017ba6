/**
 * Tag groups of seed 001's kinds, organisation, personal and rule tags, which customers carry them, and the
 * history of every change.
 */
@ApplicationModule(
        displayName = "Tags",
        allowedDependencies = {"shared", "access", "customer"})
@NullMarked
package io.siyu.tagging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

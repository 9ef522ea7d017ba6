/**
 * The standard data set of PRODUCT.md, generated deterministically at any size: the demo tenant on first
 * start, and the benchmark size on request. Writes only through the other modules' bulk-load APIs.
 */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "shared",
            "access",
            "customer",
            "event",
            "tagging",
            "commerce",
            "loyalty",
            "growth",
            "wecom",
            "messaging"
        })
@NullMarked
package io.siyu.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/** The home page's figures: what an operations manager looks at every morning. */
@ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {"shared", "access", "customer", "event"})
@NullMarked
package io.siyu.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

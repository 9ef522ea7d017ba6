/** Customer events (views, favourites, carts, purchases, shares, messages), partitioned by month. */
@ApplicationModule(
        displayName = "Events",
        allowedDependencies = {"shared", "access", "customer"})
@NullMarked
package io.siyu.event;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

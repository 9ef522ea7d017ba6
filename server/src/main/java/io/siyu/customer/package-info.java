/** Customer profiles: one per real person, with a dense per-tenant number used by the segment engine. */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"shared", "access"})
@NullMarked
package io.siyu.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

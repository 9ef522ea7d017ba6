/** Tag groups, tags and which customers carry them. */
@ApplicationModule(displayName = "Tags", allowedDependencies = "shared")
@NullMarked
package io.siyu.tagging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/** Typed ids, tenancy, paging and problem details used by every module; kept deliberately small. */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package io.siyu.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Runtime platform: the embedded PostgreSQL, data sources, tenant-bound transactions, request ids, size
 * limits, locale and console hosting. Other modules never call into it; it only wires the process.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@NullMarked
package io.siyu.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

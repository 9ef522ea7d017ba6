/**
 * Tenants, staff accounts and their roles, API keys, login, and the audit log. The security boundary of
 * the API: every endpoint of every module is checked against the permissions of {@link io.siyu.access.Role}.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = "shared")
@NullMarked
package io.siyu.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

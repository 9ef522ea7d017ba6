/**
 * The WeCom connector: the self-built apps a tenant connects, their callbacks (verified, decrypted, stored
 * before they are answered and processed once each), and, as it grows, the API client, sync, live codes and
 * handover.
 */
@ApplicationModule(
        displayName = "WeCom connector",
        allowedDependencies = {"shared", "access", "customer", "event", "tagging"})
@NullMarked
package io.siyu.wecom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

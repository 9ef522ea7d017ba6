/**
 * Sending rules (quiet hours, frequency caps, WeCom's mass-message quota, opt-outs) and 企业群发: messages to
 * an audience through its staff members' WeCom, each customer reached at most once per send, each WeCom call
 * made once.
 */
@ApplicationModule(
        displayName = "Messaging",
        allowedDependencies = {"shared", "access", "customer", "segment", "content", "wecom"})
@NullMarked
package io.siyu.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

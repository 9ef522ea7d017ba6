package io.siyu.wecom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param callbackMaxAge how far a callback's timestamp may be from now before it counts as a replay
 *     ({@code SIYU_WECOM_CALLBACK_MAX_AGE}; 0 turns the check off)
 * @param maxCallbackBytes the largest callback body taken (WeCom's events are a few KiB)
 * @param maxAttempts how often a callback whose processing fails is tried before it is marked failed
 * @param callsPerSecond API calls per corp and second this server makes at most (WeCom allows 10,000 a minute
 *     per API and corp; a burst beyond that is answered 45009)
 * @param reconcileEvery how often each app's directory and contacts are reconciled with WeCom in full
 *     ({@code SIYU_WECOM_RECONCILE_EVERY}; 0 turns it off)
 * @param apiTimeout how long one API call may take before it counts as unanswered (and is tried again)
 * @param behaviourCheckEvery how often the apps are checked for 联系客户统计 that is due from WeCom (new staff, a
 *     day that settled) ({@code SIYU_WECOM_BEHAVIOUR_CHECK_EVERY}; 0 turns the fetching off)
 * @param sandboxUrl a WeCom simulator to connect the first tenant to and to offer as the console's sandbox
 *     ({@code SIYU_WECOM_SANDBOX_URL}; {@code ./siyu run} starts one); empty: none
 */
@ConfigurationProperties("siyu.wecom")
record WeComProperties(
        @DefaultValue("5m") Duration callbackMaxAge,
        @DefaultValue("65536") int maxCallbackBytes,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("50") int callsPerSecond,
        @DefaultValue("6h") Duration reconcileEvery,
        @DefaultValue("10s") Duration apiTimeout,
        @DefaultValue("15m") Duration behaviourCheckEvery,
        @org.jspecify.annotations.Nullable String sandboxUrl) {}

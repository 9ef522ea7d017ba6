package io.siyu.journey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tick how often the runner looks for due steps when nothing woke it
 * @param retryBase the first wait before a failed step or webhook is tried again; it doubles each time
 * @param attempts how many times a step or webhook is tried before it is marked failed
 * @param webhookTimeout how long a webhook's answer is waited for
 * @param gather how long a message step's customers are gathered before they go out as one send
 */
@ConfigurationProperties("siyu.journeys")
record JourneyProperties(
        @DefaultValue("1s") Duration tick,
        @DefaultValue("1m") Duration retryBase,
        @DefaultValue("6") int attempts,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("1m") Duration gather) {

    Duration backoff(int attempt) {
        return retryBase.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}

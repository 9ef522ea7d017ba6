package io.siyu.event;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of {@code POST /api/v1/events} (environment: {@code SIYU_EVENTS_MAX_BATCH}, {@code
 * SIYU_EVENTS_MAX_AGE}, {@code SIYU_EVENTS_MAX_FUTURE}).
 *
 * @param maxBatch most events in one request
 * @param maxAge oldest timestamp accepted, before now
 * @param maxFuture newest timestamp accepted, after now (clock skew of the sender)
 */
@ConfigurationProperties("siyu.events")
record IngestLimits(
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("730d") Duration maxAge,
        @DefaultValue("5m") Duration maxFuture) {}

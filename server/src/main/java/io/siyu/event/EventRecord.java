package io.siyu.event;

import java.time.Instant;

/**
 * One event for bulk loading; {@code eventId} and {@code properties} (a JSON object) are optional.
 */
public record EventRecord(
        long customerNumber,
        EventType type,
        Instant occurredAt,
        @org.jspecify.annotations.Nullable String eventId,
        @org.jspecify.annotations.Nullable String properties) {

    public EventRecord(long customerNumber, EventType type, Instant occurredAt) {
        this(customerNumber, type, occurredAt, null, null);
    }
}

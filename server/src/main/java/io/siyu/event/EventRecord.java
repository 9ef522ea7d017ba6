package io.siyu.event;

import java.time.Instant;

/** One event for bulk loading. */
public record EventRecord(long customerNumber, EventType type, Instant occurredAt) {}

package io.siyu.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event as observers see it inside the transaction that stores it.
 *
 * @param customerId the home profile
 * @param type the type code
 * @param properties the properties as JSON text, or null
 * @param eventId the id the event was sent or recorded with (unique in the tenant), for an observer's own keys
 */
public record StoredEvent(
        long customerId,
        int type,
        Instant occurredAt,
        @Nullable String properties,
        String eventId) {}

package io.siyu.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event as observers see it inside the transaction that stores it.
 *
 * @param customerId the home profile
 * @param type the type code
 * @param properties the properties as JSON text, or null
 */
public record StoredEvent(
        long customerId,
        int type,
        Instant occurredAt,
        @Nullable String properties) {}

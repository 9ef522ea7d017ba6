package io.siyu.event;

import io.siyu.customer.IdentityKey;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of a batch that passed validation; it names its customer either by identities or by number.
 *
 * @param index position in the request, for the response
 * @param properties the properties as JSON text, or null
 */
record IncomingEvent(
        int index,
        String eventId,
        EventTypeDefinition type,
        Instant occurredAt,
        List<IdentityKey> identities,
        @Nullable Long customerNumber,
        @Nullable String properties) {}

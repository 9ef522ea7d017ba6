package io.siyu.event;

import io.siyu.customer.IdentityKey;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of a batch that passed validation; it names its customer either by identities or by number.
 *
 * <p>Records of one batch are told apart by their position alone: the derived equality would hash the type's
 * whole schema for every map lookup of an ingested batch.
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
        @Nullable String properties) {

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingEvent event && event.index == index && event.eventId.equals(eventId);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(index);
    }
}

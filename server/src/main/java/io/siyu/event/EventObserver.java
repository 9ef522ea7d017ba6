package io.siyu.event;

import io.siyu.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Told about the events a transaction stored: after it commits ({@link #eventsAdded}, the segment index adds
 * them), and, for those who must write something that commits with the events, inside it just before
 * ({@link #eventsStoring}).
 */
public interface EventObserver {

    /** Parallel arrays: the home profile, the type code and the time of each new event. */
    default void eventsAdded(TenantId tenant, long[] customers, int[] types, Instant[] times) {}

    /** In the storing transaction: what this writes commits with the events or not at all. */
    default void eventsStoring(TenantId tenant, List<StoredEvent> events) {}
}

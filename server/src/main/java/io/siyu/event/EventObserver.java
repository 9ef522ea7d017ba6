package io.siyu.event;

import io.siyu.shared.TenantId;
import java.time.Instant;

/** Told, after the transaction commits, about the events it stored: the segment index adds them. */
public interface EventObserver {

    /** Parallel arrays: the home profile, the type code and the time of each new event. */
    void eventsAdded(TenantId tenant, long[] customers, int[] types, Instant[] times);
}

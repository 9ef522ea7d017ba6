package io.siyu.segment;

import java.time.Instant;
import java.util.List;

/**
 * Customers entered or left a saved segment. Published in the transaction that records the change, through
 * the event publication registry, so a listener gets each change once, also across restarts; a change of
 * more than {@value #MAX_IDS} customers comes as several events.
 *
 * @param first whether this is the segment's first evaluation (everyone in it "entered" when it was created)
 */
public record SegmentMembershipChanged(
        long tenantId, long segmentId, List<Long> entered, List<Long> exited, Instant at, boolean first) {

    public static final int MAX_IDS = 10_000;

    public SegmentMembershipChanged {
        entered = List.copyOf(entered);
        exited = List.copyOf(exited);
    }
}

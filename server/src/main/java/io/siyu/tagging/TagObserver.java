package io.siyu.tagging;

import io.siyu.shared.TenantId;
import java.util.Map;

/**
 * Told which customers gained or lost which tags: after the transaction commits ({@link #tagsChanged}, the
 * segment index keeps its tag bitmaps with it), and, for those who must write something that commits with
 * the change, inside the transaction just before it commits ({@link #tagsChanging}). Added tags are on the customer a profile resolves to; removals take a tag off
 * every profile of a merged customer, so the removed ids include the merged-away profiles.
 */
public interface TagObserver {

    /** @param added customer ids by tag id; @param removed likewise */
    default void tagsChanged(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {}

    /**
     * In the changing transaction, before it commits: what this writes (an outbox row) commits with the change
     * or not at all. A failure here fails the change.
     */
    default void tagsChanging(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {}
}

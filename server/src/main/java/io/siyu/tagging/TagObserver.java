package io.siyu.tagging;

import io.siyu.shared.TenantId;
import java.util.Map;

/**
 * Told, after the transaction commits, which customers gained or lost which tags: the segment index keeps
 * its tag bitmaps with it. Added tags are on the customer a profile resolves to; removals take a tag off
 * every profile of a merged customer, so the removed ids include the merged-away profiles.
 */
public interface TagObserver {

    /** @param added customer ids by tag id; @param removed likewise */
    void tagsChanged(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed);
}

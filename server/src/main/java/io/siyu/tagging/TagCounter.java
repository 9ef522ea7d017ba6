package io.siyu.tagging;

import java.util.Map;

/** Counts the customers carrying each tag; the segment index answers from its bitmaps. */
public interface TagCounter {

    /** Customers (merged profiles counted once) by tag id; tags nobody carries may be missing. */
    Map<Integer, Long> counts();
}

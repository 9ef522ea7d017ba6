package io.siyu.analytics;

import io.siyu.segment.SegmentEngine;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The customers each rule selects, from the segment engine's in-memory index (one pass for many rules). */
@Component
class CustomerSets {

    private final SegmentEngine engine;

    CustomerSets(SegmentEngine engine) {
        this.engine = engine;
    }

    List<RoaringBitmap> members(List<JsonNode> rules) {
        return engine.membersNow(rules);
    }

    long[] counts(List<JsonNode> rules) {
        return members(rules).stream()
                .mapToLong(RoaringBitmap::getLongCardinality)
                .toArray();
    }
}

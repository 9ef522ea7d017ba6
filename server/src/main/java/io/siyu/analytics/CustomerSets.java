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

    /** The ids of the customers a rule selects, for {@code = any(?)} in SQL. */
    Long[] ids(JsonNode rule) {
        var members = members(List.of(rule)).getFirst();
        var ids = new Long[members.getCardinality()];
        int i = 0;
        for (var it = members.getIntIterator(); it.hasNext(); ) {
            ids[i++] = (long) it.next();
        }
        return ids;
    }

    /** The values customers carry now in an indexed field (such as {@code sourceChannel}). */
    List<Object> values(String field) {
        return engine.values(field).stream()
                .map(SegmentEngine.ValueCount::value)
                .toList();
    }

    long[] counts(List<JsonNode> rules) {
        return members(rules).stream()
                .mapToLong(RoaringBitmap::getLongCardinality)
                .toArray();
    }
}

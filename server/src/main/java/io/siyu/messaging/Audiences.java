package io.siyu.messaging;

import io.siyu.segment.SegmentEngine;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who an audience is right now, as the segment index answers it. */
@Component
class Audiences {

    private final SegmentManagement segments;
    private final SegmentEngine engine;
    private final JsonMapper json = JsonMapper.builder().build();

    Audiences(SegmentManagement segments, SegmentEngine engine) {
        this.segments = segments;
        this.engine = engine;
    }

    /** The audience as stored: exactly one of segmentId, rule, customerIds; problems named under {@code audience}. */
    JsonNode check(MassSendInput.Audience audience, List<FieldProblem> problems) {
        int given = (audience.segmentId() == null ? 0 : 1)
                + (audience.rule() == null || audience.rule().isNull() ? 0 : 1)
                + (audience.customerIds() == null ? 0 : 1);
        if (given != 1) {
            problems.add(new FieldProblem("audience", "messaging.audience.one"));
            return json.nullNode();
        }
        if (audience.segmentId() != null) {
            try {
                segments.get(audience.segmentId());
            } catch (DomainException e) {
                problems.add(new FieldProblem(
                        "audience.segmentId", "messaging.audience.segment", String.valueOf(audience.segmentId())));
            }
            return json.createObjectNode().put("segmentId", audience.segmentId());
        }
        if (audience.customerIds() != null) {
            var ids = audience.customerIds();
            if (ids.isEmpty() || ids.size() > MassSendInput.MAX_CUSTOMER_IDS) {
                problems.add(new FieldProblem(
                        "audience.customerIds", "messaging.audience.ids", MassSendInput.MAX_CUSTOMER_IDS));
            }
            var node = json.createObjectNode();
            var array = node.putArray("customerIds");
            ids.stream().filter(java.util.Objects::nonNull).distinct().forEach(array::add);
            return node;
        }
        try {
            engine.membersNow(List.of(audience.rule()));
        } catch (DomainException e) {
            for (var problem : e.fieldProblems()) {
                problems.add(new FieldProblem(
                        "audience." + problem.field(), problem.code(), problem.arguments(), problem.message()));
            }
            if (e.fieldProblems().isEmpty()) {
                problems.add(new FieldProblem("audience.rule", e.code(), e.arguments()));
            }
        }
        var node = json.createObjectNode();
        node.set("rule", audience.rule());
        return node;
    }

    /** The customers of a stored audience now. */
    RoaringBitmap members(JsonNode audience) {
        if (audience.has("segmentId")) {
            return segments.members(audience.path("segmentId").asLong());
        }
        if (audience.has("customerIds")) {
            var bitmap = new RoaringBitmap();
            audience.path("customerIds").forEach(id -> bitmap.add((int) id.asLong()));
            return bitmap;
        }
        return engine.membersNow(List.of(audience.path("rule"))).getFirst();
    }
}

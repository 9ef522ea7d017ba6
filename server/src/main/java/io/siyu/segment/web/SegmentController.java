package io.siyu.segment.web;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerDirectory;
import io.siyu.segment.SegmentEngine;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Segments")
class SegmentController {

    static final int MAX_PREVIEW = 100;

    private final SegmentEngine engine;
    private final CustomerDirectory customers;

    SegmentController(SegmentEngine engine, CustomerDirectory customers) {
        this.engine = engine;
        this.customers = customers;
    }

    record Preview(
            long id,
            String name,
            String gender,
            @Nullable Integer city,
            int memberLevel,
            long orderCount,
            BigDecimal gmv,
            @Nullable Instant lastActiveAt) {}

    record EvaluationView(long count, long total, boolean usedSql, double tookMs, List<Preview> preview) {}

    @PostMapping("/api/v1/segments/evaluate")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(
            summary = "Count the customers a rule selects now, with a preview of the first (lowest-numbered) members;"
                    + " body {rule, preview (0-100, default 10)}")
    EvaluationView evaluate(@RequestBody JsonNode body) {
        var previewSize = body.path("preview").asInt(10);
        if (previewSize < 0 || previewSize > MAX_PREVIEW) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("preview", "segment.preview.range", MAX_PREVIEW)));
        }
        var result = engine.evaluate(body.get("rule"), previewSize);
        var preview = customers.summaries(result.sample()).stream()
                .map(c -> new Preview(
                        c.id(),
                        c.name(),
                        c.gender().name().toLowerCase(java.util.Locale.ROOT),
                        c.city(),
                        c.memberLevel(),
                        c.orderCount(),
                        c.gmv(),
                        c.lastActiveAt()))
                .toList();
        return new EvaluationView(result.count(), result.total(), result.usedSql(), result.micros() / 1000.0, preview);
    }
}

package io.siyu.segment.web;

import io.siyu.access.Permission;
import io.siyu.customer.Cities;
import io.siyu.customer.CustomerDirectory;
import io.siyu.segment.SegmentEngine;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final MessageSource messages;

    SegmentController(SegmentEngine engine, CustomerDirectory customers, MessageSource messages) {
        this.engine = engine;
        this.customers = customers;
        this.messages = messages;
    }

    record EvaluationView(long count, long total, boolean usedSql, double tookMs, List<Previews.Preview> preview) {}

    record ValueView(Object value, String label, long count) {}

    record FieldView(String key, String label, String kind, List<String> ops, List<ValueView> values) {}

    record CatalogView(List<FieldView> fields) {}

    @GetMapping("/api/v1/segments/fields")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(
            summary = "The fields a rule can test, in the caller's language: kind, fitting operators and, for fields"
                    + " with few values, the values customers carry now with counts")
    CatalogView fields() {
        var locale = LocaleContextHolder.getLocale();
        var fields = engine.catalog().stream()
                .map(f -> new FieldView(
                        f.key(),
                        f.label() != null
                                ? f.label()
                                : messages.getMessage(
                                        f.key().startsWith("layers.")
                                                ? f.key().replace("layers.", "layer.")
                                                : "segment.field." + f.key(),
                                        null,
                                        f.key(),
                                        locale),
                        f.kind(),
                        f.ops(),
                        f.values().stream()
                                .map(v -> new ValueView(v.value(), valueLabel(f.key(), v.value(), locale), v.count()))
                                .toList()))
                .toList();
        return new CatalogView(fields);
    }

    private String valueLabel(String field, Object value, Locale locale) {
        if (field.equals("city") && value instanceof Long code) {
            return Cities.byCode(code.intValue()).map(c -> c.name(locale)).orElse(value.toString());
        }
        if (field.startsWith("layers.")) {
            var key = field.replace("layers.", "layer.") + "." + value;
            return messages.getMessage(key, null, value.toString(), locale);
        }
        if (value instanceof Boolean || field.equals("gender")) {
            return messages.getMessage("segment.value." + value, null, value.toString(), locale);
        }
        return value.toString();
    }

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
        var preview = Previews.of(customers, result.sample());
        return new EvaluationView(result.count(), result.total(), result.usedSql(), result.micros() / 1000.0, preview);
    }
}

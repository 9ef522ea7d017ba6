package io.siyu.layering.web;

import io.siyu.access.Permission;
import io.siyu.layering.LayerManagement;
import io.siyu.layering.RfmScoring;
import io.siyu.segment.Layer;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Layers")
class LayerController {

    record LevelBody(@Nullable String key, @Nullable JsonNode rule) {}

    record LevelsBody(@Nullable List<LevelBody> levels) {}

    record ScoringBody(
            @Nullable String mode,
            @Nullable List<Integer> recency,
            @Nullable List<Integer> frequency,
            @Nullable List<BigDecimal> monetary,
            @Nullable Integer highFrom) {}

    private final LayerManagement layers;

    LayerController(LayerManagement layers) {
        this.layers = layers;
    }

    @GetMapping("/api/v1/layers")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(
            summary = "Every layer (rfm, rfmR, rfmF, rfmM, lifecycle, growth, circle, intent) with its levels, their"
                    + " rules and how many customers are in each now")
    List<LayerManagement.LayerView> list() {
        return layers.overview();
    }

    @PutMapping("/api/v1/layers/{key}")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(
            summary =
                    "Give lifecycle, growth, circle or intent levels the tenant's own rules: {levels: [{key, rule}]} with"
                            + " the layer's level keys in order of precedence; only the last may have no rule (everyone else)")
    LayerManagement.LayerView update(@PathVariable String key, @RequestBody LevelsBody body) {
        var levels = body.levels() == null
                ? List.<Layer.Level>of()
                : body.levels().stream()
                        .map(l -> new Layer.Level(
                                l.key() == null ? "" : l.key(),
                                l.rule() == null || l.rule().isNull() ? null : l.rule()))
                        .toList();
        return layers.updateLevels(key, levels);
    }

    @DeleteMapping("/api/v1/layers/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(summary = "Back to the built-in level rules of a layer")
    void reset(@PathVariable String key) {
        layers.resetLevels(key);
    }

    @GetMapping("/api/v1/layers/rfm/grid")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(
            summary = "RFM now: the eight groups, and buyers by recency and frequency score (with how many spend high)")
    LayerManagement.RfmGrid rfm() {
        return layers.rfm();
    }

    @PutMapping("/api/v1/layers/rfm/scoring")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(
            summary = "Change RFM scoring: {mode: quintiles|thresholds, recency: 4 day counts (score 5..2 at most),"
                    + " frequency: 4 order counts (score 2..5 from), monetary: 4 amounts in yuan (score 2..5 from),"
                    + " highFrom: 2-5}; quintile cut points are computed from the customers, daily")
    RfmScoring scoring(@RequestBody ScoringBody body) {
        var current = layers.rfm().scoring();
        RfmScoring.Mode mode;
        try {
            mode = body.mode() == null
                    ? current.mode()
                    : RfmScoring.Mode.valueOf(body.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("mode", "layer.rfm.mode")));
        }
        return layers.updateScoring(new RfmScoring(
                mode,
                body.recency() == null ? current.recency() : body.recency(),
                body.frequency() == null ? current.frequency() : body.frequency(),
                body.monetary() == null ? current.monetary() : body.monetary(),
                body.highFrom() == null ? current.highFrom() : body.highFrom(),
                current.computedAt()));
    }

    @GetMapping("/api/v1/layers/{key}/transitions")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(
            summary = "Customers moving between a layer's levels from one daily snapshot to another (default: the"
                    + " earliest within 30 days, and today)")
    LayerManagement.Transitions transitions(
            @PathVariable String key,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return layers.transitions(key, from, to);
    }
}

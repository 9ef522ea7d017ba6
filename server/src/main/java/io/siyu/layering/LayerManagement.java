package io.siyu.layering;

import io.siyu.access.Actor;
import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerStatistics;
import io.siyu.segment.Layer;
import io.siyu.segment.SegmentEngine;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.Bitmaps;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Layers with the size of each level, RFM scoring and its grid, the tenant's own level rules, and
 * transitions between levels from daily snapshots.
 */
@Service
public class LayerManagement {

    private static final double[] QUINTILES = {0.2, 0.4, 0.6, 0.8};

    public record LevelView(String key, @Nullable JsonNode rule, long count) {}

    public record LayerView(String key, boolean editable, boolean customized, List<LevelView> levels) {}

    /**
     * @param cells customers by recency score (row, 5 first) and frequency score (column, 5 first)
     * @param monetaryHigh of those, how many have a high monetary score
     */
    public record RfmGrid(
            RfmScoring scoring,
            List<LevelView> groups,
            long[][] cells,
            long[][] monetaryHigh,
            long buyers,
            long total,
            double tookMs) {}

    /**
     * @param matrix customers by level on {@code from} (rows) and on {@code to} (columns); the last row and
     *     column are customers in no level (new since, or gone)
     */
    public record Transitions(
            String layer, LocalDate from, LocalDate to, List<String> levels, long[][] matrix, List<LocalDate> days) {}

    private final Layers layers;
    private final LayerStore store;
    private final SegmentEngine engine;
    private final SegmentManagement segments;
    private final CustomerStatistics statistics;
    private final TenantManagement tenants;
    private final Clock clock;

    LayerManagement(
            Layers layers,
            LayerStore store,
            SegmentEngine engine,
            SegmentManagement segments,
            CustomerStatistics statistics,
            TenantManagement tenants,
            Clock clock) {
        this.layers = layers;
        this.store = store;
        this.engine = engine;
        this.segments = segments;
        this.statistics = statistics;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Every layer with the size of each level now. */
    @Transactional(readOnly = true)
    public List<LayerView> overview() {
        var all = layers.layers();
        var rules = new ArrayList<JsonNode>();
        all.forEach(layer -> layer.levels().forEach(level -> rules.add(levelRule(layer.key(), level.key()))));
        var members = engine.membersNow(rules);
        var customized = store.levels().keySet();
        var views = new ArrayList<LayerView>();
        int i = 0;
        for (var layer : all) {
            var levels = new ArrayList<LevelView>();
            for (var level : layer.levels()) {
                levels.add(new LevelView(
                        level.key(), level.rule(), members.get(i++).getLongCardinality()));
            }
            views.add(new LayerView(
                    layer.key(),
                    StandardLayers.EDITABLE.containsKey(layer.key()),
                    customized.contains(layer.key()),
                    levels));
        }
        return views;
    }

    /** Gives a layer's levels the tenant's own rules (same level keys; only the last may be "everyone else"). */
    @Transactional
    public LayerView updateLevels(String key, List<Layer.Level> levels) {
        var defaults = StandardLayers.EDITABLE.get(key);
        if (defaults == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "layer.not-editable", key);
        }
        var expected = defaults.stream().map(Layer.Level::key).toList();
        var given = levels.stream().map(Layer.Level::key).toList();
        if (!new HashSet<>(given).equals(new HashSet<>(expected)) || given.size() != expected.size()) {
            throw invalid(List.of(new FieldProblem("levels", "layer.levels.keys", String.join(", ", expected))));
        }
        var problems = new ArrayList<FieldProblem>();
        for (int i = 0; i < levels.size(); i++) {
            var rule = levels.get(i).rule();
            if (rule == null || rule.isNull()) {
                if (i != levels.size() - 1) {
                    problems.add(new FieldProblem("levels[" + i + "].rule", "layer.levels.rest-last"));
                }
                continue;
            }
            try {
                engine.membersNow(List.of(rule));
            } catch (DomainException e) {
                var prefix = "levels[" + i + "].";
                e.fieldProblems()
                        .forEach(p -> problems.add(
                                new FieldProblem(prefix + p.field(), p.code(), p.arguments(), p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        store.saveLevels(key, levels, Actor.currentName());
        changed();
        return overview().stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    }

    /** Back to the built-in rules. */
    @Transactional
    public void resetLevels(String key) {
        store.resetLevels(key);
        changed();
    }

    /** Every buyer's RFM group and scores now. */
    @Transactional(readOnly = true)
    public RfmGrid rfm() {
        long started = System.nanoTime();
        var rules = new ArrayList<JsonNode>();
        StandardLayers.RFM_GROUPS.keySet().forEach(group -> rules.add(levelRule(StandardLayers.RFM, group)));
        for (var score : StandardLayers.RFM_SCORES) {
            for (int s = 5; s >= 1; s--) {
                rules.add(levelRule(score, String.valueOf(s)));
            }
        }
        var scoring = layers.scoring();
        rules.add(StandardLayers.parse("{\"attribute\": \"layers.rfmM\", \"op\": \"in\", \"values\": "
                + highScores(scoring.highFrom()) + "}"));
        var members = engine.membersNow(rules);
        var groups = new ArrayList<LevelView>();
        int g = 0;
        for (var group : StandardLayers.RFM_GROUPS.keySet()) {
            groups.add(new LevelView(group, null, members.get(g++).getLongCardinality()));
        }
        var recency = members.subList(8, 13);
        var frequency = members.subList(13, 18);
        var monetaryHigh = members.getLast();
        var cells = new long[5][5];
        var high = new long[5][5];
        long buyers = 0;
        for (int r = 0; r < 5; r++) {
            for (int f = 0; f < 5; f++) {
                var cell = RoaringBitmap.and(recency.get(r), frequency.get(f));
                cells[r][f] = cell.getLongCardinality();
                high[r][f] = RoaringBitmap.andCardinality(cell, monetaryHigh);
                buyers += cells[r][f];
            }
        }
        return new RfmGrid(scoring, groups, cells, high, buyers, engine.total(), (System.nanoTime() - started) / 1e6);
    }

    /** Changes RFM scoring; in quintile mode the cut points are computed from the customers now. */
    @Transactional
    public RfmScoring updateScoring(RfmScoring scoring) {
        var saved = scoring.mode() == RfmScoring.Mode.QUINTILES ? quintiles(scoring) : scoring;
        store.saveScoring(saved);
        changed();
        return saved;
    }

    /** Computes quintile cut points again (daily, for tenants in quintile mode). */
    @Transactional
    public void recomputeQuintiles() {
        var scoring = layers.scoring();
        if (scoring.mode() == RfmScoring.Mode.QUINTILES) {
            store.saveScoring(quintiles(scoring));
            changed();
        }
    }

    private RfmScoring quintiles(RfmScoring scoring) {
        var zone = zone();
        var q = statistics.purchaseQuantiles(zone.getId(), LocalDate.now(clock.withZone(zone)), QUINTILES);
        if (q.recencyDays().isEmpty()) {
            return new RfmScoring(
                    RfmScoring.Mode.QUINTILES,
                    scoring.recency(),
                    scoring.frequency(),
                    scoring.monetary(),
                    scoring.highFrom(),
                    clock.instant());
        }
        // The most recent fifth scores 5: recency cut points run from the 20th percentile up; the others
        // score 2 from the 20th percentile and 5 from the 80th.
        return new RfmScoring(
                RfmScoring.Mode.QUINTILES,
                q.recencyDays().stream().map(d -> Math.max(0, d)).toList(),
                q.orders().stream().map(o -> Math.max(1, o)).toList(),
                q.gmv(),
                scoring.highFrom(),
                clock.instant());
    }

    /** Customers moving between the levels of a layer from one snapshot day to another. */
    @Transactional
    public Transitions transitions(String key, @Nullable LocalDate from, @Nullable LocalDate to) {
        var layer = layers.layer(key);
        var today = LocalDate.now(clock.withZone(zone()));
        if (!store.hasSnapshot(today)) {
            snapshot(today);
        }
        var days = store.snapshotDays(key);
        var end = to == null ? today : to;
        var start = from == null
                ? days.stream()
                        .filter(d -> !d.isBefore(end.minusDays(30)))
                        .findFirst()
                        .orElse(end)
                : from;
        if (!days.contains(start) || !days.contains(end) || start.isAfter(end)) {
            throw invalid(List.of(new FieldProblem(days.contains(start) ? "to" : "from", "layer.snapshot.missing")));
        }
        var levels = layer.levels().stream().map(Layer.Level::key).toList();
        var before = bitmaps(store.snapshot(key, start), levels);
        // today is now: a snapshot stored earlier today would hide the moves made since
        var after = end.equals(today)
                ? engine.membersNow(
                        levels.stream().map(level -> levelRule(key, level)).toList())
                : bitmaps(store.snapshot(key, end), levels);
        int n = levels.size();
        var matrix = new long[n + 1][n + 1];
        var allBefore = RoaringBitmap.or(before.toArray(RoaringBitmap[]::new));
        var allAfter = RoaringBitmap.or(after.toArray(RoaringBitmap[]::new));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] = RoaringBitmap.andCardinality(before.get(i), after.get(j));
            }
            matrix[i][n] = RoaringBitmap.andNotCardinality(before.get(i), allAfter);
            matrix[n][i] = RoaringBitmap.andNotCardinality(after.get(i), allBefore);
        }
        return new Transitions(key, start, end, levels, matrix, days);
    }

    /** Stores who is in which level of every layer, as of now, under {@code day}. */
    @Transactional
    public void snapshot(LocalDate day) {
        var all = layers.layers();
        var rules = new ArrayList<JsonNode>();
        all.forEach(layer -> layer.levels().forEach(level -> rules.add(levelRule(layer.key(), level.key()))));
        var members = engine.membersNow(rules);
        int i = 0;
        for (var layer : all) {
            for (var level : layer.levels()) {
                var bitmap = members.get(i++);
                store.saveSnapshot(layer.key(), day, level.key(), bitmap.getLongCardinality(), Bitmaps.bytes(bitmap));
            }
        }
    }

    /** Whether a snapshot was taken on the tenant's today. */
    @Transactional(readOnly = true)
    public boolean snapshotTakenToday() {
        return store.hasSnapshot(LocalDate.now(clock.withZone(zone())));
    }

    ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }

    private void changed() {
        layers.changed();
        segments.definitionsChanged();
    }

    private static JsonNode levelRule(String layer, String level) {
        return StandardLayers.parse(
                "{\"attribute\": \"layers." + layer + "\", \"op\": \"eq\", \"value\": \"" + level + "\"}");
    }

    private static String highScores(int from) {
        var scores = new ArrayList<String>();
        for (int s = 5; s >= from; s--) {
            scores.add("\"" + s + "\"");
        }
        return "[" + String.join(", ", scores) + "]";
    }

    private static List<RoaringBitmap> bitmaps(java.util.Map<String, byte[]> stored, List<String> levels) {
        return levels.stream()
                .map(level -> stored.containsKey(level) ? Bitmaps.bitmap(stored.get(level)) : new RoaringBitmap())
                .toList();
    }

    private static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
    }
}

package io.siyu.layering;

import io.siyu.segment.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in layers and their default level rules. Lifecycle, growth, circle and intent levels can be
 * given other rules per tenant; the four RFM layers follow from the tenant's {@link RfmScoring}.
 */
final class StandardLayers {

    static final String RFM = "rfm";
    static final List<String> RFM_SCORES = List.of("rfmR", "rfmF", "rfmM");

    /** The eight classic groups: recency, frequency, monetary high (true) or low. */
    static final Map<String, boolean[]> RFM_GROUPS = groups();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Layers whose level rules a tenant may change, with their default levels (null: everyone else). */
    static final Map<String, List<Layer.Level>> EDITABLE = editable();

    private StandardLayers() {}

    private static Map<String, boolean[]> groups() {
        var groups = new LinkedHashMap<String, boolean[]>();
        groups.put("important_value", new boolean[] {true, true, true});
        groups.put("important_develop", new boolean[] {true, false, true});
        groups.put("important_keep", new boolean[] {false, true, true});
        groups.put("important_retain", new boolean[] {false, false, true});
        groups.put("general_value", new boolean[] {true, true, false});
        groups.put("general_develop", new boolean[] {true, false, false});
        groups.put("general_keep", new boolean[] {false, true, false});
        groups.put("general_retain", new boolean[] {false, false, false});
        return groups;
    }

    private static Map<String, List<Layer.Level>> editable() {
        var layers = new LinkedHashMap<String, List<Layer.Level>>();
        // Stages by how recently a customer came and was active (windows in days).
        layers.put(
                "lifecycle",
                List.of(
                        level("new", "{\"attribute\": \"firstSeenAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": 30}}"),
                        level(
                                "active",
                                "{\"attribute\": \"lastActiveAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": 30}}"),
                        level(
                                "silent",
                                "{\"attribute\": \"lastActiveAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": 90}}"),
                        level("churned", null)));
        // Seed 003: 超级用户 (KOC) buy often and share; 天使 buy and talk to us; 种子 are long-standing members.
        layers.put(
                "growth",
                List.of(
                        level(
                                "super_koc",
                                "{\"and\": [{\"attribute\": \"orderCount\", \"op\": \"gte\", \"value\": 5},"
                                        + " {\"event\": {\"type\": \"share\", \"lastDays\": 30}}]}"),
                        level(
                                "koc",
                                "{\"and\": [{\"attribute\": \"orderCount\", \"op\": \"gte\", \"value\": 2},"
                                        + " {\"event\": {\"type\": \"share\", \"lastDays\": 90}}]}"),
                        level(
                                "angel",
                                "{\"and\": [{\"attribute\": \"orderCount\", \"op\": \"gte\", \"value\": 1},"
                                        + " {\"event\": {\"type\": \"message\", \"lastDays\": 90}}]}"),
                        level(
                                "seed",
                                "{\"and\": [{\"attribute\": \"memberSince\", \"op\": \"lte\", \"value\": {\"daysAgo\": 365}},"
                                        + " {\"attribute\": \"lastActiveAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": 90}}]}"),
                        level("regular", null)));
        // Seed 001: the core pay, come often and stay; the influence layer shares and talks; the rest is outer.
        layers.put(
                "circle",
                List.of(
                        level(
                                "core",
                                "{\"and\": [{\"attribute\": \"orderCount\", \"op\": \"gte\", \"value\": 3},"
                                        + " {\"attribute\": \"gmv\", \"op\": \"gte\", \"value\": \"1000\"},"
                                        + " {\"attribute\": \"lastPurchaseAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": 180}}]}"),
                        level(
                                "influence",
                                "{\"or\": [{\"event\": {\"type\": \"share\", \"lastDays\": 30}},"
                                        + " {\"event\": {\"type\": \"message\", \"lastDays\": 7}}]}"),
                        level("outer", null)));
        layers.put(
                "intent",
                List.of(
                        level(
                                "high",
                                "{\"and\": [{\"event\": {\"type\": \"add_to_cart\", \"lastDays\": 7}},"
                                        + " {\"event\": {\"type\": \"purchase\", \"lastDays\": 7, \"did\": false}}]}"),
                        level(
                                "medium",
                                "{\"or\": [{\"event\": {\"type\": \"favorite\", \"lastDays\": 14}},"
                                        + " {\"event\": {\"type\": \"view\", \"lastDays\": 7}}]}"),
                        level("low", "{\"event\": {\"lastDays\": 30}}"),
                        level("none", null)));
        return layers;
    }

    private static Layer.Level level(String key, @org.jspecify.annotations.Nullable String rule) {
        return new Layer.Level(key, rule == null ? null : JSON.readTree(rule));
    }

    /** The RFM groups and the three score layers under {@code scoring}. */
    static List<Layer> rfm(RfmScoring scoring) {
        var layers = new ArrayList<Layer>();
        var groups = new ArrayList<Layer.Level>();
        RFM_GROUPS.forEach((key, high) -> groups.add(new Layer.Level(
                key,
                JSON.readTree("{\"and\": [" + bought() + ", " + high(0, high[0], scoring) + ", "
                        + high(1, high[1], scoring) + ", " + high(2, high[2], scoring) + "]}"))));
        layers.add(new Layer(RFM, groups));
        for (int dimension = 0; dimension < 3; dimension++) {
            var levels = new ArrayList<Layer.Level>();
            for (int score = 5; score >= 2; score--) {
                levels.add(new Layer.Level(String.valueOf(score), JSON.readTree(atLeast(dimension, score, scoring))));
            }
            levels.add(new Layer.Level("1", JSON.readTree(bought())));
            layers.add(new Layer(RFM_SCORES.get(dimension), levels));
        }
        return layers;
    }

    private static String bought() {
        return "{\"attribute\": \"lastPurchaseAt\", \"op\": \"isSet\"}";
    }

    private static String high(int dimension, boolean high, RfmScoring scoring) {
        var rule = atLeast(dimension, scoring.highFrom(), scoring);
        return high ? rule : "{\"not\": " + rule + "}";
    }

    /** The rule for "scores {@code score} or better" on one dimension (0 recency, 1 frequency, 2 monetary). */
    private static String atLeast(int dimension, int score, RfmScoring scoring) {
        return switch (dimension) {
            case 0 ->
                "{\"attribute\": \"lastPurchaseAt\", \"op\": \"gte\", \"value\": {\"daysAgo\": "
                        + scoring.recencyFor(score) + "}}";
            case 1 ->
                "{\"attribute\": \"orderCount\", \"op\": \"gte\", \"value\": " + scoring.frequencyFor(score) + "}";
            default ->
                "{\"attribute\": \"gmv\", \"op\": \"gte\", \"value\": \""
                        + scoring.monetaryFor(score)
                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString()
                        + "\"}";
        };
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}

package io.siyu.segment;

import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule from its JSON form and checks it against the tenant's fields, tags and event types. Every
 * problem names the rule node it is about ({@code rule.and[1].op}), so that the builder can point at it.
 *
 * <pre>
 * {"and": [...]}  {"or": [...]}  {"not": {...}}
 * {"attribute": "city", "op": "in", "values": [0, 12]}
 * {"attribute": "memberSince", "op": "lte", "value": {"daysAgo": 365}}
 * {"tags": {"all": [3, 7]}}
 * {"event": {"type": "favorite", "lastDays": 30, "atLeast": 2, "where": {...}, "sum": {...}}}
 * </pre>
 */
final class RuleParser {

    static final int MAX_DEPTH = 8;
    static final int MAX_NODES = 200;
    static final int MAX_VALUES = 1000;
    static final int MAX_DAYS = 3660;

    private final Map<String, Field> fields;
    private final IntPredicate tagIds;
    private final Map<String, Integer> eventTypes;
    private final Map<String, Map<String, Rule>> layers;
    private final List<FieldProblem> problems = new ArrayList<>();
    private int nodes;

    RuleParser(Map<String, Field> fields, IntPredicate tagIds, Map<String, Integer> eventTypes) {
        this(fields, tagIds, eventTypes, Map.of());
    }

    /** @param layers each layer's levels with the rule that selects exactly that level's customers */
    RuleParser(
            Map<String, Field> fields,
            IntPredicate tagIds,
            Map<String, Integer> eventTypes,
            Map<String, Map<String, Rule>> layers) {
        this.fields = fields;
        this.tagIds = tagIds;
        this.eventTypes = eventTypes;
        this.layers = layers;
    }

    /** The prefix of layer fields in rules: {@code layers.rfm}. */
    static final String LAYERS = "layers.";

    private static final Set<Rule.Op> LAYER_OPS = Set.of(Rule.Op.EQ, Rule.Op.IN, Rule.Op.NEQ, Rule.Op.NOT_IN);

    /** The rule, or null with {@link #problems()} saying why. */
    @Nullable
    Rule parse(@Nullable JsonNode json) {
        var rule = node(json, "rule", 1);
        return problems.isEmpty() ? rule : null;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    private @Nullable Rule node(@Nullable JsonNode json, String at, int depth) {
        if (json == null || !json.isObject() || json.size() == 0) {
            return problem(at, "segment.rule.node");
        }
        if (depth > MAX_DEPTH) {
            return problem(at, "segment.rule.too-deep", MAX_DEPTH);
        }
        if (++nodes > MAX_NODES) {
            return nodes == MAX_NODES + 1 ? problem(at, "segment.rule.too-large", MAX_NODES) : null;
        }
        if (json.has("and") || json.has("or")) {
            var key = json.has("and") ? "and" : "or";
            var list = json.get(key);
            if (!list.isArray() || list.isEmpty()) {
                return problem(at + "." + key, "segment.rule.group.empty");
            }
            var rules = new ArrayList<Rule>();
            for (int i = 0; i < list.size(); i++) {
                var rule = node(list.get(i), at + "." + key + "[" + i + "]", depth + 1);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            return key.equals("and") ? new Rule.All(rules) : new Rule.Any(rules);
        }
        if (json.has("not")) {
            var rule = node(json.get("not"), at + ".not", depth + 1);
            return rule == null ? null : new Rule.Not(rule);
        }
        if (json.has("attribute")) {
            return attribute(json, at);
        }
        if (json.has("tags")) {
            return tags(json.get("tags"), at + ".tags");
        }
        if (json.has("event")) {
            return event(json.get("event"), at + ".event");
        }
        return problem(at, "segment.rule.node");
    }

    private @Nullable Rule attribute(JsonNode json, String at) {
        var key = text(json.get("attribute"));
        if (key != null && key.startsWith(LAYERS) && layers.containsKey(key.substring(LAYERS.length()))) {
            return layer(json, at, key, layers.get(key.substring(LAYERS.length())));
        }
        var field = key == null ? null : fields.get(key);
        if (field == null) {
            return problem(at + ".attribute", "segment.rule.field.unknown", String.valueOf(key));
        }
        var op = op(json.get("op"));
        if (op == null || !field.kind().ops.contains(op)) {
            return problem(at + ".op", "segment.rule.op.unfit", text(json.get("op")) + "", key);
        }
        if (op == Rule.Op.IS_SET || op == Rule.Op.IS_NOT_SET) {
            return new Rule.Attribute(field, op, List.of());
        }
        var raw = new ArrayList<JsonNode>();
        if (json.has("values") && json.get("values").isArray()) {
            json.get("values").forEach(raw::add);
        } else if (json.has("value")) {
            raw.add(json.get("value"));
        }
        int wanted = switch (op) {
            case BETWEEN -> 2;
            case IN, NOT_IN, ALL -> -1;
            default -> 1;
        };
        if (raw.isEmpty() || (wanted > 0 && raw.size() != wanted) || raw.size() > MAX_VALUES) {
            return problem(at + ".values", "segment.rule.values.count", wanted > 0 ? wanted : MAX_VALUES);
        }
        var values = new ArrayList<Object>();
        for (int i = 0; i < raw.size(); i++) {
            var value = value(field, raw.get(i));
            if (value == null) {
                return problem(at + ".values[" + i + "]", "segment.rule.value.unfit", key);
            }
            values.add(value);
        }
        return new Rule.Attribute(field, op, values);
    }

    /** A layer condition becomes the rules of the levels chosen: in a level, or in none of them. */
    private @Nullable Rule layer(JsonNode json, String at, String key, Map<String, Rule> levels) {
        var op = op(json.get("op"));
        if (op == null || !LAYER_OPS.contains(op)) {
            return problem(at + ".op", "segment.rule.op.unfit", text(json.get("op")) + "", key);
        }
        var raw = new ArrayList<JsonNode>();
        if (json.has("values") && json.get("values").isArray()) {
            json.get("values").forEach(raw::add);
        } else if (json.has("value")) {
            raw.add(json.get("value"));
        }
        if (raw.isEmpty()
                || raw.size() > levels.size()
                || (raw.size() != 1 && (op == Rule.Op.EQ || op == Rule.Op.NEQ))) {
            return problem(
                    at + ".values",
                    "segment.rule.values.count",
                    op == Rule.Op.EQ || op == Rule.Op.NEQ ? 1 : levels.size());
        }
        var chosen = new ArrayList<Rule>();
        for (int i = 0; i < raw.size(); i++) {
            var level = levels.get(text(raw.get(i)));
            if (level == null) {
                return problem(at + ".values[" + i + "]", "segment.rule.value.unfit", key);
            }
            chosen.add(level);
        }
        Rule in = chosen.size() == 1 ? chosen.getFirst() : new Rule.Any(chosen);
        return op == Rule.Op.EQ || op == Rule.Op.IN ? in : new Rule.Not(in);
    }

    private @Nullable Object value(Field field, JsonNode node) {
        return switch (field.kind()) {
            case CATEGORY -> {
                if (!field.codes().isEmpty()) {
                    yield text(node) == null ? null : field.codes().get(text(node));
                }
                yield node.isIntegralNumber() ? node.asLong() : null;
            }
            case NUMBER -> node.isIntegralNumber() ? node.asLong() : null;
            case MONEY -> {
                var amount = decimal(node);
                yield amount == null || amount.scale() > 2
                        ? null
                        : amount.movePointRight(2).longValueExact();
            }
            case DECIMAL -> decimal(node);
            case BOOLEAN -> node.isBoolean() ? (node.asBoolean() ? 1L : 0L) : null;
            case DATE -> date(node);
            case TEXT_CATEGORY, MULTI, TEXT -> text(node);
        };
    }

    private @Nullable Rule tags(JsonNode json, String at) {
        if (!json.isObject() || json.size() != 1) {
            return problem(at, "segment.rule.tags.mode");
        }
        var name = json.propertyNames().iterator().next();
        Rule.TagMode mode;
        try {
            mode = Rule.TagMode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(at, "segment.rule.tags.mode");
        }
        var list = json.get(name);
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_VALUES) {
            return problem(at + "." + name, "segment.rule.values.count", MAX_VALUES);
        }
        var ids = new ArrayList<Integer>();
        for (int i = 0; i < list.size(); i++) {
            var id = list.get(i);
            if (!id.isIntegralNumber() || !tagIds.test(id.asInt())) {
                return problem(at + "." + name + "[" + i + "]", "segment.rule.tag.unknown", id.toString());
            }
            ids.add(id.asInt());
        }
        return new Rule.Tags(mode, ids);
    }

    private @Nullable Rule event(JsonNode json, String at) {
        if (!json.isObject()) {
            return problem(at, "segment.rule.node");
        }
        Integer type = null;
        if (json.has("type") && !json.get("type").isNull()) {
            type = eventTypes.get(text(json.get("type")));
            if (type == null) {
                return problem(at + ".type", "event.type.unknown", String.valueOf(text(json.get("type"))));
            }
        }
        boolean did = !json.has("did") || json.get("did").asBoolean(true);
        var window = window(json, at);
        int atLeast = count(json, "atLeast", at, 1);
        Integer atMost = json.has("atMost") ? count(json, "atMost", at, 1) : null;
        if (atMost != null && atMost < atLeast) {
            problem(at + ".atMost", "segment.rule.count.order");
        }
        Rule.PropertyMatch where = null;
        if (json.has("where")) {
            where = where(json.get("where"), at + ".where");
        }
        Rule.Sum sum = null;
        if (json.has("sum")) {
            sum = sum(json.get("sum"), at + ".sum");
        }
        var timing = Rule.Timing.ANY;
        if (json.has("timing")) {
            try {
                timing = Rule.Timing.valueOf(
                        String.valueOf(text(json.get("timing"))).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(at + ".timing", "segment.rule.timing");
            }
        }
        return window == null ? null : new Rule.Event(type, did, window, atLeast, atMost, where, sum, timing);
    }

    private Rule.@Nullable Window window(JsonNode json, String at) {
        if (json.has("lastDays")) {
            var days = json.get("lastDays");
            if (!days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_DAYS) {
                problem(at + ".lastDays", "segment.rule.window.range", MAX_DAYS);
                return null;
            }
            return Rule.Window.lastDays(days.asInt());
        }
        if (json.has("from") || json.has("to")) {
            var from = json.has("from") ? date(json.get("from")) : null;
            var to = json.has("to") ? date(json.get("to")) : null;
            if ((json.has("from") && from == null) || (json.has("to") && to == null)) {
                problem(at + (from == null && json.has("from") ? ".from" : ".to"), "segment.rule.date");
                return null;
            }
            return new Rule.Window(null, from, to);
        }
        return Rule.Window.EVER;
    }

    private int count(JsonNode json, String name, String at, int min) {
        var node = json.get(name);
        if (node == null) {
            return min;
        }
        if (!node.isIntegralNumber() || node.asInt() < min || node.asInt() > 1_000_000) {
            problem(at + "." + name, "segment.rule.count.range", min);
            return min;
        }
        return node.asInt();
    }

    private Rule.@Nullable PropertyMatch where(JsonNode json, String at) {
        var property = text(json.get("property"));
        var op = op(json.get("op"));
        if (property == null || property.isBlank() || property.length() > 64) {
            problem(at + ".property", "segment.rule.property");
            return null;
        }
        if (op == null
                || !Set.of(Rule.Op.EQ, Rule.Op.NEQ, Rule.Op.IN, Rule.Op.GT, Rule.Op.GTE, Rule.Op.LT, Rule.Op.LTE)
                        .contains(op)) {
            problem(at + ".op", "segment.rule.op.unfit", text(json.get("op")) + "", property);
            return null;
        }
        var raw = new ArrayList<JsonNode>();
        if (json.has("values") && json.get("values").isArray()) {
            json.get("values").forEach(raw::add);
        } else if (json.has("value")) {
            raw.add(json.get("value"));
        }
        if (raw.isEmpty() || raw.size() > MAX_VALUES || (op != Rule.Op.IN && raw.size() != 1)) {
            problem(at + ".values", "segment.rule.values.count", op == Rule.Op.IN ? MAX_VALUES : 1);
            return null;
        }
        var values = new ArrayList<Object>();
        for (var node : raw) {
            boolean ordered = op == Rule.Op.GT || op == Rule.Op.GTE || op == Rule.Op.LT || op == Rule.Op.LTE;
            Object value = node.isNumber() ? node.decimalValue() : ordered ? null : text(node);
            if (value == null) {
                problem(at + ".values", "segment.rule.value.unfit", property);
                return null;
            }
            values.add(value);
        }
        return new Rule.PropertyMatch(property, op, values);
    }

    private Rule.@Nullable Sum sum(JsonNode json, String at) {
        var property = text(json.get("property"));
        var op = op(json.get("op"));
        var value = decimal(json.get("value"));
        if (property == null || property.isBlank() || property.length() > 64) {
            problem(at + ".property", "segment.rule.property");
            return null;
        }
        if (op == null
                || !Set.of(Rule.Op.GT, Rule.Op.GTE, Rule.Op.LT, Rule.Op.LTE, Rule.Op.EQ)
                        .contains(op)) {
            problem(at + ".op", "segment.rule.op.unfit", text(json.get("op")) + "", property);
            return null;
        }
        if (value == null) {
            problem(at + ".value", "segment.rule.value.unfit", property);
            return null;
        }
        return new Rule.Sum(property, op, value);
    }

    private static Rule.@Nullable Op op(@Nullable JsonNode node) {
        var text = text(node);
        if (text == null) {
            return null;
        }
        var name = text.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return Rule.Op.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Rule.@Nullable DateValue date(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.has("daysAgo")) {
            var days = node.get("daysAgo");
            return days.isIntegralNumber() && days.asInt() >= 0 && days.asInt() <= 100 * 366
                    ? Rule.DateValue.ago(days.asInt())
                    : null;
        }
        var text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Rule.DateValue.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.asString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private @Nullable Rule problem(String at, String code, Object... arguments) {
        problems.add(new FieldProblem(at, code, arguments));
        return null;
    }
}

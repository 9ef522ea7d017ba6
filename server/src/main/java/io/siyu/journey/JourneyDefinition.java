package io.siyu.journey;

import io.siyu.shared.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A journey as published: read from its JSON once, with every problem of its shape named by path. What the
 * shape cannot tell (does the segment exist, is the text short enough) {@link JourneyChecks} adds.
 */
record JourneyDefinition(
        Trigger trigger,
        boolean again,
        String start,
        Map<String, Step> steps,
        @Nullable Goal goal,
        Exit exit) {

    static final Set<String> TRIGGERS =
            Set.of("segment_enter", "segment_exit", "event", "tag_added", "tag_removed", "date", "schedule");
    static final Set<String> STEPS = Set.of(
            "wait",
            "wait_until",
            "wait_event",
            "condition",
            "split",
            "message",
            "group_message",
            "moment",
            "tag",
            "attribute",
            "reward",
            "webhook",
            "task",
            "exit");
    static final Set<String> WAITS = Set.of("wait", "wait_until", "wait_event");
    static final Set<String> OPS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "contains");
    static final Duration MIN_WAIT = Duration.ofMinutes(1);
    static final Duration MAX_WAIT = Duration.ofDays(365);
    static final int MAX_STEPS = 200;
    static final String PREFIX = "definition.";

    /** A property test of an event: {@code amount gte 100}. */
    record Where(String property, String op, JsonNode value) {

        boolean matches(JsonNode properties) {
            var actual = properties.path(property);
            if (actual.isMissingNode() || actual.isNull()) {
                return op.equals("neq");
            }
            if (op.equals("contains")) {
                return actual.asString("").contains(value.asString(""));
            }
            int order;
            if (actual.isNumber() && value.isNumber()) {
                order = actual.decimalValue().compareTo(value.decimalValue());
            } else if (actual.isNumber() && value.isString()) {
                try {
                    order = actual.decimalValue().compareTo(new java.math.BigDecimal(value.asString()));
                } catch (NumberFormatException e) {
                    return op.equals("neq");
                }
            } else {
                order = actual.asString("").compareTo(value.asString(""));
            }
            return switch (op) {
                case "eq" -> order == 0;
                case "neq" -> order != 0;
                case "gt" -> order > 0;
                case "gte" -> order >= 0;
                case "lt" -> order < 0;
                default -> order <= 0;
            };
        }

        static boolean all(List<Where> where, JsonNode properties) {
            return where.stream().allMatch(w -> w.matches(properties));
        }
    }

    record Trigger(
            String type,
            @Nullable Long segmentId,
            @Nullable String eventType,
            List<Where> where,
            @Nullable Integer tagId,
            String field,
            int daysBefore,
            @Nullable LocalTime at,
            String every,
            @Nullable LocalDate date,
            Set<Integer> weekdays,
            Set<Integer> monthDays) {}

    record Branch(int percent, @Nullable String next) {}

    /**
     * A step. {@code next} is where a customer goes after it (null: the journey ends); conditions and waits for
     * an event also have {@code elseNext} (no / timed out); splits have branches. The rest is read per type.
     */
    record Step(
            int index,
            String id,
            String type,
            String name,
            @Nullable String next,
            @Nullable String elseNext,
            List<Branch> branches,
            JsonNode config) {

        String path() {
            return PREFIX + "steps[" + index + "]";
        }

        List<String> successors() {
            var all = new ArrayList<String>();
            if (next != null) {
                all.add(next);
            }
            if (elseNext != null) {
                all.add(elseNext);
            }
            branches.forEach(b -> {
                if (b.next() != null) {
                    all.add(b.next());
                }
            });
            return all;
        }

        String text(String field) {
            return config.path(field).asString("").strip();
        }

        @Nullable
        Duration duration(String field) {
            return JourneyDefinition.duration(config.path(field));
        }

        @Nullable
        LocalTime time(String field) {
            return JourneyDefinition.time(config.path(field));
        }

        List<Long> longs(String field) {
            var values = new ArrayList<Long>();
            config.path(field).forEach(n -> {
                if (n.canConvertToLong()) {
                    values.add(n.asLong());
                }
            });
            return values;
        }

        List<String> texts(String field) {
            var values = new ArrayList<String>();
            config.path(field).forEach(n -> {
                if (n.isString() && !n.asString().isBlank()) {
                    values.add(n.asString().strip());
                }
            });
            return values.stream().distinct().toList();
        }

        Set<Integer> ints(String field) {
            var values = new TreeSet<Integer>();
            config.path(field).forEach(n -> {
                if (n.canConvertToInt()) {
                    values.add(n.asInt());
                }
            });
            return values;
        }

        List<Where> where() {
            return JourneyDefinition.where(config.path("where"), path() + ".where", new ArrayList<>());
        }

        @Nullable
        Long appId() {
            var app = config.path("appId");
            return app.canConvertToLong() ? app.asLong() : null;
        }

        @Nullable
        URI url() {
            try {
                var url = URI.create(text("url"));
                return url.getHost() == null ? null : url;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    record Goal(String eventType, List<Where> where, int windowDays, boolean exitOnGoal) {}

    record Exit(@Nullable String eventType, @Nullable Long segmentId) {}

    Step step(String id) {
        var step = steps.get(id);
        if (step == null) {
            throw new IllegalStateException("no step " + id);
        }
        return step;
    }

    /** Reads a definition; problems of its shape go to {@code problems} (what can be read is still returned). */
    static JourneyDefinition read(JsonNode json, List<FieldProblem> problems) {
        if (!json.isObject()) {
            problems.add(new FieldProblem("definition", "journey.definition.object"));
            json = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        var trigger = trigger(json.path("trigger"), problems);
        var entry = json.path("entry").asString("once");
        if (!entry.equals("once") && !entry.equals("again")) {
            problems.add(new FieldProblem(PREFIX + "entry", "journey.entry"));
        }
        var steps = new LinkedHashMap<String, Step>();
        var array = json.path("steps");
        if (!array.isArray() || array.isEmpty()) {
            problems.add(new FieldProblem(PREFIX + "steps", "journey.steps.empty"));
        } else if (array.size() > MAX_STEPS) {
            problems.add(new FieldProblem(PREFIX + "steps", "journey.steps.many", MAX_STEPS));
        } else {
            for (int i = 0; i < array.size(); i++) {
                var step = step(i, array.get(i), problems);
                if (step != null && steps.putIfAbsent(step.id(), step) != null) {
                    problems.add(new FieldProblem(step.path() + ".id", "journey.step.id.repeated", step.id()));
                }
            }
        }
        var start = json.path("start").asString("");
        if (start.isEmpty() && !steps.isEmpty()) {
            problems.add(new FieldProblem(PREFIX + "start", "problem.field.required"));
        } else if (!start.isEmpty() && !steps.containsKey(start)) {
            problems.add(new FieldProblem(PREFIX + "start", "journey.step.unknown", start));
        }
        Goal goal = null;
        var g = json.path("goal");
        if (g.isObject() && !g.path("eventType").asString("").isEmpty()) {
            int window = g.path("windowDays").asInt(7);
            if (window < 1 || window > 365) {
                problems.add(new FieldProblem(PREFIX + "goal.windowDays", "journey.goal.window"));
            }
            goal = new Goal(
                    g.path("eventType").asString(),
                    where(g.path("where"), PREFIX + "goal.where", problems),
                    window,
                    g.path("exitOnGoal").asBoolean(false));
        }
        var x = json.path("exit");
        var exitEvent = x.path("eventType").asString("");
        var exit = new Exit(
                exitEvent.isEmpty() ? null : exitEvent,
                x.path("segmentId").canConvertToLong() ? x.path("segmentId").asLong() : null);
        return new JourneyDefinition(trigger, entry.equals("again"), start, steps, goal, exit);
    }

    private static Trigger trigger(JsonNode t, List<FieldProblem> problems) {
        var at = PREFIX + "trigger";
        var type = t.path("type").asString("");
        if (!TRIGGERS.contains(type)) {
            problems.add(new FieldProblem(at + ".type", "journey.trigger.type"));
        }
        Long segmentId =
                t.path("segmentId").canConvertToLong() ? t.path("segmentId").asLong() : null;
        Integer tagId = t.path("tagId").canConvertToInt() ? t.path("tagId").asInt() : null;
        var eventType = t.path("eventType").asString("");
        switch (type) {
            case "segment_enter", "segment_exit" -> {
                if (segmentId == null) {
                    problems.add(new FieldProblem(at + ".segmentId", "problem.field.required"));
                }
            }
            case "tag_added", "tag_removed" -> {
                if (tagId == null) {
                    problems.add(new FieldProblem(at + ".tagId", "problem.field.required"));
                }
            }
            case "event" -> {
                if (eventType.isEmpty()) {
                    problems.add(new FieldProblem(at + ".eventType", "problem.field.required"));
                }
            }
            default -> {}
        }
        var time = time(t.path("at"));
        if ((type.equals("date") || type.equals("schedule")) && time == null) {
            problems.add(new FieldProblem(at + ".at", "journey.time"));
        }
        int daysBefore = t.path("daysBefore").asInt(0);
        var field = t.path("field").asString("birthday");
        if (type.equals("date") && (daysBefore < 0 || daysBefore > 60)) {
            problems.add(new FieldProblem(at + ".daysBefore", "journey.trigger.days-before"));
        }
        var every = t.path("every").asString("day");
        LocalDate date = null;
        var weekdays = ints(t.path("weekdays"));
        var monthDays = ints(t.path("monthDays"));
        if (type.equals("schedule")) {
            if (segmentId == null) {
                problems.add(new FieldProblem(at + ".segmentId", "problem.field.required"));
            }
            switch (every) {
                case "once" -> {
                    try {
                        date = LocalDate.parse(t.path("date").asString(""));
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldProblem(at + ".date", "journey.date"));
                    }
                }
                case "week" -> {
                    if (weekdays.isEmpty() || weekdays.stream().anyMatch(d -> d < 1 || d > 7)) {
                        problems.add(new FieldProblem(at + ".weekdays", "journey.weekdays"));
                    }
                }
                case "month" -> {
                    if (monthDays.isEmpty() || monthDays.stream().anyMatch(d -> d < 1 || d > 31)) {
                        problems.add(new FieldProblem(at + ".monthDays", "journey.month-days"));
                    }
                }
                case "day" -> {}
                default -> problems.add(new FieldProblem(at + ".every", "journey.every"));
            }
        }
        return new Trigger(
                type,
                segmentId,
                eventType.isEmpty() ? null : eventType,
                where(t.path("where"), at + ".where", problems),
                tagId,
                field,
                daysBefore,
                time,
                every,
                date,
                weekdays,
                monthDays);
    }

    private static @Nullable Step step(int i, JsonNode s, List<FieldProblem> problems) {
        var at = PREFIX + "steps[" + i + "]";
        if (!s.isObject()) {
            problems.add(new FieldProblem(at, "journey.definition.object"));
            return null;
        }
        var id = s.path("id").asString("").strip();
        if (id.isEmpty() || id.length() > 64) {
            problems.add(new FieldProblem(at + ".id", "journey.step.id"));
            return null;
        }
        var type = s.path("type").asString("");
        if (!STEPS.contains(type)) {
            problems.add(new FieldProblem(at + ".type", "journey.step.type"));
        }
        var branches = new ArrayList<Branch>();
        s.path("branches")
                .forEach(b -> branches.add(new Branch(b.path("percent").asInt(-1), id(b.path("next")))));
        return new Step(
                i, id, type, s.path("name").asString(""), id(s.path("next")), id(s.path("elseNext")), branches, s);
    }

    private static @Nullable String id(JsonNode node) {
        var text = node.asString("").strip();
        return text.isEmpty() ? null : text;
    }

    static List<Where> where(JsonNode array, String at, List<FieldProblem> problems) {
        var where = new ArrayList<Where>();
        if (!array.isArray()) {
            return where;
        }
        for (int i = 0; i < array.size(); i++) {
            var w = array.get(i);
            var property = w.path("property").asString("");
            var op = w.path("op").asString("eq");
            if (property.isEmpty()) {
                problems.add(new FieldProblem(at + "[" + i + "].property", "problem.field.required"));
            } else if (!OPS.contains(op)) {
                problems.add(new FieldProblem(at + "[" + i + "].op", "journey.where.op"));
            } else {
                where.add(new Where(property, op, w.path("value")));
            }
        }
        return where;
    }

    static @Nullable Duration duration(JsonNode node) {
        try {
            var text = node.asString("").strip();
            return text.isEmpty() ? null : Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static @Nullable LocalTime time(JsonNode node) {
        try {
            var text = node.asString("").strip();
            return text.isEmpty() ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Set<Integer> ints(JsonNode array) {
        var values = new TreeSet<Integer>();
        array.forEach(n -> values.add(n.asInt(-1)));
        return values;
    }
}

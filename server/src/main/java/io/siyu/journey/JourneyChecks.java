package io.siyu.journey;

import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.AttributeType;
import io.siyu.customer.CustomerAttributes;
import io.siyu.event.EventCatalog;
import io.siyu.messaging.MomentTasks;
import io.siyu.messaging.Outreach;
import io.siyu.segment.SegmentEngine;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.tagging.TagManagement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything publishing checks beyond a definition's shape: the graph (every id known, every step
 * reachable, no loop a customer could go round without waiting) and what steps refer to (segments, tags,
 * event types, attributes, materials), each problem named by its path.
 */
@Component
class JourneyChecks {

    private final SegmentManagement segments;
    private final SegmentEngine engine;
    private final TagManagement tags;
    private final EventCatalog catalog;
    private final CustomerAttributes attributes;
    private final Outreach outreach;
    private final Optional<Rewards> rewards;
    private final JsonMapper json = JsonMapper.builder().build();

    JourneyChecks(
            SegmentManagement segments,
            SegmentEngine engine,
            TagManagement tags,
            EventCatalog catalog,
            CustomerAttributes attributes,
            Outreach outreach,
            Optional<Rewards> rewards) {
        this.segments = segments;
        this.engine = engine;
        this.tags = tags;
        this.catalog = catalog;
        this.attributes = attributes;
        this.outreach = outreach;
        this.rewards = rewards;
    }

    /** The definition, read and checked; problems of either kind go to {@code problems}. */
    JourneyDefinition check(JsonNode json, List<FieldProblem> problems) {
        var definition = JourneyDefinition.read(json, problems);
        graph(definition, problems);
        trigger(definition.trigger(), problems);
        var goal = definition.goal();
        if (goal != null) {
            eventType(goal.eventType(), JourneyDefinition.PREFIX + "goal.eventType", problems);
        }
        if (definition.exit().eventType() != null) {
            eventType(definition.exit().eventType(), JourneyDefinition.PREFIX + "exit.eventType", problems);
        }
        if (definition.exit().segmentId() != null) {
            segment(definition.exit().segmentId(), JourneyDefinition.PREFIX + "exit.segmentId", problems);
        }
        definition.steps().values().forEach(step -> step(step, problems));
        return definition;
    }

    private void graph(JourneyDefinition d, List<FieldProblem> problems) {
        for (var step : d.steps().values()) {
            check(d, step.next(), step.path() + ".next", problems);
            check(d, step.elseNext(), step.path() + ".elseNext", problems);
            for (int i = 0; i < step.branches().size(); i++) {
                check(d, step.branches().get(i).next(), step.path() + ".branches[" + i + "].next", problems);
            }
        }
        if (!d.steps().containsKey(d.start())) {
            return;
        }
        var reached = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(d.start()));
        while (!queue.isEmpty()) {
            var id = queue.pop();
            if (reached.add(id) && d.steps().containsKey(id)) {
                queue.addAll(d.steps().get(id).successors());
            }
        }
        d.steps().values().stream()
                .filter(s -> !reached.contains(s.id()))
                .forEach(s -> problems.add(new FieldProblem(s.path(), "journey.step.unreachable", s.id())));
        // a loop through steps that are not waits would take a customer round without end
        var state = new HashMap<String, Integer>();
        for (var step : d.steps().values()) {
            var cycle = cycleFrom(d, step.id(), state);
            if (cycle != null) {
                problems.add(new FieldProblem(d.steps().get(cycle).path(), "journey.step.cycle", cycle));
                return;
            }
        }
    }

    /** Depth-first over non-wait steps; answers a step on a loop without waits, or null. */
    private static @Nullable String cycleFrom(JourneyDefinition d, String id, Map<String, Integer> state) {
        var step = d.steps().get(id);
        if (step == null || JourneyDefinition.WAITS.contains(step.type()) || state.getOrDefault(id, 0) == 2) {
            return null;
        }
        if (state.getOrDefault(id, 0) == 1) {
            return id;
        }
        state.put(id, 1);
        for (var next : step.successors()) {
            var found = cycleFrom(d, next, state);
            if (found != null) {
                return found;
            }
        }
        state.put(id, 2);
        return null;
    }

    private static void check(JourneyDefinition d, @Nullable String id, String field, List<FieldProblem> problems) {
        if (id != null && !d.steps().containsKey(id)) {
            problems.add(new FieldProblem(field, "journey.step.unknown", id));
        }
    }

    private void trigger(JourneyDefinition.Trigger t, List<FieldProblem> problems) {
        var at = JourneyDefinition.PREFIX + "trigger";
        if (t.segmentId() != null && !t.type().equals("event")) {
            segment(t.segmentId(), at + ".segmentId", problems);
        }
        if (t.tagId() != null && (t.type().equals("tag_added") || t.type().equals("tag_removed"))) {
            tag(t.tagId(), at + ".tagId", problems);
        }
        if (t.type().equals("event") && t.eventType() != null) {
            eventType(t.eventType(), at + ".eventType", problems);
        }
        if (t.type().equals("date") && !t.field().equals("birthday")) {
            var definition = attribute(t.field().replaceFirst("^attributes\\.", ""), at + ".field", problems);
            if (definition != null && definition.type() != AttributeType.DATE) {
                problems.add(new FieldProblem(at + ".field", "journey.trigger.date-field"));
            }
        }
    }

    private void step(JourneyDefinition.Step step, List<FieldProblem> problems) {
        var at = step.path();
        switch (step.type()) {
            case "wait" -> duration(step, "duration", problems);
            case "wait_until" -> {
                if (step.time("time") == null) {
                    problems.add(new FieldProblem(at + ".time", "journey.time"));
                }
            }
            case "wait_event" -> {
                eventType(step.text("eventType"), at + ".eventType", problems);
                duration(step, "timeout", problems);
            }
            case "condition" -> {
                if (step.elseNext() == null && step.next() == null) {
                    problems.add(new FieldProblem(at + ".next", "journey.condition.paths"));
                }
                try {
                    engine.membersNow(List.of(step.config().path("rule")));
                } catch (DomainException e) {
                    e.fieldProblems()
                            .forEach(p -> problems.add(new FieldProblem(
                                    // the parser names its fields from the rule down: rule.and[2].op
                                    at + (p.field().startsWith("rule") ? "." + p.field() : ".rule"),
                                    p.code(),
                                    p.arguments(),
                                    p.message())));
                    if (e.fieldProblems().isEmpty()) {
                        problems.add(new FieldProblem(at + ".rule", e.code()));
                    }
                }
            }
            case "split" -> {
                int total = step.branches().stream()
                        .mapToInt(JourneyDefinition.Branch::percent)
                        .sum();
                if (step.branches().size() < 2
                        || total != 100
                        || step.branches().stream().anyMatch(b -> b.percent() < 1)) {
                    problems.add(new FieldProblem(at + ".branches", "journey.split.percent"));
                }
            }
            case "message" -> {
                outreach.check(at + ".", step.text("text"), step.longs("materialIds"), step.text("priority"), problems);
                app(step, problems);
            }
            case "group_message" -> {
                app(step, problems);
                outreach.checkGroupMessage(
                        at + ".",
                        appOf(step),
                        step.text("text"),
                        step.longs("materialIds"),
                        step.texts("chatIds"),
                        step.texts("staff"),
                        problems);
            }
            case "moment" -> {
                app(step, problems);
                outreach.checkMoment(
                        at + ".",
                        new MomentTasks.Input(
                                appOf(step),
                                null,
                                step.text("text"),
                                step.longs("materialIds"),
                                step.texts("staff"),
                                List.copyOf(step.ints("tagIds")),
                                null),
                        problems);
            }
            case "tag" -> {
                var add = step.ints("add");
                var remove = step.ints("remove");
                if (add.isEmpty() && remove.isEmpty()) {
                    problems.add(new FieldProblem(at + ".add", "journey.tag.empty"));
                }
                add.forEach(id -> tag(id, at + ".add", problems));
                remove.forEach(id -> tag(id, at + ".remove", problems));
            }
            case "attribute" -> {
                var definition = attribute(step.text("key"), at + ".key", problems);
                if (definition != null) {
                    var values = json.createObjectNode()
                            .set(definition.key(), step.config().path("value"));
                    var found = new ArrayList<FieldProblem>();
                    attributes.validate(values, List.of(definition), at + ".value", found);
                    found.forEach(
                            p -> problems.add(new FieldProblem(at + ".value", p.code(), p.arguments(), p.message())));
                }
            }
            case "reward" -> {
                var kind = step.text("kind");
                if (rewards.isEmpty()) {
                    problems.add(new FieldProblem(at + ".kind", "journey.reward.unavailable"));
                } else if (kind.equals("points")) {
                    if (step.config().path("amount").asLong(0) < 1) {
                        problems.add(new FieldProblem(at + ".amount", "journey.reward.amount"));
                    }
                } else if (kind.equals("coupon")) {
                    if (!rewards.get().couponExists(step.text("couponId"))) {
                        problems.add(
                                new FieldProblem(at + ".couponId", "journey.reward.coupon", step.text("couponId")));
                    }
                } else {
                    problems.add(new FieldProblem(at + ".kind", "journey.reward.kind"));
                }
            }
            case "webhook" -> {
                var url = step.url();
                if (url == null || !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                    problems.add(new FieldProblem(at + ".url", "journey.webhook.url"));
                }
            }
            case "task" -> {
                var title = step.text("title");
                if (title.isEmpty() || title.length() > 100) {
                    problems.add(new FieldProblem(at + ".title", "journey.task.title"));
                }
                if (step.config().has("dueIn") && step.duration("dueIn") == null) {
                    problems.add(new FieldProblem(at + ".dueIn", "journey.duration"));
                }
            }
            default -> {}
        }
    }

    private void app(JourneyDefinition.Step step, List<FieldProblem> problems) {
        var app = step.appId();
        if (app == null ? outreach.defaultApp().isEmpty() : !outreach.hasApp(app)) {
            problems.add(new FieldProblem(step.path() + ".appId", "journey.app"));
        }
    }

    /** The app a step goes through, if the tenant has it: its own, or the only one connected. */
    private @Nullable Long appOf(JourneyDefinition.Step step) {
        var app = step.appId();
        if (app == null) {
            return outreach.defaultApp().orElse(null);
        }
        return outreach.hasApp(app) ? app : null;
    }

    private static void duration(JourneyDefinition.Step step, String field, List<FieldProblem> problems) {
        var duration = step.duration(field);
        if (duration == null
                || duration.compareTo(JourneyDefinition.MIN_WAIT) < 0
                || duration.compareTo(JourneyDefinition.MAX_WAIT) > 0) {
            problems.add(new FieldProblem(step.path() + "." + field, "journey.duration"));
        }
    }

    private void segment(long id, String field, List<FieldProblem> problems) {
        try {
            segments.get(id);
        } catch (DomainException e) {
            problems.add(new FieldProblem(field, "journey.segment.unknown", String.valueOf(id)));
        }
    }

    private void tag(int id, String field, List<FieldProblem> problems) {
        try {
            tags.tag(id);
        } catch (DomainException e) {
            problems.add(new FieldProblem(field, "journey.tag.unknown", String.valueOf(id)));
        }
    }

    private void eventType(@Nullable String name, String field, List<FieldProblem> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem(field, "problem.field.required"));
        } else if (!catalog.byName().containsKey(name)) {
            problems.add(new FieldProblem(field, "journey.event.unknown", name));
        }
    }

    private @Nullable AttributeDefinition attribute(String key, String field, List<FieldProblem> problems) {
        try {
            return attributes.find(key);
        } catch (DomainException e) {
            problems.add(new FieldProblem(field, "journey.attribute.unknown", key));
            return null;
        }
    }
}

package io.siyu.journey;

import io.siyu.customer.CustomerProfiles;
import io.siyu.messaging.Outreach;
import io.siyu.segment.SegmentEngine;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagSource;
import io.siyu.wecom.WeComRelations;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Does one step for a group of runs standing on it (same journey, version and step), inside the runner's
 * transaction: runs arriving at the step get its effect; runs whose wait there is over go on. Effects are
 * rows keyed by (run, seq) — actions, tasks — or writes of other modules in the same transaction (tags,
 * attributes), so a step redone after a crash has them once.
 */
@Component
class StepExecutor {

    /** A run as the runner holds it while moving it; written back when the round's transaction ends. */
    static final class Run {
        final long id;
        final long journeyId;
        final int version;
        final long customerId;
        final Instant enteredAt;
        String step;
        String state;

        @Nullable
        Instant dueAt;

        @Nullable
        Integer waitEvent;

        @Nullable
        String waitOutcome;

        int seq;
        int attempts;

        @Nullable
        String error;

        @Nullable
        Instant endedAt;

        @Nullable
        String exitReason;

        Run(long id, long journeyId, int version, long customerId, Instant enteredAt, String step, String state) {
            this.id = id;
            this.journeyId = journeyId;
            this.version = version;
            this.customerId = customerId;
            this.enteredAt = enteredAt;
            this.step = step;
            this.state = state;
        }

        boolean open() {
            return endedAt == null;
        }
    }

    /**
     * A message step's group this large is a mass send of its own, made in the step's transaction; smaller
     * ones wait as actions to be gathered with others, so staff confirm a few big tasks in WeCom, not many.
     */
    static final int DIRECT = 1_000;

    record Log(
            long runId,
            int seq,
            long journeyId,
            int version,
            String step,
            String outcome,
            @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final SegmentEngine engine;
    private final TagManagement tags;
    private final CustomerProfiles profiles;
    private final WeComRelations relations;
    private final Outreach outreach;
    private final Optional<Rewards> rewards;
    private final JourneyStore store;
    private final JourneyMessages messages;
    private final JsonMapper json = JsonMapper.builder().build();

    StepExecutor(
            JdbcClient jdbc,
            SegmentEngine engine,
            TagManagement tags,
            CustomerProfiles profiles,
            WeComRelations relations,
            Outreach outreach,
            Optional<Rewards> rewards,
            JourneyStore store,
            JourneyMessages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.engine = engine;
        this.tags = tags;
        this.profiles = profiles;
        this.relations = relations;
        this.outreach = outreach;
        this.rewards = rewards;
        this.store = store;
    }

    /** Moves the runs of one step; what they pass is added to {@code logs}. */
    void execute(JourneyDefinition.Step step, List<Run> runs, Instant now, ZoneId zone, List<Log> logs) {
        var arriving = new ArrayList<Run>();
        for (var run : runs) {
            if (run.state.equals("waiting")) {
                resume(step, run, now, logs);
            } else {
                arriving.add(run);
            }
        }
        if (!arriving.isEmpty()) {
            arrive(step, arriving, now, zone, logs);
        }
    }

    private void resume(JourneyDefinition.Step step, Run run, Instant now, List<Log> logs) {
        switch (step.type()) {
            case "wait_event" -> {
                boolean happened = "event".equals(run.waitOutcome);
                log(run, step, happened ? "event" : "timeout", null, logs);
                go(run, happened ? step.next() : step.elseNext(), now);
            }
            case "webhook" -> {
                if ("failed".equals(run.waitOutcome)) {
                    log(run, step, "failed", run.error, logs);
                    fail(run, run.error, now);
                } else {
                    log(run, step, "done", null, logs);
                    go(run, step.next(), now);
                }
            }
            default -> {
                log(run, step, "done", null, logs);
                go(run, step.next(), now);
            }
        }
    }

    private void arrive(JourneyDefinition.Step step, List<Run> runs, Instant now, ZoneId zone, List<Log> logs) {
        switch (step.type()) {
            case "wait" -> runs.forEach(r -> waitUntil(r, now.plus(Objects.requireNonNull(step.duration("duration")))));
            case "wait_until" -> {
                var at = nextTime(step, now, zone);
                runs.forEach(r -> waitUntil(r, at));
            }
            case "wait_event" -> {
                int type = store.eventCode(step.text("eventType"));
                var timeout = now.plus(Objects.requireNonNull(step.duration("timeout")));
                runs.forEach(r -> {
                    waitUntil(r, timeout);
                    r.waitEvent = type;
                });
            }
            case "condition" -> {
                var members =
                        engine.membersNow(List.of(step.config().path("rule"))).getFirst();
                for (var run : runs) {
                    boolean yes = run.customerId <= Integer.MAX_VALUE && members.contains((int) run.customerId);
                    log(run, step, yes ? "yes" : "no", null, logs);
                    go(run, yes ? step.next() : step.elseNext(), now);
                }
            }
            case "split" -> {
                for (var run : runs) {
                    int bucket =
                            Math.floorMod(Long.hashCode(run.id * 31 + step.id().hashCode()), 100);
                    int branch = 0;
                    int upTo = 0;
                    for (int i = 0; i < step.branches().size(); i++) {
                        upTo += step.branches().get(i).percent();
                        if (bucket < upTo) {
                            branch = i;
                            break;
                        }
                    }
                    log(run, step, "branch-" + branch, null, logs);
                    go(run, step.branches().get(branch).next(), now);
                }
            }
            case "message" -> {
                runs.forEach(r -> log(r, step, "done", null, logs));
                if (runs.size() >= DIRECT) {
                    messages.sendNow(step, runs.getFirst().journeyId, runs.getFirst().version, customers(runs));
                } else {
                    actions(step, runs, "message", 0);
                }
                runs.forEach(r -> go(r, step.next(), now));
            }
            case "group_message", "moment" -> {
                var first = runs.getFirst();
                var error = messages.share(step, first.journeyId, first.version, LocalDate.ofInstant(now, zone));
                runs.forEach(r -> {
                    log(r, step, error == null ? "done" : "failed", error, logs);
                    go(r, step.next(), now);
                });
            }
            case "webhook" -> {
                // the run waits at the step until the webhook is answered; the answer's log takes seq + 1
                actions(step, runs, "webhook", 1);
                runs.forEach(r -> {
                    r.state = "waiting";
                    r.dueAt = null;
                });
            }
            case "tag" -> {
                tags.applyFromConnector(customers(runs), step.ints("add"), step.ints("remove"), TagSource.JOURNEY);
                done(step, runs, now, logs);
            }
            case "attribute" -> {
                var value = step.config().path("value");
                profiles.setAttribute(
                        customers(runs),
                        step.text("key"),
                        value.isNull() ? null : json.treeToValue(value, Object.class));
                done(step, runs, now, logs);
            }
            case "reward" -> {
                var grants = new HashMap<Long, String>();
                runs.forEach(r -> grants.put(r.customerId, r.id + "-" + (r.seq + 1)));
                rewards.orElseThrow(() -> new IllegalStateException("no rewards"))
                        .grant(
                                step.text("kind"),
                                step.config().path("amount").asLong(0),
                                step.text("couponId"),
                                grants);
                done(step, runs, now, logs);
            }
            case "task" -> {
                runs.forEach(r -> log(r, step, "done", null, logs));
                tasks(step, runs, now);
                runs.forEach(r -> go(r, step.next(), now));
            }
            case "exit" -> {
                for (var run : runs) {
                    log(run, step, "done", null, logs);
                    end(run, "exited", "step", now);
                }
            }
            default -> throw new IllegalStateException("unknown step type " + step.type());
        }
    }

    private void done(JourneyDefinition.Step step, List<Run> runs, Instant now, List<Log> logs) {
        for (var run : runs) {
            log(run, step, "done", null, logs);
            go(run, step.next(), now);
        }
    }

    private void actions(JourneyDefinition.Step step, List<Run> runs, String kind, int ahead) {
        var ids = new Long[runs.size()];
        var seqs = new Integer[runs.size()];
        var customers = new Long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            var run = runs.get(i);
            ids[i] = run.id;
            seqs[i] = run.seq + ahead;
            customers[i] = run.customerId;
        }
        var first = runs.getFirst();
        jdbc.sql("""
                        insert into journey_action (run_id, seq, journey_id, version, step, customer_id, kind)
                        select r, s, ?, ?, ?, c, ? from unnest(?::bigint[], ?::int[], ?::bigint[]) as x(r, s, c)
                        on conflict do nothing""")
                .params(first.journeyId, first.version, step.id(), kind, ids, seqs, customers)
                .update();
    }

    private void tasks(JourneyDefinition.Step step, List<Run> runs, Instant now) {
        var owners = new HashMap<Long, String>();
        var app = step.appId() != null ? Optional.of(step.appId()) : outreach.defaultApp();
        app.ifPresent(a -> relations
                .reachable(a, customers(runs), List.of())
                .forEach(r -> owners.put(r.customerId(), r.userId())));
        var dueIn = step.duration("dueIn");
        var due = dueIn == null ? null : Timestamp.from(now.plus(dueIn));
        var first = runs.getFirst();
        jdbc.sql("""
                        insert into staff_task (user_id, customer_id, journey_id, run_id, seq, title, description, due_at)
                        select u, c, ?, r, s, ?, ?, ? from unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[])
                            as x(u, c, r, s)
                        on conflict do nothing""")
                .params(
                        first.journeyId,
                        step.text("title"),
                        step.text("description"),
                        due,
                        runs.stream().map(r -> owners.get(r.customerId)).toArray(String[]::new),
                        runs.stream().map(r -> r.customerId).toArray(Long[]::new),
                        runs.stream().map(r -> r.id).toArray(Long[]::new),
                        runs.stream().map(r -> r.seq).toArray(Integer[]::new))
                .update();
    }

    private static List<Long> customers(List<Run> runs) {
        return runs.stream().map(r -> r.customerId).distinct().toList();
    }

    private static void waitUntil(Run run, Instant at) {
        run.state = "waiting";
        run.dueAt = at;
        run.waitOutcome = null;
    }

    /** The next time of day the step names, on one of its weekdays (all when none), after now. */
    static Instant nextTime(JourneyDefinition.Step step, Instant now, ZoneId zone) {
        var time = Objects.requireNonNull(step.time("time"));
        var days = step.ints("weekdays");
        var local = LocalDateTime.ofInstant(now, zone);
        var candidate = local.toLocalDate().atTime(time);
        for (int i = 0; i < 8; i++) {
            var at = candidate.plusDays(i);
            if (at.isAfter(local)
                    && (days.isEmpty() || days.contains(at.getDayOfWeek().getValue()))) {
                return at.atZone(zone).toInstant();
            }
        }
        return candidate.plusDays(1).atZone(zone).toInstant();
    }

    static void log(Run run, JourneyDefinition.Step step, String outcome, @Nullable String detail, List<Log> logs) {
        run.seq++;
        logs.add(new Log(run.id, run.seq, run.journeyId, run.version, step.id(), outcome, detail));
    }

    static void go(Run run, @Nullable String next, Instant now) {
        run.attempts = 0;
        run.error = null;
        run.waitEvent = null;
        run.waitOutcome = null;
        if (next == null) {
            end(run, "done", null, now);
        } else {
            run.step = next;
            run.state = "active";
            run.dueAt = now;
        }
    }

    static void end(Run run, String state, @Nullable String reason, Instant now) {
        run.state = state;
        run.dueAt = null;
        run.endedAt = now;
        run.exitReason = reason;
        run.waitEvent = null;
    }

    static void fail(Run run, @Nullable String error, Instant now) {
        run.error = error;
        end(run, "failed", "failed", now);
    }
}

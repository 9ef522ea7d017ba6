package io.siyu.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves runs step after step, in memory and in the caller's transaction, as far as they go now. A step that
 * throws is tried again later with backoff (its group's effects undone through a savepoint, other groups kept),
 * and after the last try the run fails with the reason. The caller writes the runs in the state they reached.
 */
@Component
class RunMover {

    /** Steps a run may pass in one round without waiting; publishing refuses cycles without a wait. */
    static final int CHAIN = 50;

    private static final Logger log = LoggerFactory.getLogger(RunMover.class);

    private record Group(long journeyId, int version, String step) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoints;
    private final JourneyStore store;
    private final StepExecutor executor;
    private final JourneyProperties properties;

    RunMover(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            JourneyStore store,
            StepExecutor executor,
            JourneyProperties properties) {
        this.jdbc = jdbc;
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.store = store;
        this.executor = executor;
        this.properties = properties;
    }

    /** Moves the runs; answers the steps they passed, to be logged with them. */
    List<StepExecutor.Log> move(List<StepExecutor.Run> runs, Instant now, ZoneId zone) {
        var logs = new ArrayList<StepExecutor.Log>();
        List<StepExecutor.Run> pending = runs;
        for (int i = 0; i < CHAIN && !pending.isEmpty(); i++) {
            var groups = new LinkedHashMap<Group, List<StepExecutor.Run>>();
            pending.forEach(
                    r -> groups.computeIfAbsent(new Group(r.journeyId, r.version, r.step), g -> new ArrayList<>())
                            .add(r));
            var next = new ArrayList<StepExecutor.Run>();
            groups.forEach((group, members) -> {
                execute(group, members, now, zone, logs);
                members.stream()
                        .filter(r -> r.open() && r.state.equals("active") && r.dueAt != null && !r.dueAt.isAfter(now))
                        .forEach(next::add);
            });
            pending = next;
        }
        return logs;
    }

    /**
     * The state the runs reached, as arrays for {@code unnest}: step, state, due_at, wait_event, wait_outcome, seq,
     * attempts, error, ended_at, exit_reason.
     */
    static List<Object> reached(List<StepExecutor.Run> runs) {
        return List.of(
                runs.stream().map(r -> r.step).toArray(String[]::new),
                runs.stream().map(r -> r.state).toArray(String[]::new),
                runs.stream().map(r -> timestamp(r.dueAt)).toArray(Timestamp[]::new),
                runs.stream().map(r -> r.waitEvent).toArray(Integer[]::new),
                runs.stream().map(r -> r.waitOutcome).toArray(String[]::new),
                runs.stream().map(r -> r.seq).toArray(Integer[]::new),
                runs.stream().map(r -> r.attempts).toArray(Integer[]::new),
                runs.stream().map(r -> r.error).toArray(String[]::new),
                runs.stream().map(r -> timestamp(r.endedAt)).toArray(Timestamp[]::new),
                runs.stream().map(r -> r.exitReason).toArray(String[]::new));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** Writes the steps runs passed. */
    void log(List<StepExecutor.Log> logs) {
        if (logs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into journey_step_log (run_id, seq, journey_id, version, step, outcome, detail)
                        select * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[])""")
                .params(
                        logs.stream().map(StepExecutor.Log::runId).toArray(Long[]::new),
                        logs.stream().map(StepExecutor.Log::seq).toArray(Integer[]::new),
                        logs.stream().map(StepExecutor.Log::journeyId).toArray(Long[]::new),
                        logs.stream().map(StepExecutor.Log::version).toArray(Integer[]::new),
                        logs.stream().map(StepExecutor.Log::step).toArray(String[]::new),
                        logs.stream().map(StepExecutor.Log::outcome).toArray(String[]::new),
                        logs.stream().map(StepExecutor.Log::detail).toArray(String[]::new))
                .update();
    }

    private void execute(
            Group group, List<StepExecutor.Run> runs, Instant now, ZoneId zone, List<StepExecutor.Log> logs) {
        var snapshot = runs.stream().map(Snapshot::of).toList();
        var added = new ArrayList<StepExecutor.Log>();
        try {
            savepoints.executeWithoutResult(s -> {
                var step = store.version(group.journeyId(), group.version())
                        .steps()
                        .get(group.step());
                if (step == null) {
                    throw new IllegalStateException("version " + group.version() + " has no step " + group.step());
                }
                executor.execute(step, runs, now, zone, added);
            });
            logs.addAll(added);
        } catch (RuntimeException e) {
            log.warn(
                    "journey {} step {} failed for {} runs: {}",
                    group.journeyId(),
                    group.step(),
                    runs.size(),
                    e.toString());
            var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            for (int i = 0; i < runs.size(); i++) {
                var run = runs.get(i);
                snapshot.get(i).restore(run);
                run.attempts++;
                run.error = reason;
                if (run.attempts >= properties.attempts()) {
                    StepExecutor.log(run, stepOf(group), "failed", reason, logs);
                    StepExecutor.fail(run, reason, now);
                } else {
                    run.dueAt = now.plus(properties.backoff(run.attempts));
                }
            }
        }
    }

    private static JourneyDefinition.Step stepOf(Group group) {
        return new JourneyDefinition.Step(
                0, group.step(), "", "", null, null, List.of(), tools.jackson.databind.node.NullNode.instance);
    }

    /** What a run was before a failed step touched it. */
    private record Snapshot(
            String step,
            String state,
            @Nullable Instant dueAt,
            @Nullable Integer waitEvent,
            @Nullable String waitOutcome,
            int seq) {

        static Snapshot of(StepExecutor.Run r) {
            return new Snapshot(r.step, r.state, r.dueAt, r.waitEvent, r.waitOutcome, r.seq);
        }

        void restore(StepExecutor.Run r) {
            r.step = step;
            r.state = state;
            r.dueAt = dueAt;
            r.waitEvent = waitEvent;
            r.waitOutcome = waitOutcome;
            r.seq = seq;
            r.endedAt = null;
            r.exitReason = null;
        }
    }
}

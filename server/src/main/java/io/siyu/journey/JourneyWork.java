package io.siyu.journey;

import io.siyu.access.TenantManagement;
import io.siyu.shared.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One tenant's round: let due schedules fire, turn entries into runs, move due runs step after step in
 * batches (each batch one transaction), hand messages on, deliver webhooks. A step that throws is tried again
 * later with backoff (its batch's other steps are kept, through a savepoint), and after the last try the run
 * fails with the reason.
 */
@Component
class JourneyWork {

    static final int BATCH = 10_000;
    static final int ENTRIES = 20_000;
    /** Steps a run may pass in one round without waiting; publishing refuses cycles without a wait. */
    static final int CHAIN = 50;

    static final int LANES = 2;

    private static final Logger log = LoggerFactory.getLogger(JourneyWork.class);

    private record Group(long journeyId, int version, String step) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final JourneyStore store;
    private final StepExecutor executor;
    private final JourneyMessages messages;
    private final JourneyWebhooks webhooks;
    private final JourneyFire fire;
    private final Admission admission;
    private final TenantManagement tenants;
    private final JourneyProperties properties;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService lanePool = java.util.concurrent.Executors.newFixedThreadPool(
            LANES + 1, Thread.ofPlatform().name("journey-steps-", 0).daemon().factory());

    JourneyWork(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            JourneyStore store,
            StepExecutor executor,
            JourneyMessages messages,
            JourneyWebhooks webhooks,
            JourneyFire fire,
            Admission admission,
            TenantManagement tenants,
            JourneyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.webhooks = webhooks;
        this.fire = fire;
        this.admission = admission;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    int round() {
        int done = fire.round() + admit();
        var tenant = Tenancy.required();
        var lanes = new ArrayList<java.util.concurrent.Future<Integer>>();
        // a fire's customers come in chunks while the lanes move those already in
        var admitting = new AtomicBoolean(fire.admitting());
        if (admitting.get()) {
            lanes.add(lanePool.submit(() -> {
                try {
                    return Tenancy.callAs(tenant, fire::admit);
                } finally {
                    admitting.set(false);
                }
            }));
        }
        // batches take disjoint runs (skip locked), so two move at once: PostgreSQL does most of the work
        for (int i = 0; i < LANES; i++) {
            lanes.add(lanePool.submit(() -> Tenancy.callAs(tenant, () -> lane(admitting))));
        }
        for (var lane : lanes) {
            try {
                done += lane.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("moving journeys failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done;
            }
        }
        return done + messages.round() + webhooks.round();
    }

    /** Batch after batch while batches come full, up to 20, or while a fire is letting customers in. */
    private int lane(AtomicBoolean admitting) {
        int done = 0;
        int moved;
        int batches = 0;
        do {
            moved = Objects.requireNonNull(transactions.execute(s -> steps()));
            done += moved;
            if (moved == 0 && admitting.get()) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        } while (admitting.get() || (moved >= BATCH && ++batches < 20));
        return done;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        lanePool.shutdown();
    }

    /** Entries become runs on the journey's current version, at its start, due now. */
    private int admit() {
        var journeys = Objects.requireNonNull(
                transactions.execute(s -> jdbc.sql("""
                        select e.journey_id from journey_entry e join journey j on j.id = e.journey_id
                        where j.status <> 'paused' group by e.journey_id limit 50""").query(Long.class).list()));
        int done = 0;
        for (long journeyId : journeys) {
            done += Objects.requireNonNull(transactions.execute(s -> admit(journeyId)));
        }
        return done;
    }

    private int admit(long journeyId) {
        var journey = jdbc.sql("select status, version from journey where id = ? for share")
                .param(journeyId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, Integer.class)})
                .single();
        var customers =
                jdbc.sql("""
                        delete from journey_entry where id in (select id from journey_entry where journey_id = ?
                            order by id limit ? for update skip locked)
                        returning customer_id""").params(journeyId, ENTRIES).query(Long.class).list();
        if (customers.isEmpty() || !"active".equals(journey[0]) || journey[1] == null) {
            return customers.size(); // a stopped journey's entries are dropped
        }
        return admission.admit(journeyId, (Integer) journey[1], customers);
    }

    /** One batch of due runs, moved as far as they go now; answers how many runs were taken. */
    private int steps() {
        var now = clock.instant();
        var runs = jdbc.sql("""
                        select r.id, r.journey_id, r.version, r.customer_id, r.entered_at, r.step, r.state,
                               r.wait_outcome, r.seq, r.attempts, r.error
                        from journey_run r
                        where r.ended_at is null and r.due_at <= ?
                          and exists (select 1 from journey j where j.id = r.journey_id and j.status = 'active')
                        order by r.due_at limit ? for update of r skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, n) -> {
                    var run = new StepExecutor.Run(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getInt(3),
                            rs.getLong(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getString(6),
                            rs.getString(7));
                    run.waitOutcome = rs.getString(8);
                    run.seq = rs.getInt(9);
                    run.attempts = rs.getInt(10);
                    run.error = rs.getString(11);
                    return run;
                })
                .list();
        if (runs.isEmpty()) {
            return 0;
        }
        var zone = ZoneId.of(tenants.current().timeZone());
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
        write(runs, logs);
        return runs.size();
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

    private void write(List<StepExecutor.Run> runs, List<StepExecutor.Log> logs) {
        jdbc.sql("""
                        update journey_run r set step = x.step, state = x.state, due_at = x.due, wait_event = x.we,
                            wait_outcome = x.wo, seq = x.seq, attempts = x.att, error = x.err, ended_at = x.ended,
                            exit_reason = x.reason
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::text[], ?::int[],
                                    ?::int[], ?::text[], ?::timestamptz[], ?::text[])
                            as x(id, step, state, due, we, wo, seq, att, err, ended, reason)
                        where r.id = x.id""")
                .params(
                        runs.stream().map(r -> r.id).toArray(Long[]::new),
                        runs.stream().map(r -> r.step).toArray(String[]::new),
                        runs.stream().map(r -> r.state).toArray(String[]::new),
                        runs.stream().map(r -> timestamp(r.dueAt)).toArray(Timestamp[]::new),
                        runs.stream().map(r -> r.waitEvent).toArray(Integer[]::new),
                        runs.stream().map(r -> r.waitOutcome).toArray(String[]::new),
                        runs.stream().map(r -> r.seq).toArray(Integer[]::new),
                        runs.stream().map(r -> r.attempts).toArray(Integer[]::new),
                        runs.stream().map(r -> r.error).toArray(String[]::new),
                        runs.stream().map(r -> timestamp(r.endedAt)).toArray(Timestamp[]::new),
                        runs.stream().map(r -> r.exitReason).toArray(String[]::new))
                .update();
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

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

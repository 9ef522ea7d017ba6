package io.siyu.journey;

import io.siyu.access.TenantManagement;
import io.siyu.shared.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One tenant's round: let due schedules fire, let customers in (fire chunks and entries, through {@link Admission}),
 * move due runs step after step in batches (each batch one transaction, {@link RunMover}), hand messages on,
 * deliver webhooks.
 */
@Component
class JourneyWork {

    static final int BATCH = 10_000;
    static final int ENTRIES = 20_000;
    static final int LANES = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RunMover mover;
    private final JourneyMessages messages;
    private final JourneyWebhooks webhooks;
    private final JourneyFire fire;
    private final Admission admission;
    private final TenantManagement tenants;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService lanePool = java.util.concurrent.Executors.newFixedThreadPool(
            LANES + 1, Thread.ofPlatform().name("journey-steps-", 0).daemon().factory());

    JourneyWork(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            RunMover mover,
            JourneyMessages messages,
            JourneyWebhooks webhooks,
            JourneyFire fire,
            Admission admission,
            TenantManagement tenants,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mover = mover;
        this.messages = messages;
        this.webhooks = webhooks;
        this.fire = fire;
        this.admission = admission;
        this.tenants = tenants;
        this.clock = clock;
    }

    int round() {
        int done = fire.round();
        var tenant = Tenancy.required();
        var lanes = new ArrayList<java.util.concurrent.Future<Integer>>();
        // a fire's customers are cut into chunks while the lanes let them in and move those already in
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

    /**
     * A chunk of a fire's customers or of a journey's entries to let in while there are any, else a batch of due
     * runs; on while batches come full (up to 20) or a fire is still cutting its customers into chunks. Lanes take
     * disjoint chunks and runs (skip locked), so they let customers in side by side.
     */
    private int lane(AtomicBoolean admitting) {
        int done = 0;
        int batches = 0;
        while (true) {
            int admitted = Objects.requireNonNull(transactions.execute(s -> fire.admitChunk()));
            if (admitted < 0) {
                admitted = Objects.requireNonNull(transactions.execute(s -> admitEntries()));
            }
            if (admitted >= 0) {
                done += admitted;
                continue;
            }
            int moved = Objects.requireNonNull(transactions.execute(s -> steps()));
            done += moved;
            if (moved == 0 && admitting.get()) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            if (!admitting.get() && (moved < BATCH || ++batches >= 20)) {
                return done;
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        lanePool.shutdown();
    }

    /**
     * Entries of one journey (one with an entry no other lane holds) become runs on its current version; answers
     * how many entries were taken, or -1 when there were none to take.
     */
    private int admitEntries() {
        var journeyId = jdbc.sql("""
                        select e.journey_id from journey_entry e join journey j on j.id = e.journey_id
                        where j.status <> 'paused' limit 1 for update of e skip locked""").query(Long.class).optional();
        if (journeyId.isEmpty()) {
            return -1;
        }
        return admit(journeyId.get());
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
        if (!customers.isEmpty() && "active".equals(journey[0]) && journey[1] != null) {
            admission.admit(journeyId, (Integer) journey[1], customers);
        } // a stopped journey's entries are dropped
        return customers.size();
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
        var logs = mover.move(runs, now, ZoneId.of(tenants.current().timeZone()));
        write(runs, logs);
        return runs.size();
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
                .params(Stream.concat(
                                Stream.of((Object) runs.stream().map(r -> r.id).toArray(Long[]::new)),
                                RunMover.reached(runs).stream())
                        .toList())
                .update();
        mover.log(logs);
    }
}

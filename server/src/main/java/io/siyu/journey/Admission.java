package io.siyu.journey;

import io.siyu.access.TenantManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets customers into a journey's version, in the caller's transaction: a run each at its start, unless the
 * customer is in the journey already (or ever was, for journeys entered once). The new runs are moved at once,
 * in memory, as far as they go now, and written once in the state they reach: a run that ends in its first
 * steps never enters the open-run indexes, and nothing is written for it twice.
 *
 * <p>Admissions of one journey run side by side. Should two let the same customer in at once, a unique index
 * refuses the second (open runs; every run of a journey entered once), and its transaction, effects included,
 * rolls back to be tried again, when the check below sees the first.
 */
@Component
class Admission {

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final RunMover mover;
    private final TenantManagement tenants;
    private final Clock clock;

    Admission(JdbcClient jdbc, JourneyStore store, RunMover mover, TenantManagement tenants, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.mover = mover;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Answers how many runs began. */
    int admit(long journeyId, int version, List<Long> customers) {
        var definition = store.version(journeyId, version);
        var entering = jdbc.sql("""
                        select x.c from (select distinct unnest(?::bigint[]) as c) x
                        where not exists (select 1 from journey_run r
                                          where r.customer_id = x.c and r.journey_id = ? and r.ended_at is null)
                          and (? or not exists (select 1 from journey_run r
                                                where r.customer_id = x.c and r.journey_id = ?))""")
                .params(customers.toArray(Long[]::new), journeyId, definition.again(), journeyId)
                .query(Long.class)
                .list();
        if (entering.isEmpty()) {
            return 0;
        }
        var ids = jdbc.sql("select nextval(pg_get_serial_sequence('journey_run', 'id')) from generate_series(1, ?)")
                .param(entering.size())
                .query(Long.class)
                .list();
        var now = clock.instant();
        var runs = new ArrayList<StepExecutor.Run>(entering.size());
        for (int i = 0; i < entering.size(); i++) {
            var run = new StepExecutor.Run(
                    ids.get(i), journeyId, version, entering.get(i), now, definition.start(), "active");
            run.dueAt = now;
            runs.add(run);
        }
        var logs = mover.move(runs, now, ZoneId.of(tenants.current().timeZone()));
        insert(runs, now, !definition.again());
        mover.log(logs);
        return runs.size();
    }

    private void insert(List<StepExecutor.Run> runs, Instant now, boolean once) {
        var first = runs.getFirst();
        jdbc.sql("""
                        insert into journey_run (id, journey_id, version, customer_id, step, state, due_at, wait_event,
                                                 wait_outcome, seq, attempts, error, entered_at, ended_at, exit_reason,
                                                 once)
                        overriding system value
                        select x.id, ?, ?, x.customer, x.step, x.state, x.due, x.we, x.wo, x.seq, x.att, x.err, ?,
                               x.ended, x.reason, ?
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::int[],
                                    ?::text[], ?::int[], ?::int[], ?::text[], ?::timestamptz[], ?::text[])
                            as x(id, customer, step, state, due, we, wo, seq, att, err, ended, reason)""")
                .params(Stream.concat(
                                Stream.of(
                                        first.journeyId,
                                        first.version,
                                        Timestamp.from(now),
                                        once,
                                        runs.stream().map(r -> r.id).toArray(Long[]::new),
                                        runs.stream().map(r -> r.customerId).toArray(Long[]::new)),
                                RunMover.reached(runs).stream())
                        .toList())
                .update();
    }
}

package io.siyu.journey;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets customers into a journey's version: a run each at its start, due now, unless the customer is in the
 * journey already (or ever was, for journeys entered once). In the caller's transaction.
 */
@Component
class Admission {

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final Clock clock;

    Admission(JdbcClient jdbc, JourneyStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** Answers how many runs began. */
    int admit(long journeyId, int version, List<Long> customers) {
        var definition = store.version(journeyId, version);
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into journey_run (journey_id, version, customer_id, step, state, due_at, entered_at)
                        select ?, ?, c, ?, 'active', ?, ? from (select distinct unnest(?::bigint[]) as c) x
                        where ? or not exists (select 1 from journey_run r where r.journey_id = ? and r.customer_id = x.c)
                        on conflict (tenant_id, journey_id, customer_id) where ended_at is null do nothing""")
                .params(
                        journeyId,
                        version,
                        definition.start(),
                        now,
                        now,
                        customers.toArray(Long[]::new),
                        definition.again(),
                        journeyId)
                .update();
    }
}

package io.siyu.loyalty;

import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled care of paid cards: periods whose time is up end (expired), a member at a time under their row
 * lock, and their tier settles without the card's floor; a holder whose card ends within {@link #AHEAD} (no renewal
 * after it) hears a {@code card_expiring} event journeys can remind them on — once per period that ends the card.
 */
@Component
class CardExpiry {

    static final Duration AHEAD = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Members members;
    private final Points points;
    private final Programs programs;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    CardExpiry(
            JdbcClient jdbc,
            Members members,
            Points points,
            Programs programs,
            EventRecorder events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.points = points;
        this.programs = programs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Ends the bound tenant's card periods whose time is up; answers how many. */
    int end() {
        var now = clock.instant();
        List<Long> due = transactions.execute(s -> jdbc.sql("""
                        select distinct customer_id from member_card where status = 'active' and valid_until <= ?
                        limit ?""")
                .params(Timestamp.from(now), LoyaltyWork.BATCH)
                .query(Long.class)
                .list());
        int ended = 0;
        for (var customer : due == null ? List.<Long>of() : due) {
            Integer n = transactions.execute(s -> end(customer, now));
            ended += n == null ? 0 : n;
        }
        return ended;
    }

    private int end(long customer, Instant now) {
        points.lock(customer);
        List<Long> ended = jdbc.sql("""
                        update member_card set status = 'expired', ended_at = valid_until
                        where customer_id = ? and status = 'active' and valid_until <= ? returning id""")
                .params(customer, Timestamp.from(now))
                .query(Long.class)
                .list();
        if (!ended.isEmpty()) {
            members.settleTier(customer, "card-end:" + ended.getLast());
        }
        return ended.size();
    }

    /** Reminds the bound tenant's holders whose card ends within {@link #AHEAD}; answers how many. */
    int remind() {
        var now = clock.instant();
        var zone = programs.zone();
        var today = LocalDate.ofInstant(now, zone);
        Integer reminded = transactions.execute(s -> {
            List<Object[]> ending = jdbc.sql("""
                            update member_card c set reminded_at = ?
                            from card_plan p
                            where p.id = c.plan_id and c.status = 'active' and c.reminded_at is null
                              and c.valid_until > ? and c.valid_until <= ?
                              and not exists (select 1 from member_card l
                                              where l.customer_id = c.customer_id and l.status = 'active'
                                                and l.valid_until > c.valid_until)
                            returning c.id, c.customer_id, c.plan_id, p.name, c.valid_until""")
                    .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(AHEAD)))
                    .query((rs, n) -> new Object[] {
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()
                    })
                    .list();
            for (var c : ending) {
                var until = (Instant) c[4];
                events.record(
                        (Long) c[1],
                        EventType.CARD_EXPIRING,
                        now,
                        "card-expiring:" + c[0],
                        json.createObjectNode()
                                .put("planId", (Long) c[2])
                                .put("planName", (String) c[3])
                                .put("validUntil", until.toString())
                                .put("daysLeft", ChronoUnit.DAYS.between(today, LocalDate.ofInstant(until, zone)))
                                .toString());
            }
            return ending.size();
        });
        return reminded == null ? 0 : reminded;
    }
}

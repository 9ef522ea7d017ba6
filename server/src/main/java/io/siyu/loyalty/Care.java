package io.siyu.loyalty;

import io.siyu.customer.CustomerDirectory;
import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member care (seed 003): on a member's birthday (in the tenant's zone) their tier's birthday points, once a
 * year — the key is the year and the member, so a second run that day, or after a crash, grants nothing; and
 * a {@code points_expiring} event for points that expire within 30 days, for a reminder journey.
 */
@Component
class Care {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Points points;
    private final CustomerDirectory customers;
    private final TransactionTemplate transactions;
    private final EventRecorder events;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    Care(
            JdbcClient jdbc,
            Programs programs,
            Points points,
            CustomerDirectory customers,
            TransactionTemplate transactions,
            EventRecorder events,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.points = points;
        this.customers = customers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Grants today's birthday points for the bound tenant; answers the day it did so and how many got them. */
    int birthdays(LocalDate today) {
        var born = transactions.execute(s -> customers.bornOn("birthday", MonthDay.from(today), today.isLeapYear()));
        if (born == null || born.isEmpty()) {
            return 0;
        }
        var program = transactions.execute(s -> programs.get());
        List<long[]> members = transactions.execute(s -> jdbc.sql(
                        "select customer_id, tier from member where customer_id = any(?::bigint[])")
                .param(born.toArray(Long[]::new))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .list());
        int granted = 0;
        for (var member : members == null ? List.<long[]>of() : members) {
            long amount = program.tier((int) member[1]).birthdayPoints();
            if (amount > 0) {
                transactions.executeWithoutResult(s -> points.grant(
                        member[0],
                        amount,
                        "birthday:" + today.getYear() + ":" + member[0],
                        "earn",
                        Points.Context.of("birthday", String.valueOf(today.getYear()))));
                granted++;
            }
        }
        return granted;
    }

    /**
     * Tells journeys, once per member and expiry date, of points that expire within 30 days (a
     * {@code points_expiring} event: the points, when, the balance), so a reminder can go out in time.
     */
    int expiring() {
        var now = clock.instant();
        var due = transactions.execute(s -> jdbc.sql("""
                        select l.customer_id, l.expires_at, sum(l.remaining), m.points from points_lot l
                        join member m on m.customer_id = l.customer_id
                        where l.remaining > 0 and l.expires_at > ? and l.expires_at <= ?
                        group by l.customer_id, l.expires_at, m.points""")
                .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(30))))
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4)})
                .list());
        if (due == null || due.isEmpty()) {
            return 0;
        }
        int told = 0;
        for (int from = 0; from < due.size(); from += 1000) {
            var chunk = due.subList(from, Math.min(due.size(), from + 1000));
            Integer n = transactions.execute(s -> {
                int recorded = 0;
                for (var row : chunk) {
                    var at = (java.time.Instant) row[1];
                    boolean first =
                            jdbc.sql("insert into points_reminder (customer_id, expires_at, at) values (?, ?, ?)"
                                                    + " on conflict do nothing")
                                            .params(row[0], java.sql.Timestamp.from(at), java.sql.Timestamp.from(now))
                                            .update()
                                    == 1;
                    if (first
                            && events.record(
                                    (Long) row[0],
                                    EventType.POINTS_EXPIRING,
                                    now,
                                    "points-expiring:" + row[0] + ":" + at.getEpochSecond(),
                                    json.createObjectNode()
                                            .put("points", (Long) row[2])
                                            .put("expiresAt", at.toString())
                                            .put("balance", (Long) row[3])
                                            .toString())) {
                        recorded++;
                    }
                }
                return recorded;
            });
            told += n == null ? 0 : n;
        }
        return told;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(programs.zone()));
    }
}

package io.siyu.loyalty;

import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import io.siyu.shared.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anniversary care (issue 9): on the anniversary of the day a member joined (the tenant's zone; a 29 February
 * joiner's is the 28th in other years) they receive the program's anniversary points and coupon, and a
 * {@code member_anniversary} event journeys can start on — once per member and year: a {@code member_anniversary}
 * row, the points' and the coupon's keys and the event's id are all unique, so a second run that day, or after a
 * crash, gives nothing. Each member is cared for in a transaction of their own.
 */
@Component
class Anniversaries {

    static final long MAX_POINTS = 100_000;

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Points points;
    private final Coupons coupons;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    Anniversaries(
            JdbcClient jdbc,
            Programs programs,
            Points points,
            Coupons coupons,
            EventRecorder events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.points = points;
        this.coupons = coupons;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Cares for the bound tenant's members whose anniversary is {@code today}; answers how many. */
    int care(LocalDate today) {
        var program = transactions.execute(s -> programs.get());
        var zone = programs.zone().getId();
        boolean feb28 = today.getMonthValue() == 2 && today.getDayOfMonth() == 28 && !today.isLeapYear();
        List<Object[]> due = transactions.execute(s -> jdbc.sql("""
                        select customer_id, joined_at, extract(year from joined_at at time zone ?)::int from member
                        where extract(year from joined_at at time zone ?) < ?
                          and (extract(month from joined_at at time zone ?), extract(day from joined_at at time zone ?))
                              in ((?, ?), (?, ?))""")
                .params(
                        zone,
                        zone,
                        today.getYear(),
                        zone,
                        zone,
                        today.getMonthValue(),
                        today.getDayOfMonth(),
                        feb28 ? 2 : today.getMonthValue(),
                        feb28 ? 29 : today.getDayOfMonth())
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)})
                .list());
        int cared = 0;
        for (var member : due == null || program == null ? List.<Object[]>of() : due) {
            Boolean done = transactions.execute(s ->
                    care(program, (Long) member[0], (Instant) member[1], today.getYear() - (Integer) member[2], today));
            cared += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return cared;
    }

    private boolean care(Program program, long customer, Instant since, int years, LocalDate today) {
        int year = today.getYear();
        boolean first = jdbc.sql("""
                                insert into member_anniversary (customer_id, year, at) values (?, ?, ?)
                                on conflict do nothing""")
                        .params(customer, year, Timestamp.from(clock.instant()))
                        .update()
                == 1;
        if (!first) {
            return false;
        }
        var key = "anniversary:" + year + ":" + customer;
        long amount = program.anniversaryPoints() == null ? 0 : program.anniversaryPoints();
        if (amount > 0) {
            points.grant(customer, amount, key, "earn", Points.Context.of("anniversary", String.valueOf(year)));
        }
        var code = program.anniversaryCoupon();
        boolean couponGiven = code != null
                && active(code)
                && coupons.grant(code, Map.of(customer, key), "anniversary").issued() > 0;
        var properties = json.createObjectNode()
                .put("years", years)
                .put("memberSince", since.toString())
                .put("points", amount);
        if (couponGiven) {
            properties.put("couponCode", code);
        }
        events.record(
                customer,
                EventType.MEMBER_ANNIVERSARY,
                clock.instant(),
                "member-anniversary:" + customer + ":" + year,
                properties.toString());
        return true;
    }

    private boolean active(String code) {
        return jdbc.sql("select exists (select 1 from coupon_template where code = ? and active)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    /** Checks the program's anniversary gift; answers the coupon template's id (null: none). */
    static @Nullable Long check(JdbcClient jdbc, Program input, List<FieldProblem> problems) {
        var amount = input.anniversaryPoints();
        if (amount != null && (amount < 0 || amount > MAX_POINTS)) {
            problems.add(new FieldProblem("anniversaryPoints", "loyalty.program.anniversary-points", MAX_POINTS));
        }
        var code = input.anniversaryCoupon() == null
                ? ""
                : input.anniversaryCoupon().strip();
        if (code.isEmpty()) {
            return null;
        }
        var id = jdbc.sql("select id from coupon_template where code = ?")
                .param(code)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            problems.add(new FieldProblem("anniversaryCoupon", "loyalty.program.anniversary-coupon", code));
        }
        return id.orElse(null);
    }
}

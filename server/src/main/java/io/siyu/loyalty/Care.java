package io.siyu.loyalty;

import io.siyu.customer.CustomerDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member care (seed 003): on a member's birthday (in the tenant's zone) their tier's birthday points, once a
 * year — the key is the year and the member, so a second run that day, or after a crash, grants nothing.
 */
@Component
class Care {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Points points;
    private final CustomerDirectory customers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Care(
            JdbcClient jdbc,
            Programs programs,
            Points points,
            CustomerDirectory customers,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.points = points;
        this.customers = customers;
        this.transactions = transactions;
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

    LocalDate today() {
        return LocalDate.now(clock.withZone(programs.zone()));
    }
}

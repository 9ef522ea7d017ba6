package io.siyu.dashboard;

import io.siyu.access.AccountManagement;
import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerStatistics;
import io.siyu.event.EventStatistics;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the overview from the modules' statistics facades, in one read-only snapshot. */
@Service
public class DashboardQueries {

    static final int MAX_DAYS = 366;

    private final CustomerStatistics customers;
    private final EventStatistics events;
    private final AccountManagement accounts;
    private final TenantManagement tenants;
    private final Clock clock;

    DashboardQueries(
            CustomerStatistics customers,
            EventStatistics events,
            AccountManagement accounts,
            TenantManagement tenants,
            Clock clock) {
        this.customers = customers;
        this.events = events;
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("days", "dashboard.days.range", 1, MAX_DAYS)));
        }
        var zone = tenants.current().timeZone();
        var since = LocalDate.now(clock.withZone(ZoneId.of(zone)))
                .minusDays(days - 1L)
                .atStartOfDay(ZoneId.of(zone))
                .toInstant();
        var totals = customers.totals(since);
        return new Overview(
                days,
                new Overview.Customers(totals.total(), totals.members(), totals.newSince()),
                new Overview.Staff(accounts.count()),
                new Overview.Events(events.countSince(since)),
                customers.dailyNew(since, zone).stream()
                        .map(d -> new Overview.DailyCount(d.date(), d.count()))
                        .toList(),
                events.dailyByType(since, zone).stream()
                        .map(d -> new Overview.DailyEvents(d.date(), d.type().apiName(), d.count()))
                        .toList(),
                customers.byMemberLevel().stream()
                        .map(b -> new Overview.LevelCount(b.key(), b.count()))
                        .toList(),
                customers.byGender().stream()
                        .map(b -> new Overview.GenderCount(b.key(), b.count()))
                        .toList());
    }
}

package io.siyu.journey;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.segment.SegmentManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets customers into journeys whose trigger is a time: a schedule (the segment's members, at each
 * occurrence) or a date attribute (those whose birthday is N days away, once a day at the set time). Each
 * occurrence fires once — a row per journey and occurrence, written with the entries — and only occurrences
 * after the version was published, on the day they fall (a server that was down all day does not fire
 * yesterday's).
 */
@Component
class JourneyFire {

    private static final int CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JourneyStore store;
    private final SegmentManagement segments;
    private final CustomerDirectory customers;
    private final TenantManagement tenants;
    private final Admission admission;
    private final Clock clock;

    JourneyFire(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JourneyStore store,
            SegmentManagement segments,
            CustomerDirectory customers,
            TenantManagement tenants,
            Admission admission,
            Clock clock) {
        this.admission = admission;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.segments = segments;
        this.customers = customers;
        this.tenants = tenants;
        this.clock = clock;
    }

    int round() {
        var timed = store.listening().active().stream()
                .filter(v -> v.definition().trigger().type().equals("date")
                        || v.definition().trigger().type().equals("schedule"))
                .toList();
        if (timed.isEmpty()) {
            return 0;
        }
        var zone = ZoneId.of(tenants.current().timeZone());
        var now = LocalDateTime.ofInstant(clock.instant(), zone);
        int done = 0;
        for (var v : timed) {
            var occurrence = occurrence(v.definition().trigger(), now);
            if (occurrence != null) {
                done += Objects.requireNonNull(transactions.execute(s -> fire(v, occurrence, zone)));
            }
        }
        return done;
    }

    /** Today's occurrence if it is due by now, else null. */
    static @Nullable LocalDateTime occurrence(JourneyDefinition.Trigger trigger, LocalDateTime now) {
        var at = trigger.at();
        if (at == null) {
            return null;
        }
        var today = now.toLocalDate();
        var due = today.atTime(at);
        if (due.isAfter(now)) {
            return null;
        }
        if (trigger.type().equals("date")) {
            return due;
        }
        boolean fires = switch (trigger.every()) {
            case "once" -> today.equals(trigger.date());
            case "week" -> trigger.weekdays().contains(today.getDayOfWeek().getValue());
            case "month" ->
                trigger.monthDays().contains(today.getDayOfMonth())
                        || (today.getDayOfMonth() == today.lengthOfMonth()
                                && trigger.monthDays().stream().anyMatch(d -> d > today.lengthOfMonth()));
            default -> true;
        };
        return fires ? due : null;
    }

    private int fire(JourneyStore.Version v, LocalDateTime occurrence, ZoneId zone) {
        var publishedAt = jdbc.sql("select published_at from journey_version where journey_id = ? and version = ?")
                .params(v.journeyId(), v.version())
                .query(Timestamp.class)
                .single()
                .toInstant();
        if (occurrence.atZone(zone).toInstant().isBefore(publishedAt)) {
            return 0;
        }
        var key = "fire:" + occurrence;
        int claimed = jdbc.sql("""
                        insert into journey_fire (journey_id, occurrence, customers) values (?, ?, 0)
                        on conflict do nothing""").params(v.journeyId(), key).update();
        if (claimed == 0) {
            return 0;
        }
        var trigger = v.definition().trigger();
        List<Long> ids;
        if (trigger.type().equals("schedule")) {
            ids = new ArrayList<>();
            var it = segments.members(Objects.requireNonNull(trigger.segmentId()))
                    .getIntIterator();
            while (it.hasNext()) {
                ids.add((long) it.next());
            }
        } else {
            var day = occurrence.toLocalDate().plusDays(trigger.daysBefore());
            ids = customers.bornOn(
                    trigger.field(),
                    MonthDay.from(day),
                    LocalDate.of(day.getYear(), 1, 1).isLeapYear());
        }
        // runs begin in the transaction that claims the occurrence: it fires once, and no one enters twice
        for (int i = 0; i < ids.size(); i += CHUNK) {
            admission.admit(v.journeyId(), v.version(), ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        jdbc.sql("update journey_fire set customers = ? where journey_id = ? and occurrence = ?")
                .params(ids.size(), v.journeyId(), key)
                .update();
        return 1;
    }
}

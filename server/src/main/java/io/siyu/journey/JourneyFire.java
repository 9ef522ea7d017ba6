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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets customers into journeys whose trigger is a time: a schedule (the segment's members, at each
 * occurrence) or a date attribute (those whose birthday is N days away, once a day at the set time). Each
 * occurrence fires once — a row per journey and occurrence, whose cursor then walks its customers in id order
 * — and only occurrences after the version was published, on the day they fall (a server that was down all day
 * does not fire yesterday's).
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
        // claimed once; its customers are let in afterwards, a chunk a transaction, from the cursor on
        return jdbc.sql("""
                        insert into journey_fire (journey_id, occurrence, customers, version, cursor)
                        values (?, ?, 0, ?, 0) on conflict do nothing""").params(v.journeyId(), key, v.version()).update();
    }

    /** Whether a fire is still letting its customers in. */
    boolean admitting() {
        return Boolean.TRUE.equals(
                transactions.execute(s -> jdbc.sql("""
                        select exists (select 1 from journey_fire where cursor is not null)
                            or exists (select 1 from journey_fire_chunk)""").query(Boolean.class).single()));
    }

    /**
     * Lets one chunk of a fire's customers in, in the caller's transaction, which deletes the chunk: lanes take
     * chunks side by side (skip locked). Answers how many entered, or -1 when no chunk is left to take.
     */
    int admitChunk() {
        var chunk = jdbc.sql("""
                        select c.id, c.journey_id, c.version, c.customers, j.status = 'active'
                        from journey_fire_chunk c join journey j on j.id = c.journey_id
                        order by c.id limit 1 for update of c skip locked""")
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getArray(4).getArray(), rs.getBoolean(5)
                })
                .optional()
                .orElse(null);
        if (chunk == null) {
            return -1;
        }
        jdbc.sql("delete from journey_fire_chunk where id = ?").param(chunk[0]).update();
        if (!(Boolean) chunk[4]) {
            return 0; // a stopped journey's customers are dropped
        }
        var customers = List.of((Long[]) chunk[3]);
        return admission.admit((Long) chunk[1], (Integer) chunk[2], customers);
    }

    /**
     * Cuts the customers of fires still admitting into chunks, each written in the transaction that moves the
     * fire's cursor past it, for the lanes to let in ({@link #admitChunk}): after a crash cutting goes on from the
     * cursor, and each chunk is let in once. Answers how many customers were cut.
     */
    int admit() {
        int done = 0;
        var open = Objects.requireNonNull(transactions.execute(s -> jdbc.sql(
                        "select journey_id, occurrence from journey_fire where cursor is not null")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list()));
        for (var fire : open) {
            int chunk;
            do {
                chunk = Objects.requireNonNull(transactions.execute(s -> chunk((Long) fire[0], (String) fire[1])));
                done += Math.max(0, chunk);
            } while (chunk >= 0);
        }
        return done;
    }

    /** One chunk of a fire's customers; -1 when the fire has none left (or another node is admitting it). */
    private int chunk(long journeyId, String occurrence) {
        var row = jdbc.sql("""
                        select f.version, f.cursor, j.status = 'active' from journey_fire f
                        join journey j on j.id = f.journey_id
                        where f.journey_id = ? and f.occurrence = ? and f.cursor is not null for update of f skip locked""")
                .params(journeyId, occurrence)
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0})
                .optional()
                .orElse(null);
        if (row == null) {
            return -1;
        }
        int version = (int) row[0];
        long cursor = row[1];
        List<Long> ids = row[2] == 1 ? after(journeyId, version, occurrence, cursor) : List.of();
        boolean more = ids.size() > CHUNK;
        var chunk = more ? ids.subList(0, CHUNK) : ids;
        if (!chunk.isEmpty()) {
            jdbc.sql("insert into journey_fire_chunk (journey_id, version, customers) values (?, ?, ?)")
                    .params(journeyId, version, chunk.toArray(Long[]::new))
                    .update();
        }
        jdbc.sql(
                        "update journey_fire set cursor = ?, customers = customers + ? where journey_id = ? and occurrence = ?")
                .params(more ? chunk.getLast() : null, chunk.size(), journeyId, occurrence)
                .update();
        return more ? chunk.size() : -1;
    }

    /** The fire's customers after the cursor, ascending: up to one more than a chunk. */
    private List<Long> after(long journeyId, int version, String occurrence, long cursor) {
        var trigger = store.version(journeyId, version).trigger();
        if (trigger.type().equals("schedule")) {
            return segments.members(Objects.requireNonNull(trigger.segmentId()), cursor, CHUNK);
        }
        var day = LocalDateTime.parse(occurrence.substring("fire:".length()))
                .toLocalDate()
                .plusDays(trigger.daysBefore());
        return customers
                .bornOn(
                        trigger.field(),
                        MonthDay.from(day),
                        LocalDate.of(day.getYear(), 1, 1).isLeapYear())
                .stream()
                .filter(id -> id > cursor)
                .sorted()
                .limit(CHUNK + 1L)
                .toList();
    }
}

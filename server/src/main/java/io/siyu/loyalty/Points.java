package io.siyu.loyalty;

import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger. Every change is an entry with a unique key (a retried grant or spend finds its entry and
 * changes nothing) written under the member's row lock, so a balance is always the sum of its entries and of its
 * lots' remaining points, and never negative. Grants are lots that expire on their own; spends take from the lot
 * that expires first.
 */
@Service
public class Points {

    static final long MAX_SPEND = 10_000_000;

    private static final String SELECT =
            "select id, customer_id, kind, points, balance, shortfall, source, ref, reason,"
                    + " actor, approver, expires_at, at from points_entry";

    /** Who caused an entry and why (all optional). */
    record Context(
            String source,
            @Nullable String ref,
            @Nullable String reason,
            @Nullable String actor,
            @Nullable String approver) {
        static Context of(String source, @Nullable String ref) {
            return new Context(source, ref, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    Points(JdbcClient jdbc, Programs programs, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CursorPage<PointsEntry> ledger(long customerId, PageRequest page) {
        var rows = jdbc.sql(SELECT + " where customer_id = ? and id < ? order by id desc limit " + page.fetchSize())
                .params(customerId, page.before())
                .query(Points::entry)
                .list();
        return CursorPage.ofDescending(rows, page.limit(), PointsEntry::id);
    }

    /** A shop spends a member's points; the same request id answers the same entry and spends nothing again. */
    @Transactional
    public PointsEntry spend(long customerId, long points, String requestId, @Nullable String reason, String actor) {
        if (points < 1 || points > MAX_SPEND) {
            throw DomainException.invalid("points", "loyalty.points.amount", MAX_SPEND);
        }
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw DomainException.invalid("requestId", "loyalty.request-id", 64);
        }
        return take(
                customerId, points, "shop:" + requestId, "spend", new Context("shop", requestId, reason, actor, null));
    }

    /** When points granted now expire, by the program's rule (null: never). */
    @Nullable
    Instant expiryNow() {
        return programs.expiryOf(programs.get(), clock.instant());
    }

    /** The entry written under this key, if any. */
    Optional<PointsEntry> byKey(String key) {
        return jdbc.sql(SELECT + " where key = ?")
                .param(key)
                .query(Points::entry)
                .optional();
    }

    /**
     * Grants points as a lot expiring by the program's rule (or at {@code expiresAt} when given); the key's entry
     * if written before. The caller made the customer a member.
     */
    PointsEntry grant(long customerId, long points, String key, String kind, Context context) {
        var program = programs.get();
        return grant(customerId, points, key, kind, context, programs.expiryOf(program, clock.instant()));
    }

    PointsEntry grant(
            long customerId, long points, String key, String kind, Context context, @Nullable Instant expiresAt) {
        if (points < 1) {
            throw new IllegalArgumentException("a grant is positive: " + points);
        }
        long balance = lock(customerId);
        var earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var entry = insert(customerId, kind, points, balance + points, 0, key, context, expiresAt);
        jdbc.sql("insert into points_lot (customer_id, entry_id, points, remaining, expires_at) values (?, ?, ?, ?, ?)")
                .params(customerId, entry.id(), points, points, expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        setBalance(customerId, entry.balance());
        return entry;
    }

    /**
     * Takes points, the lot expiring soonest first; refused when the member has fewer. Lots already past their
     * expiry are expired first, so a spend never uses them.
     */
    PointsEntry take(long customerId, long points, String key, String kind, Context context) {
        lock(customerId);
        var earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        expireDue(customerId);
        long balance = lock(customerId);
        if (balance < points) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.points.insufficient", balance, points);
        }
        var entry = insert(customerId, kind, -points, balance - points, 0, key, context, null);
        draw(customerId, entry.id(), points, null);
        setBalance(customerId, entry.balance());
        return entry;
    }

    /**
     * Takes back up to {@code points} of what {@code earnKey} granted: from that grant's lot first, then from the
     * member's other points; what is already gone is recorded as the entry's shortfall, so the balance stays
     * whole. Answers the entry, or empty when there was nothing to take back.
     */
    Optional<PointsEntry> reverse(long customerId, long points, String key, @Nullable Long fromLot, Context context) {
        if (points < 1) {
            return Optional.empty();
        }
        long balance = lock(customerId);
        var earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier;
        }
        expireDue(customerId);
        balance = lock(customerId);
        long taken = Math.min(points, balance);
        var entry = insert(customerId, "reverse", -taken, balance - taken, points - taken, key, context, null);
        if (taken > 0) {
            draw(customerId, entry.id(), taken, fromLot);
            setBalance(customerId, entry.balance());
        }
        return Optional.of(entry);
    }

    /** Gives back what a spend took, to the lots it came from (which keep their expiry). */
    Optional<PointsEntry> restore(long customerId, long spendEntry, String key, Context context) {
        long balance = lock(customerId);
        var earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier;
        }
        long points = jdbc.sql("select coalesce(sum(points), 0) from points_draw where entry_id = ?")
                .param(spendEntry)
                .query(Long.class)
                .single();
        if (points == 0) {
            return Optional.empty();
        }
        var entry = insert(customerId, "restore", points, balance + points, 0, key, context, null);
        jdbc.sql("""
                        update points_lot l set remaining = l.remaining + d.points
                        from points_draw d where d.entry_id = ? and d.lot_id = l.id""").param(spendEntry).update();
        setBalance(customerId, entry.balance());
        return Optional.of(entry);
    }

    /** Expires a member's lots whose time has come: one entry per lot, keyed by it. */
    int expireDue(long customerId) {
        long balance = lock(customerId);
        var due = jdbc.sql("""
                        select id, remaining, expires_at from points_lot
                        where customer_id = ? and remaining > 0 and expires_at <= ? order by expires_at, id""")
                .params(customerId, Timestamp.from(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        for (var lot : due) {
            balance -= lot[1];
            var entry = insert(
                    customerId, "expire", -lot[1], balance, 0, "expire:" + lot[0], Context.of("expiry", null), null);
            jdbc.sql("insert into points_draw (entry_id, lot_id, points) values (?, ?, ?)")
                    .params(entry.id(), lot[0], lot[1])
                    .update();
            jdbc.sql("update points_lot set remaining = 0 where id = ?")
                    .param(lot[0])
                    .update();
        }
        setBalance(customerId, balance);
        return due.size();
    }

    /** Members with lots past their expiry, at most {@code limit}. */
    List<Long> withDueLots(int limit) {
        return jdbc.sql("""
                        select distinct customer_id from points_lot
                        where remaining > 0 and expires_at <= ? limit ?""")
                .params(Timestamp.from(clock.instant()), limit)
                .query(Long.class)
                .list();
    }

    /** The lot a grant made, for a reversal to take from first. */
    Optional<Long> lotOf(long entryId) {
        return jdbc.sql("select id from points_lot where entry_id = ?")
                .param(entryId)
                .query(Long.class)
                .optional();
    }

    private void draw(long customerId, long entryId, long points, @Nullable Long first) {
        var lots = jdbc.sql("""
                        select id, remaining from points_lot where customer_id = ? and remaining > 0
                        order by (id = ?) desc, expires_at nulls last, id""")
                .params(customerId, first == null ? -1L : first)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        long left = points;
        for (var lot : lots) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, lot[1]);
            jdbc.sql("update points_lot set remaining = remaining - ? where id = ?")
                    .params(part, lot[0])
                    .update();
            jdbc.sql("insert into points_draw (entry_id, lot_id, points) values (?, ?, ?)")
                    .params(entryId, lot[0], part)
                    .update();
            left -= part;
        }
        if (left != 0) {
            // the balance said there was enough: lots and balance disagree, so nothing may be written
            throw new IllegalStateException("member " + customerId + " lots are short of their balance by " + left);
        }
    }

    /** Locks the member's row (every change of their points goes through it) and answers their balance. */
    long lock(long customerId) {
        return jdbc.sql("select points from member where customer_id = ? for update")
                .param(customerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("member", customerId));
    }

    private void setBalance(long customerId, long balance) {
        jdbc.sql("update member set points = ? where customer_id = ?")
                .params(balance, customerId)
                .update();
    }

    private PointsEntry insert(
            long customerId,
            String kind,
            long points,
            long balance,
            long shortfall,
            String key,
            Context context,
            @Nullable Instant expiresAt) {
        return jdbc.sql("""
                        insert into points_entry (customer_id, kind, points, balance, shortfall, key, source, ref, reason,
                                                  actor, approver, expires_at, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id, customer_id, kind, points, balance, shortfall, source, ref, reason, actor, approver,
                                  expires_at, at""")
                .params(
                        customerId,
                        kind,
                        points,
                        balance,
                        shortfall,
                        key,
                        context.source(),
                        context.ref(),
                        context.reason(),
                        context.actor(),
                        context.approver(),
                        expiresAt == null ? null : Timestamp.from(expiresAt),
                        Timestamp.from(clock.instant()))
                .query(Points::entry)
                .single();
    }

    /**
     * Members whose balance is not the sum of their entries or of their lots' remaining points: empty when the
     * ledger is whole (the nightly reconciliation).
     */
    @Transactional(readOnly = true)
    public List<Mismatch> reconcile() {
        return jdbc.sql("""
                        select m.customer_id, m.points, coalesce(e.sum, 0), coalesce(l.sum, 0) from member m
                        left join (select customer_id, sum(points) sum from points_entry group by 1) e
                            on e.customer_id = m.customer_id
                        left join (select customer_id, sum(remaining) sum from points_lot group by 1) l
                            on l.customer_id = m.customer_id
                        where m.points <> coalesce(e.sum, 0) or m.points <> coalesce(l.sum, 0)""")
                .query((rs, n) -> new Mismatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** A member whose balance, entries and lots disagree. */
    public record Mismatch(long customerId, long balance, long entries, long lots) {}

    /** The whole tenant's ledger checked: the three sums agree, and no member's disagree (first 100 shown). */
    public record Reconciliation(
            Instant at, long members, long balance, long entries, long lots, List<Mismatch> mismatches) {
        public boolean whole() {
            return mismatches.isEmpty() && balance == entries && balance == lots;
        }
    }

    @Transactional(readOnly = true)
    public Reconciliation reconciliation() {
        var sums = jdbc.sql("""
                        select (select count(*) from member), (select coalesce(sum(points), 0) from member),
                               (select coalesce(sum(points), 0) from points_entry),
                               (select coalesce(sum(remaining), 0) from points_lot)""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        var mismatches = reconcile();
        return new Reconciliation(
                clock.instant(),
                sums[0],
                sums[1],
                sums[2],
                sums[3],
                mismatches.subList(0, Math.min(100, mismatches.size())));
    }

    /** Checks the ledger and keeps the report; answers it. */
    @Transactional
    public Reconciliation reconcileAndKeep() {
        var report = reconciliation();
        jdbc.sql("""
                        insert into loyalty_reconciliation (at, members, balance, entries, lots, mismatches)
                        values (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        Timestamp.from(report.at()),
                        report.members(),
                        report.balance(),
                        report.entries(),
                        report.lots(),
                        json.writeValueAsString(report.mismatches()))
                .update();
        return report;
    }

    /** When the ledger was last reconciled, if ever. */
    Optional<Instant> lastReconciled() {
        return jdbc.sql("select max(at) from loyalty_reconciliation")
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    static PointsEntry entry(ResultSet rs, int n) throws SQLException {
        var expires = rs.getTimestamp(12);
        return new PointsEntry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                expires == null ? null : expires.toInstant(),
                rs.getTimestamp(13).toInstant());
    }
}

package io.siyu.growth;

import io.siyu.shared.DomainException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 分销 ledger: every change of a distributor's balances is one entry, written under the distributor's row
 * lock together with the balances on the row, so the row is always the sum of its entries. An entry's key is
 * unique; posting it again changes nothing and answers false.
 */
@Component
class DistributionLedger {

    /** The change one entry makes; amounts in yuan, two decimals. */
    record Move(BigDecimal pending, BigDecimal available, BigDecimal frozen, BigDecimal debt, BigDecimal withdrawn) {

        static final BigDecimal ZERO = new BigDecimal("0.00");

        static Move of() {
            return new Move(ZERO, ZERO, ZERO, ZERO, ZERO);
        }

        Move pending(BigDecimal by) {
            return new Move(by, available, frozen, debt, withdrawn);
        }

        Move available(BigDecimal by) {
            return new Move(pending, by, frozen, debt, withdrawn);
        }

        Move frozen(BigDecimal by) {
            return new Move(pending, available, by, debt, withdrawn);
        }

        Move debt(BigDecimal by) {
            return new Move(pending, available, frozen, by, withdrawn);
        }

        Move withdrawn(BigDecimal by) {
            return new Move(pending, available, frozen, debt, by);
        }
    }

    /** An entry to post: its key is (kind, ref, distributor, level). */
    record Posting(
            long distributor,
            String kind,
            String ref,
            int level,
            @Nullable String orderNo,
            @Nullable BigDecimal base) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DistributionLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the distributor's row and answers its balances. */
    @Transactional(propagation = Propagation.MANDATORY)
    Distribution.Balances lock(long distributor) {
        return jdbc.sql("""
                        select pending, available, frozen, debt, withdrawn from distributor where id = ? for update""")
                .param(distributor)
                .query((rs, n) -> new Distribution.Balances(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .optional()
                .orElseThrow(() -> DomainException.notFound("distributor", distributor));
    }

    /**
     * Writes the entry and moves the balances, the distributor's row locked by the caller; answers false when an
     * entry with this key was already there.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean post(Posting posting, Move move) {
        var inserted = jdbc.sql("""
                        insert into distribution_entry (distributor_id, kind, ref, level, order_no, base, pending,
                                                        available, frozen, debt, withdrawn, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, kind, ref, distributor_id, level) do nothing""")
                .params(
                        posting.distributor(),
                        posting.kind(),
                        posting.ref(),
                        posting.level(),
                        posting.orderNo(),
                        posting.base(),
                        move.pending(),
                        move.available(),
                        move.frozen(),
                        move.debt(),
                        move.withdrawn(),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                        update distributor set pending = pending + ?, available = available + ?, frozen = frozen + ?,
                                               debt = debt + ?, withdrawn = withdrawn + ?
                        where id = ?""")
                .params(
                        move.pending(),
                        move.available(),
                        move.frozen(),
                        move.debt(),
                        move.withdrawn(),
                        posting.distributor())
                .update();
        return true;
    }

    /**
     * Credits {@code amount} to available, paying any debt first: the move for a release or a rejected
     * withdrawal.
     */
    static Move credit(Distribution.Balances balances, Move move, BigDecimal amount) {
        var settled = balances.debt().min(amount);
        return move.available(amount.subtract(settled)).debt(settled.negate());
    }

    /** Every check of the ledger: the rows against the sums, withdrawals against the frozen and paid. */
    @Transactional(readOnly = true)
    Distribution.Reconciliation reconcile() {
        var mismatches = new ArrayList<Distribution.Mismatch>();
        jdbc.sql("""
                        select d.id, c.name, c.expected, c.actual
                        from distributor d
                        left join lateral (
                            select coalesce(sum(pending), 0) p, coalesce(sum(available), 0) a,
                                   coalesce(sum(frozen), 0) f, coalesce(sum(debt), 0) b, coalesce(sum(withdrawn), 0) w
                            from distribution_entry e where e.distributor_id = d.id) s on true
                        left join lateral (
                            select coalesce(sum(amount) filter (where status in ('requested', 'approved')), 0) open,
                                   coalesce(sum(amount) filter (where status = 'paid'), 0) paid
                            from distribution_withdrawal w where w.distributor_id = d.id) w on true
                        cross join lateral (values
                            ('pending', s.p, d.pending), ('available', s.a, d.available), ('frozen', s.f, d.frozen),
                            ('debt', s.b, d.debt), ('withdrawn', s.w, d.withdrawn),
                            ('frozen = open withdrawals', w.open, d.frozen),
                            ('withdrawn = paid withdrawals', w.paid, d.withdrawn),
                            ('not negative', 0, least(d.pending, d.available, d.frozen, d.debt, d.withdrawn, 0))
                        ) c(name, expected, actual)
                        where c.expected <> c.actual order by d.id""").query(rs -> {
            mismatches.add(new Distribution.Mismatch(
                    rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        });
        var totals = jdbc.sql("""
                        select count(*), coalesce(sum(pending), 0), coalesce(sum(available), 0),
                               coalesce(sum(frozen), 0), coalesce(sum(debt), 0), coalesce(sum(withdrawn), 0)
                        from distributor""")
                .query((rs, n) -> new Object[] {
                    rs.getInt(1),
                    new Distribution.Balances(
                            rs.getBigDecimal(2),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6))
                })
                .single();
        long entries = jdbc.sql("select count(*) from distribution_entry")
                .query(Long.class)
                .single();
        return new Distribution.Reconciliation(
                mismatches.isEmpty(),
                (Integer) totals[0],
                entries,
                (Distribution.Balances) totals[1],
                List.copyOf(mismatches));
    }
}

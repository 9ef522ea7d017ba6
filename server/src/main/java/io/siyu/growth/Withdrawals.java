package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分销 withdrawals. Asking holds the amount (available → frozen) under the distributor's row lock, so however
 * many ask at once no more is held than was available; an operator other than the one who asked approves or
 * rejects (frozen → available). Approved withdrawals are paid through {@link Payouts} by {@link #payDue()},
 * each exactly once ({@link WithdrawalPayouts}).
 */
@Service
public class Withdrawals {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String SELECT = """
            select w.id, w.distributor_id, d.code, c.display_name, w.amount, w.request_key, w.status, w.requested_by,
                   w.requested_at, w.decided_by, w.decided_at, w.reason, w.paid_at, w.attempts, w.last_error
            from distribution_withdrawal w join distributor d on d.id = w.distributor_id
            left join customer c on c.id = d.customer_id""";

    private final JdbcClient jdbc;
    private final DistributionLedger ledger;
    private final DistributionSettings settings;
    private final WithdrawalPayouts payments;
    private final Clock clock;

    Withdrawals(
            JdbcClient jdbc,
            DistributionLedger ledger,
            DistributionSettings settings,
            WithdrawalPayouts payments,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.payments = payments;
        this.clock = clock;
    }

    /** A distributor asks for {@code amount}; the same request key again answers the first withdrawal. */
    @Transactional
    public Distribution.Withdrawal request(long distributor, Distribution.WithdrawalInput input) {
        var least = settings.get().minWithdrawal();
        var problems = new ArrayList<FieldProblem>();
        var amount = input.amount();
        if (amount == null
                || amount.compareTo(least) < 0
                || amount.compareTo(DistributionSettings.MAX_WITHDRAWAL) > 0
                || amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(
                    "amount",
                    "growth.distribution.amount",
                    least.toPlainString(),
                    DistributionSettings.MAX_WITHDRAWAL.toPlainString()));
        }
        if (input.requestKey() == null || !KEY.matcher(input.requestKey()).matches()) {
            problems.add(new FieldProblem("requestKey", "growth.group-buy.key", 64));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var balances = ledger.lock(distributor);
        var earlier = jdbc.sql("select id from distribution_withdrawal where distributor_id = ? and request_key = ?")
                .params(distributor, input.requestKey())
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            return get(earlier.get());
        }
        var status = jdbc.sql("select status from distributor where id = ?")
                .param(distributor)
                .query(String.class)
                .single();
        if (!status.equals("active")) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.distribution.status", status);
        }
        var asked = Objects.requireNonNull(amount).setScale(2);
        if (asked.compareTo(balances.available()) > 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "growth.distribution.insufficient",
                    List.of(new FieldProblem(
                            "amount",
                            "growth.distribution.insufficient",
                            balances.available().toPlainString())),
                    balances.available().toPlainString());
        }
        long id = jdbc.sql("""
                        insert into distribution_withdrawal (distributor_id, amount, request_key, requested_by,
                                                             requested_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        distributor,
                        asked,
                        input.requestKey(),
                        Actor.current().map(Actor::name).orElse(null),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        ledger.post(
                new DistributionLedger.Posting(distributor, "withdraw", String.valueOf(id), 0, null, null),
                DistributionLedger.Move.of().available(asked.negate()).frozen(asked));
        return get(id);
    }

    /** An operator approves: it is paid by the next round. Not by the one who asked for it. */
    @Transactional
    public Distribution.Withdrawal approve(long id) {
        var withdrawal = decidable(id);
        jdbc.sql("""
                        update distribution_withdrawal set status = 'approved', decided_by = ?, decided_at = ?,
                                                           due_at = ? where id = ?""")
                .params(Actor.currentName(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id)
                .update();
        return get(withdrawal.id());
    }

    /** An operator rejects: the amount goes back to available (paying any debt first). */
    @Transactional
    public Distribution.Withdrawal reject(long id, Distribution.Decision decision) {
        var reason = decision.reason() == null ? "" : decision.reason().strip();
        if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > 200) {
            throw DomainException.invalid("reason", "growth.group-buy.text", 200);
        }
        var withdrawal = decidable(id);
        jdbc.sql("""
                        update distribution_withdrawal set status = 'rejected', decided_by = ?, decided_at = ?,
                                                           reason = ? where id = ?""")
                .params(Actor.currentName(), Timestamp.from(clock.instant()), reason, id)
                .update();
        var balances = ledger.lock(withdrawal.distributorId());
        var amount = withdrawal.amount();
        ledger.post(
                new DistributionLedger.Posting(withdrawal.distributorId(), "reject", String.valueOf(id), 0, null, null),
                DistributionLedger.credit(balances, DistributionLedger.Move.of().frozen(amount.negate()), amount));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Distribution.Withdrawal get(long id) {
        return jdbc.sql(SELECT + " where w.id = ?")
                .param(id)
                .query(Withdrawals::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("withdrawal", id));
    }

    /** Newest first; {@code status} and {@code distributorId} filter. */
    @Transactional(readOnly = true)
    public CursorPage<Distribution.Withdrawal> list(
            @Nullable String status, @Nullable Long distributorId, PageRequest page) {
        var rows = jdbc.sql(SELECT + """
                         where w.id < ? and (?::text is null or w.status = ?) and (?::bigint is null or w.distributor_id = ?)
                        order by w.id desc limit %d""".formatted(page.fetchSize()))
                .params(page.before(), status, status, distributorId, distributorId)
                .query(Withdrawals::row)
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Distribution.Withdrawal::id);
    }

    /** Pays the approved withdrawals that are due; answers how many were paid. */
    int payDue() {
        return payments.round();
    }

    private Distribution.Withdrawal decidable(long id) {
        var withdrawal = jdbc.sql(SELECT + " where w.id = ? for update of w")
                .param(id)
                .query(Withdrawals::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("withdrawal", id));
        if (!withdrawal.status().equals("requested")) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.distribution.decided", withdrawal.status());
        }
        if (Actor.currentName().equals(withdrawal.requestedBy())) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.distribution.own-request");
        }
        return withdrawal;
    }

    private static Distribution.Withdrawal row(ResultSet rs, int n) throws SQLException {
        var decidedAt = rs.getTimestamp(11);
        var paidAt = rs.getTimestamp(13);
        return new Distribution.Withdrawal(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString(12),
                paidAt == null ? null : paidAt.toInstant(),
                rs.getInt(14),
                rs.getString(15));
    }
}

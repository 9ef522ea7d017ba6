package io.siyu.growth;

import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Pays approved 分销 withdrawals, each exactly once (see {@link DuePayments}); frozen money becomes withdrawn. */
@Component
class WithdrawalPayouts extends DuePayments<WithdrawalPayouts.Due> {

    static final String PURPOSE = "佣金提现";

    record Due(long id, long distributor, long customer, BigDecimal amount, int attempts) {}

    private final Payouts payouts;
    private final DistributionLedger ledger;

    WithdrawalPayouts(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Payouts payouts,
            DistributionLedger ledger,
            Clock clock) {
        super(jdbc, transactions, clock, "distribution_withdrawal");
        this.payouts = payouts;
        this.ledger = ledger;
    }

    @Override
    protected List<Due> due(Timestamp now, int limit) {
        return jdbc.sql("""
                        select w.id, w.distributor_id, d.customer_id, w.amount, w.attempts
                        from distribution_withdrawal w join distributor d on d.id = w.distributor_id
                        where w.status = 'approved' and w.due_at <= ? order by w.due_at limit ?
                        for update of w skip locked""")
                .params(now, limit)
                .query((rs, n) ->
                        new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getInt(5)))
                .list();
    }

    @Override
    protected long id(Due withdrawal) {
        return withdrawal.id();
    }

    @Override
    protected int attempts(Due withdrawal) {
        return withdrawal.attempts();
    }

    @Override
    protected void pay(Due withdrawal) {
        var key = key(withdrawal.id());
        if (payouts.find(key).isEmpty()) {
            payouts.pay(key, withdrawal.customer(), withdrawal.amount(), PURPOSE);
        }
    }

    @Override
    protected void paid(Due withdrawal) {
        jdbc.sql("update distribution_withdrawal set status = 'paid', paid_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(clock.instant()), withdrawal.id())
                .update();
        ledger.lock(withdrawal.distributor());
        ledger.post(
                new DistributionLedger.Posting(
                        withdrawal.distributor(), "payout", String.valueOf(withdrawal.id()), 0, null, null),
                DistributionLedger.Move.of()
                        .frozen(withdrawal.amount().negate())
                        .withdrawn(withdrawal.amount()));
    }

    /** The provider's transfer number: unique across tenants, the same for every attempt. */
    static String key(long withdrawalId) {
        return "siyu-" + Tenancy.required().value() + "-dw-" + withdrawalId;
    }
}

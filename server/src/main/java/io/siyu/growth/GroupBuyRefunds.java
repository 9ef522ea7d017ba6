package io.siyu.growth;

import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Pays the refunds closed teams owe, each exactly once (see {@link DuePayments}). */
@Component
class GroupBuyRefunds extends DuePayments<GroupBuyRefunds.Due> {

    record Due(long id, BigDecimal amount, String paymentRef, int attempts) {}

    private final GroupBuyPayments payments;

    GroupBuyRefunds(JdbcClient jdbc, TransactionTemplate transactions, GroupBuyPayments payments, Clock clock) {
        super(jdbc, transactions, clock, "group_buy_refund");
        this.payments = payments;
    }

    @Override
    protected List<Due> due(Timestamp now, int limit) {
        return jdbc.sql("""
                        select r.id, r.amount, m.payment_ref, r.attempts from group_buy_refund r
                        join group_buy_member m on m.id = r.member_id
                        where r.status = 'due' and r.due_at <= ? order by r.due_at limit ? for update of r skip locked""")
                .params(now, limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    @Override
    protected long id(Due refund) {
        return refund.id();
    }

    @Override
    protected int attempts(Due refund) {
        return refund.attempts();
    }

    @Override
    protected void pay(Due refund) {
        var key = key(refund.id());
        if (payments.find(key).isEmpty()) {
            payments.refund(key, refund.paymentRef(), refund.amount());
        }
    }

    @Override
    protected void paid(Due refund) {
        jdbc.sql("update group_buy_refund set status = 'done', refunded_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(clock.instant()), refund.id())
                .update();
    }

    /** The provider's refund number: unique across tenants, the same for every attempt. */
    static String key(long refundId) {
        return "siyu-" + Tenancy.required().value() + "-gb-" + refundId;
    }
}

package io.siyu.growth;

import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays the refunds closed teams owe, each exactly once: the provider is first asked whether the refund's key was
 * already paid (a crash may have come between its answer and our record of it), and only then asked to pay.
 * A refund that fails is tried again later, backing off, with its error kept for the operator.
 */
@Component
class GroupBuyRefunds {

    private static final Logger log = LoggerFactory.getLogger(GroupBuyRefunds.class);
    static final int BATCH = 50;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private record Due(long id, BigDecimal amount, String paymentRef, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final GroupBuyPayments payments;
    private final Clock clock;

    GroupBuyRefunds(JdbcClient jdbc, TransactionTemplate transactions, GroupBuyPayments payments, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.payments = payments;
        this.clock = clock;
    }

    /** Pays what is due now; answers how many refunds were paid. */
    int round() {
        int paid = 0;
        int taken;
        do {
            var counts = Objects.requireNonNull(transactions.execute(s -> batch()));
            paid += counts[0];
            taken = counts[1];
        } while (taken == BATCH);
        return paid;
    }

    private int[] batch() {
        var due = jdbc.sql("""
                        select r.id, r.amount, m.payment_ref, r.attempts from group_buy_refund r
                        join group_buy_member m on m.id = r.member_id
                        where r.status = 'due' and r.due_at <= ? order by r.due_at limit ? for update of r skip locked""")
                .params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getInt(4)))
                .list();
        int paid = 0;
        for (var refund : due) {
            var key = key(refund.id());
            try {
                if (payments.find(key).isEmpty()) {
                    payments.refund(key, refund.paymentRef(), refund.amount());
                }
                jdbc.sql("update group_buy_refund set status = 'done', refunded_at = ?, last_error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), refund.id())
                        .update();
                paid++;
            } catch (RuntimeException e) {
                var wait = FIRST_RETRY.multipliedBy(1L << Math.min(refund.attempts(), 6));
                jdbc.sql("""
                                update group_buy_refund set attempts = attempts + 1, due_at = ?, last_error = ?
                                where id = ?""")
                        .params(
                                Timestamp.from(
                                        clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)),
                                String.valueOf(e.getMessage()),
                                refund.id())
                        .update();
                log.warn("group-buy refund {} failed, tried again later: {}", refund.id(), e.getMessage());
            }
        }
        return new int[] {paid, due.size()};
    }

    /** The provider's refund number: unique across tenants, the same for every attempt. */
    static String key(long refundId) {
        return "siyu-" + Tenancy.required().value() + "-gb-" + refundId;
    }
}

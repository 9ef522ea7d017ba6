package io.siyu.customer;

import static io.siyu.customer.CustomerResolution.longArray;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the figures on a profile that other modules' writes change: last activity (events) and purchase
 * totals (orders). Always on the home profile, in the caller's transaction; a survivor's figures are the
 * sum over the profiles merged into it.
 */
@Service
public class CustomerActivity {

    private final JdbcClient jdbc;

    CustomerActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves each profile's last activity forward to the given time (never back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void touch(Map<Long, Instant> lastActivity) {
        if (lastActivity.isEmpty()) {
            return;
        }
        var ids = longArray(lastActivity.keySet());
        var times = lastActivity.keySet().stream()
                .map(id -> Timestamp.from(lastActivity.get(id)))
                .toArray(Timestamp[]::new);
        // Rows are locked in id order first, so that concurrent batches cannot deadlock on each other.
        jdbc.sql("with locked as (select c.id from customer c join unnest(?::bigint[], ?::timestamptz[]) as u(id, at)"
                        + " on c.id = u.id where c.last_active_at is null or c.last_active_at < u.at"
                        + " order by c.id for update of c)"
                        + " update customer c set last_active_at = u.at from unnest(?::bigint[], ?::timestamptz[]) as u(id, at)"
                        + " where c.id = u.id and c.id in (select id from locked)")
                .params(ids, times, ids, times)
                .update();
    }

    /**
     * Adds to a profile's purchase totals: {@code orders} paid orders worth {@code amount} (both negative
     * for a refund that cancels an order), with {@code purchasedAt} extending first and last purchase.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addPurchases(long home, int orders, BigDecimal amount, @Nullable Instant purchasedAt) {
        var at = purchasedAt == null ? null : Timestamp.from(purchasedAt);
        jdbc.sql("update customer set order_count = greatest(order_count + ?, 0), gmv = gmv + ?,"
                        + " first_purchase_at = least(first_purchase_at, ?), last_purchase_at = greatest(last_purchase_at, ?)"
                        + " where id = ?")
                .params(orders, amount, at, at, home)
                .update();
    }

    /** Recomputes first/last purchase after a refund took away a profile's only purchases. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clearPurchaseDatesIfNone(long home) {
        jdbc.sql(
                        "update customer set first_purchase_at = null, last_purchase_at = null where id = ? and order_count = 0")
                .param(home)
                .update();
    }
}

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

    private final CustomerChanges changes;

    CustomerActivity(JdbcClient jdbc, CustomerChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
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
        changes.changed(lastActivity.keySet());
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
        changes.changed(java.util.List.of(home));
    }

    /** Purchase totals to add to one profile. */
    public record Purchases(int orders, BigDecimal amount, Instant first, Instant last) {
        public Purchases plus(Purchases other) {
            return new Purchases(
                    orders + other.orders,
                    amount.add(other.amount),
                    first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    /** {@link #addPurchases(long, int, BigDecimal, Instant)} for many profiles in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addPurchases(Map<Long, Purchases> totals) {
        if (totals.isEmpty()) {
            return;
        }
        var ids = longArray(totals.keySet());
        var orders = new Integer[ids.length];
        var amounts = new BigDecimal[ids.length];
        var firsts = new Timestamp[ids.length];
        var lasts = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            var p = totals.get(ids[i]);
            orders[i] = p.orders();
            amounts[i] = p.amount();
            firsts[i] = Timestamp.from(p.first());
            lasts[i] = Timestamp.from(p.last());
        }
        jdbc.sql("update customer c set order_count = c.order_count + u.orders, gmv = c.gmv + u.amount,"
                        + " first_purchase_at = least(c.first_purchase_at, u.first),"
                        + " last_purchase_at = greatest(c.last_purchase_at, u.last)"
                        + " from unnest(?::bigint[], ?::int[], ?::numeric[], ?::timestamptz[], ?::timestamptz[])"
                        + " as u(id, orders, amount, first, last) where c.id = u.id")
                .params(ids, orders, amounts, firsts, lasts)
                .update();
        changes.changed(totals.keySet());
    }

    /** Recomputes first/last purchase after a refund took away a profile's only purchases. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clearPurchaseDatesIfNone(long home) {
        jdbc.sql(
                        "update customer set first_purchase_at = null, last_purchase_at = null where id = ? and order_count = 0")
                .param(home)
                .update();
        changes.changed(java.util.List.of(home));
    }
}

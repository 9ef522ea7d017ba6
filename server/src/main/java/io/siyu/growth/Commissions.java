package io.siyu.growth;

import io.siyu.commerce.Order;
import io.siyu.commerce.Orders;
import io.siyu.commerce.Products;
import io.siyu.event.EventObserver;
import io.siyu.event.EventType;
import io.siyu.event.StoredEvent;
import io.siyu.shared.DomainException;
import io.siyu.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears paid orders and refunds in the transaction that records them. An order paid after its customer was bound
 * to an active distributor (or carrying a distributor's share code, as {@link OrderAttribution} decides) earns that
 * distributor level-1 commission and their inviter level-2 commission (never a third level), held as pending until the refund window closes; {@link #releaseDue()} then makes it available.
 * A refund takes back the order's share: from pending before the release (cancel), after it from available
 * (clawback), any part available cannot cover becoming debt that the next released commission pays.
 */
@Component
class Commissions implements EventObserver {

    static final int BATCH = 100;

    private record Earned(long distributor, int level, BigDecimal amount) {}

    private final JdbcClient jdbc;
    // lazily: Orders records events, whose observers include this
    private final ObjectProvider<Orders> orders;
    private final Products products;
    private final DistributionSettings settings;
    private final DistributionLedger ledger;
    private final OrderAttribution attribution;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Commissions(
            JdbcClient jdbc,
            ObjectProvider<Orders> orders,
            Products products,
            DistributionSettings settings,
            DistributionLedger ledger,
            OrderAttribution attribution,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.products = products;
        this.settings = settings;
        this.ledger = ledger;
        this.attribution = attribution;
        this.clock = clock;
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        var buyers = new ArrayList<Long>();
        for (var event : events) {
            if (event.type() == EventType.PURCHASE.code()) {
                buyers.add(event.customerId());
            }
        }
        // one look per batch at who is bound to a distributor: most buyers are not, and ingestion is the hot path
        var bound = buyers.isEmpty()
                ? java.util.Set.<Long>of()
                : new java.util.HashSet<>(
                        jdbc.sql("select customer_id from distribution_binding where customer_id = any(?::bigint[])")
                                .param(buyers.toArray(Long[]::new))
                                .query(Long.class)
                                .list());
        for (var event : events) {
            boolean purchase = event.type() == EventType.PURCHASE.code();
            // an unbound buyer's order earns only through the share code it carries
            if ((!purchase && event.type() != EventType.REFUND.code())
                    || event.properties() == null
                    || (purchase
                            && !bound.contains(event.customerId())
                            && !event.properties().contains("distributorCode"))) {
                continue;
            }
            var properties = json.readTree(event.properties());
            var orderNo = properties.path("orderId").asString("");
            if (orderNo.isEmpty()) {
                continue;
            }
            if (purchase) {
                paid(event.customerId(), orderNo, event.occurredAt());
            } else {
                var refundNo = properties.path("refundId").asString(orderNo);
                var amount = properties.path("amount");
                if (amount.isNumber() || amount.isString()) {
                    refunded(orderNo, refundNo, new BigDecimal(amount.asString()));
                }
            }
        }
    }

    private void paid(long customer, String orderNo, Instant paidAt) {
        Order order;
        try {
            order = orders.getObject().get(orderNo);
        } catch (DomainException e) {
            return; // a purchase event sent on its own, not an order of the shop's: nothing to pay on
        }
        var program = settings.get();
        var level1 = attribution.earner(customer, orderNo, order.distributorCode(), paidAt, program.attribution());
        if (level1.isEmpty()) {
            return;
        }
        var base = order.paidAmount().min(order.totalAmount());
        if (base.signum() <= 0) {
            return;
        }
        var window = Duration.ofDays(program.refundWindowDays());
        int inserted = jdbc.sql("""
                        insert into distribution_order (order_no, customer_id, base, paid_at, release_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(orderNo, customer, base, Timestamp.from(paidAt), Timestamp.from(paidAt.plus(window)))
                .update();
        if (inserted == 0) {
            return;
        }
        var amounts = commission(order, base, program);
        var row = level1.get();
        var earned = new ArrayList<Earned>();
        earned.add(new Earned(row.distributor(), 1, amounts[0]));
        if (row.parent() != null
                && "active".equals(row.parentStatus())
                && !Long.valueOf(customer).equals(row.parentCustomer())) {
            earned.add(new Earned(row.parent(), 2, amounts[1]));
        }
        for (var share : earned) {
            if (share.amount().signum() > 0) {
                ledger.lock(share.distributor());
                ledger.post(
                        new DistributionLedger.Posting(
                                share.distributor(), "commission", orderNo, share.level(), orderNo, base),
                        DistributionLedger.Move.of().pending(share.amount()));
            }
        }
    }

    /** Both levels' commission on the order: each line at its rate, scaled to what was paid, rounded down. */
    private BigDecimal[] commission(Order order, BigDecimal base, Distribution.Settings program) {
        var catalogue =
                products.bySku(order.lines().stream().map(Order.Line::sku).toList());
        var rates = settings.rates();
        var lines = BigDecimal.ZERO;
        var level1 = BigDecimal.ZERO;
        var level2 = BigDecimal.ZERO;
        for (var line : order.lines()) {
            var amount = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            var product = catalogue.get(line.sku());
            var rate = settings.rateOf(line.sku(), product == null ? null : product.category(), rates, program);
            lines = lines.add(amount);
            level1 = level1.add(amount.multiply(rate.level1()));
            level2 = level2.add(amount.multiply(rate.level2()));
        }
        if (lines.signum() <= 0) {
            level1 = base.multiply(program.level1Rate());
            level2 = base.multiply(program.level2Rate());
            lines = base;
        }
        var hundred = new BigDecimal("100");
        return new BigDecimal[] {
            level1.multiply(base).divide(lines.multiply(hundred), 2, RoundingMode.FLOOR),
            level2.multiply(base).divide(lines.multiply(hundred), 2, RoundingMode.FLOOR)
        };
    }

    /**
     * Takes back the refund's share of each level's commission: {@code commission × refund ÷ paid}, all that is
     * left once the whole order is refunded.
     */
    private void refunded(String orderNo, String refundNo, BigDecimal amount) {
        var order = jdbc.sql("""
                        select base, refunded, released_at is not null from distribution_order where order_no = ?
                        for update""")
                .param(orderNo)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBoolean(3)})
                .optional();
        if (order.isEmpty() || amount.signum() <= 0) {
            return;
        }
        var base = (BigDecimal) order.get()[0];
        var refunded = ((BigDecimal) order.get()[1]).add(amount).min(base);
        boolean released = (Boolean) order.get()[2];
        jdbc.sql("update distribution_order set refunded = ? where order_no = ?")
                .params(refunded, orderNo)
                .update();
        for (var share : earnedOn(orderNo)) {
            var left = share.amount().subtract(reversed(orderNo, share));
            var due = refunded.compareTo(base) >= 0
                    ? left
                    : share.amount()
                            .multiply(amount)
                            .divide(base, 2, RoundingMode.HALF_UP)
                            .min(left);
            if (due.signum() <= 0) {
                continue;
            }
            var balances = ledger.lock(share.distributor());
            var posting = new DistributionLedger.Posting(
                    share.distributor(), released ? "clawback" : "cancel", refundNo, share.level(), orderNo, null);
            if (released) {
                var taken = balances.available().min(due);
                ledger.post(
                        posting,
                        DistributionLedger.Move.of().available(taken.negate()).debt(due.subtract(taken)));
            } else {
                ledger.post(posting, DistributionLedger.Move.of().pending(due.negate()));
            }
        }
    }

    /** Releases the commission of orders whose refund window has closed; answers how many orders. */
    int releaseDue() {
        var due = jdbc.sql("""
                        select order_no from distribution_order where released_at is null and release_at <= ?
                        order by release_at limit ? for update skip locked""")
                .params(Timestamp.from(clock.instant()), BATCH)
                .query(String.class)
                .list();
        for (var orderNo : due) {
            for (var share : earnedOn(orderNo)) {
                var left = share.amount().subtract(reversed(orderNo, share));
                if (left.signum() > 0) {
                    var balances = ledger.lock(share.distributor());
                    ledger.post(
                            new DistributionLedger.Posting(
                                    share.distributor(), "release", orderNo, share.level(), orderNo, null),
                            DistributionLedger.credit(
                                    balances, DistributionLedger.Move.of().pending(left.negate()), left));
                }
            }
            jdbc.sql("update distribution_order set released_at = ? where order_no = ?")
                    .params(Timestamp.from(clock.instant()), orderNo)
                    .update();
        }
        return due.size();
    }

    private List<Earned> earnedOn(String orderNo) {
        return jdbc.sql("""
                        select distributor_id, level, pending from distribution_entry
                        where kind = 'commission' and order_no = ? order by level""")
                .param(orderNo)
                .query((rs, n) -> new Earned(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3)))
                .list();
    }

    /** What refunds took back of this share so far. */
    private BigDecimal reversed(String orderNo, Earned share) {
        return jdbc.sql("""
                        select coalesce(-sum(pending + available - debt), 0) from distribution_entry
                        where kind in ('cancel', 'clawback') and order_no = ? and distributor_id = ? and level = ?""")
                .params(orderNo, share.distributor(), share.level())
                .query(BigDecimal.class)
                .single();
    }
}

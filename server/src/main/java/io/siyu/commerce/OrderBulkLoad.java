package io.siyu.commerce;

import io.siyu.customer.CustomerActivity;
import io.siyu.event.EventBulkLoad;
import io.siyu.event.EventRecord;
import io.siyu.event.EventType;
import io.siyu.shared.TenantId;
import io.siyu.shared.jdbc.BulkCopy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many paid orders at once (generated demo data, large history imports) through COPY, with their
 * purchase events and the customers' totals, so that they look exactly as if they had come one by one.
 */
@Service
public class OrderBulkLoad {

    /** A paid order; {@code customer} is the home profile. */
    public record BulkOrder(
            String orderNo,
            long customer,
            Instant placedAt,
            Instant paidAt,
            @Nullable String store,
            @Nullable String channel,
            List<Order.Line> lines) {

        BigDecimal total() {
            return lines.stream()
                    .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final BulkCopy copy;
    private final JdbcClient jdbc;
    private final EventBulkLoad events;
    private final CustomerActivity activity;
    private final ApplicationEventPublisher published;

    OrderBulkLoad(
            BulkCopy copy,
            JdbcClient jdbc,
            EventBulkLoad events,
            CustomerActivity activity,
            ApplicationEventPublisher published) {
        this.copy = copy;
        this.jdbc = jdbc;
        this.events = events;
        this.activity = activity;
        this.published = published;
    }

    @Transactional
    public void load(TenantId tenant, List<BulkOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        copy.copy(
                "customer_order",
                new String[] {
                    "tenant_id",
                    "order_no",
                    "customer_id",
                    "status",
                    "total_amount",
                    "paid_amount",
                    "currency",
                    "store",
                    "channel",
                    "placed_at",
                    "paid_at"
                },
                rows -> orders.forEach(o -> {
                    var total = o.total().toPlainString();
                    rows.value(tenant.value())
                            .value(o.orderNo())
                            .value(o.customer())
                            .value("paid")
                            .value(total)
                            .value(total)
                            .value("CNY");
                    text(rows, o.store());
                    text(rows, o.channel());
                    rows.value(o.placedAt().toString())
                            .value(o.paidAt().toString())
                            .end();
                }));
        var ids = new HashMap<String, Long>();
        jdbc.sql("select order_no, id from customer_order where order_no = any(?)")
                .param(orders.stream().map(BulkOrder::orderNo).toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        copy.copy(
                "order_line",
                new String[] {"tenant_id", "order_id", "line_no", "sku", "name", "quantity", "unit_price"},
                rows -> orders.forEach(o -> o.lines()
                        .forEach(l -> rows.value(tenant.value())
                                .value(ids.get(o.orderNo()))
                                .value(l.lineNo())
                                .value(l.sku())
                                .value(l.name())
                                .value(l.quantity())
                                .value(l.unitPrice().toPlainString())
                                .end())));
        copy.copy(
                "order_payment",
                new String[] {"tenant_id", "payment_no", "order_id", "amount", "method", "paid_at"},
                rows -> orders.forEach(o -> rows.value(tenant.value())
                        .value("PAY-" + o.orderNo())
                        .value(ids.get(o.orderNo()))
                        .value(o.total().toPlainString())
                        .value("wechat")
                        .value(o.paidAt().toString())
                        .end()));
        events.load(
                tenant,
                sink -> orders.forEach(o -> sink.accept(new EventRecord(
                        o.customer(),
                        EventType.PURCHASE,
                        o.paidAt(),
                        "order:" + o.orderNo(),
                        "{\"orderId\": \"%s\", \"amount\": %s, \"currency\": \"CNY\"}"
                                .formatted(o.orderNo(), o.total().toPlainString())))));
        var totals = new HashMap<Long, CustomerActivity.Purchases>();
        orders.forEach(o -> totals.merge(
                o.customer(),
                new CustomerActivity.Purchases(1, o.total(), o.paidAt(), o.paidAt()),
                CustomerActivity.Purchases::plus));
        activity.addPurchases(totals);
        var lastActivity = new HashMap<Long, Instant>();
        totals.forEach((customer, p) -> lastActivity.put(customer, p.last()));
        activity.touch(lastActivity);
        published.publishEvent(new OrdersLoaded(tenant.value()));
    }

    private static void text(BulkCopy.Rows rows, @Nullable String value) {
        if (value == null) {
            rows.nullValue();
        } else {
            rows.value(value);
        }
    }
}

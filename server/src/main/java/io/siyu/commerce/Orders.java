package io.siyu.commerce;

import io.siyu.customer.CustomerActivity;
import io.siyu.customer.CustomerResolution;
import io.siyu.customer.IdentityClaim;
import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.Tenancy;
import io.siyu.shared.jdbc.Savepoints;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Orders from shops. Order, payment and refund numbers are the shop's and unique per tenant, so a re-sent
 * record changes nothing. When payments cover an order it becomes paid: one purchase event and the
 * customer's totals move, in the same transaction; a refund records a refund event and takes its amount
 * (and, when the whole order is refunded, the order) off the totals.
 */
@Service
public class Orders {

    public static final int MAX_BATCH = 500;

    /** One record's outcome: created, updated (new payments), duplicate, or rejected with problems. */
    public record Outcome(
            int index,
            @Nullable String orderNo,
            String status,
            @Nullable Long customerId,
            List<FieldProblem> problems) {}

    private final JdbcClient jdbc;
    private final Products products;
    private final CustomerResolution customers;
    private final CustomerActivity activity;
    private final EventRecorder events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Savepoints savepoints;
    private final ApplicationEventPublisher published;

    Orders(
            JdbcClient jdbc,
            Products products,
            CustomerResolution customers,
            CustomerActivity activity,
            EventRecorder events,
            ObjectMapper json,
            Clock clock,
            Savepoints savepoints,
            ApplicationEventPublisher published) {
        this.jdbc = jdbc;
        this.products = products;
        this.customers = customers;
        this.activity = activity;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.savepoints = savepoints;
        this.published = published;
    }

    /** Writes a batch of orders, each behind its own savepoint; {@code at} names records, e.g. "orders[%d]". */
    @Transactional
    public List<Outcome> ingest(List<JsonNode> records, String at, String actor, boolean dryRun) {
        var skus = new HashSet<String>();
        records.forEach(r -> r.path("lines").forEach(l -> skus.add(l.path("sku").asString(""))));
        var catalogue = products.bySku(skus);
        var outcomes = new ArrayList<Outcome>();
        for (int i = 0; i < records.size(); i++) {
            var path = at.formatted(i);
            var problems = new ArrayList<FieldProblem>();
            var input = OrderInput.read(records.get(i), path, catalogue, clock, problems);
            if (input == null) {
                outcomes.add(new Outcome(i, records.get(i).path("orderNo").asString(null), "rejected", null, problems));
                continue;
            }
            int index = i;
            outcomes.add(savepoints.record(
                    path,
                    dryRun,
                    () -> write(index, input, actor),
                    reasons -> new Outcome(index, input.orderNo(), "rejected", null, reasons)));
        }
        return outcomes;
    }

    private Outcome write(int index, OrderInput input, String actor) {
        long customer = customerOf(input, actor);
        var existing = jdbc.sql("select id, customer_id from customer_order where order_no = ?")
                .param(input.orderNo())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        long orderId;
        boolean created = existing.isEmpty();
        if (created) {
            orderId = jdbc.sql(
                            "insert into customer_order (tenant_id, order_no, customer_id, status, total_amount, currency,"
                                    + " store, channel, distributor_code, placed_at)"
                                    + " values (siyu_current_tenant(), ?, ?, 'pending', ?, ?, ?, ?, ?, ?)"
                                    + " on conflict (tenant_id, order_no) do nothing returning id")
                    .params(
                            input.orderNo(),
                            customer,
                            input.totalAmount(),
                            input.currency(),
                            input.store(),
                            input.channel(),
                            input.distributorCode(),
                            Timestamp.from(input.placedAt()))
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() ->
                            new DomainException(HttpStatus.CONFLICT, "commerce.order.concurrent", input.orderNo()));
            for (var line : input.lines()) {
                jdbc.sql("insert into order_line (tenant_id, order_id, line_no, sku, name, quantity, unit_price)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?, ?, ?)")
                        .params(orderId, line.lineNo(), line.sku(), line.name(), line.quantity(), line.unitPrice())
                        .update();
            }
        } else {
            orderId = existing.get()[0];
            customer = existing.get()[1];
        }
        boolean paid = false;
        for (var payment : input.payments()) {
            paid |= pay(orderId, payment);
        }
        var status = created ? "created" : paid ? "updated" : "duplicate";
        return new Outcome(
                index,
                input.orderNo(),
                status,
                customers.survivors(List.of(customer)).getOrDefault(customer, customer),
                List.of());
    }

    private long customerOf(OrderInput input, String actor) {
        var ref = input.customer();
        if (ref.customerId() != null) {
            if (customers.existing(List.of(ref.customerId())).isEmpty()) {
                throw new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("customer", "event.customer.unknown")));
            }
            return ref.customerId();
        }
        var claims = ref.identities().stream().map(IdentityClaim::of).toList();
        return customers.resolveTogether(claims, actor, input.placedAt(), false).home();
    }

    /** Adds a payment to an order; the order's number must exist. */
    @Transactional
    public Order addPayment(String orderNo, Order.Payment payment) {
        pay(orderIdOf(orderNo), payment);
        return get(orderNo);
    }

    /** @return whether the payment was new */
    private boolean pay(long orderId, Order.Payment payment) {
        var order = lock(orderId);
        int inserted = jdbc.sql("insert into order_payment (tenant_id, payment_no, order_id, amount, method, paid_at)"
                        + " values (siyu_current_tenant(), ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        payment.paymentNo(),
                        orderId,
                        payment.amount(),
                        payment.method(),
                        Timestamp.from(payment.paidAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        if (order.paidAt() != null) {
            published.publishEvent(new OrderAdjusted(
                    Tenancy.required().value(),
                    "payment",
                    order.customer(),
                    orderId,
                    order.paidAt(),
                    payment.amount()));
        }
        var paidAmount = order.paid().add(payment.amount());
        jdbc.sql("update customer_order set paid_amount = ? where id = ?")
                .params(paidAmount, orderId)
                .update();
        if (order.status().equals("pending") && paidAmount.compareTo(order.total()) >= 0) {
            jdbc.sql("update customer_order set status = 'paid', paid_at = ? where id = ?")
                    .params(Timestamp.from(payment.paidAt()), orderId)
                    .update();
            activity.addPurchases(order.customer(), 1, order.total(), payment.paidAt());
            published.publishEvent(
                    new OrderPaid(Tenancy.required().value(), order.customer(), orderId, payment.paidAt(), paidAmount));
            var properties = json.createObjectNode()
                    .put("orderId", order.orderNo())
                    .put("amount", order.total())
                    .put("currency", order.currency())
                    .put("paidAt", payment.paidAt().toString());
            if (order.distributorCode() != null) {
                properties.put("distributorCode", order.distributorCode());
            }
            events.record(
                    order.customer(),
                    EventType.PURCHASE,
                    payment.paidAt(),
                    "order:" + order.orderNo(),
                    properties.toString());
        }
        return true;
    }

    /**
     * Refunds part or all of a paid order. A refund number seen before changes nothing; more than the
     * order's paid and not yet refunded amount is refused.
     */
    @Transactional
    public Order refund(String orderNo, Order.Refund refund) {
        long orderId = orderIdOf(orderNo);
        var order = lock(orderId);
        boolean seen = jdbc.sql("select exists (select 1 from order_refund where refund_no = ?)")
                .param(refund.refundNo())
                .query(Boolean.class)
                .single();
        if (seen) {
            return get(orderNo);
        }
        if (order.status().equals("pending")) {
            throw new DomainException(HttpStatus.CONFLICT, "commerce.refund.not-paid", orderNo);
        }
        var refundable = order.total().min(order.paid()).subtract(order.refunded());
        if (refund.amount().compareTo(refundable) > 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "commerce.refund.too-much",
                    List.of(new FieldProblem("amount", "commerce.refund.too-much", refundable)),
                    refundable);
        }
        long refundId = jdbc.sql(
                        "insert into order_refund (tenant_id, refund_no, order_id, amount, reason, refunded_at)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?, ?)")
                .params(
                        refund.refundNo(),
                        orderId,
                        refund.amount(),
                        refund.reason(),
                        Timestamp.from(refund.refundedAt()))
                .update();
        published.publishEvent(new OrderAdjusted(
                Tenancy.required().value(),
                "refund",
                order.customer(),
                orderId,
                Objects.requireNonNull(order.paidAt()),
                refund.amount().negate()));
        var refunded = order.refunded().add(refund.amount());
        boolean whole = refunded.compareTo(order.total().min(order.paid())) >= 0;
        jdbc.sql("update customer_order set refunded_amount = ?, status = ? where id = ?")
                .params(refunded, whole ? "refunded" : "partially_refunded", orderId)
                .update();
        activity.addPurchases(order.customer(), whole ? -1 : 0, refund.amount().negate(), null);
        if (whole) {
            activity.clearPurchaseDatesIfNone(order.customer());
        }
        events.record(
                order.customer(),
                EventType.REFUND,
                refund.refundedAt(),
                "refund:" + refund.refundNo(),
                json.createObjectNode()
                        .put("orderId", order.orderNo())
                        .put("refundId", refund.refundNo())
                        .put("amount", refund.amount())
                        .put("currency", order.currency())
                        .toString());
        return get(orderNo);
    }

    @Transactional(readOnly = true)
    public Order get(String orderNo) {
        var page = query("o.order_no = ?", List.of(orderNo), 1);
        if (page.isEmpty()) {
            throw DomainException.notFound("order", orderNo);
        }
        return page.getFirst();
    }

    /**
     * Orders by when they were placed, newest first (an imported history of old orders sorts in place);
     * {@code customers} limits them to these home profiles (a merged group).
     */
    @Transactional(readOnly = true)
    public CursorPage<Order> list(
            @Nullable Collection<Long> customers, @Nullable String status, int limit, @Nullable String cursor) {
        var where = new ArrayList<String>(List.of("true"));
        var params = new ArrayList<Object>();
        if (cursor != null && !cursor.isBlank()) {
            try {
                var text = new String(
                        java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.US_ASCII);
                int split = text.lastIndexOf('|');
                where.add("(o.placed_at, o.id) < (?, ?)");
                params.add(Timestamp.from(Instant.parse(text.substring(0, split))));
                params.add(Long.parseLong(text.substring(split + 1)));
            } catch (RuntimeException e) {
                throw new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("cursor", "problem.page.cursor")));
            }
        }
        if (customers != null) {
            where.add("o.customer_id = any(?::bigint[])");
            params.add(customers.toArray(Long[]::new));
        }
        if (status != null) {
            where.add("o.status = ?");
            params.add(status);
        }
        var rows = query(String.join(" and ", where), params, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        var page = rows.subList(0, limit);
        var last = page.getLast();
        var next = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        (last.placedAt() + "|" + last.id()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new CursorPage<>(page, next);
    }

    private List<Order> query(String where, List<Object> params, int limit) {
        var all = new ArrayList<>(params);
        all.add(limit);
        var orders = jdbc.sql("select o.id, o.order_no, o.customer_id, o.status, o.total_amount,"
                        + " o.paid_amount, o.refunded_amount, o.currency, o.store, o.channel, o.placed_at, o.paid_at,"
                        + " o.distributor_code from customer_order o where "
                        + where + " order by o.placed_at desc, o.id desc limit ?")
                .params(all)
                .query((rs, n) -> order(rs))
                .list();
        if (orders.isEmpty()) {
            return orders;
        }
        var ids = orders.stream().map(Order::id).toArray(Long[]::new);
        var survivors =
                customers.survivors(orders.stream().map(Order::customerId).toList());
        var lines = new HashMap<Long, List<Order.Line>>();
        jdbc.sql(
                        "select order_id, line_no, sku, name, quantity, unit_price from order_line where order_id = any(?::bigint[])"
                                + " order by order_id, line_no")
                .param(ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Order.Line(
                                    rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBigDecimal(6)));
                });
        var payments = new HashMap<Long, List<Order.Payment>>();
        jdbc.sql(
                        "select order_id, payment_no, amount, method, paid_at from order_payment where order_id = any(?::bigint[])"
                                + " order by paid_at")
                .param(ids)
                .query(rs -> {
                    payments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Order.Payment(
                                    rs.getString(2),
                                    rs.getBigDecimal(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                });
        var refunds = new HashMap<Long, List<Order.Refund>>();
        jdbc.sql(
                        "select order_id, refund_no, amount, reason, refunded_at from order_refund where order_id = any(?::bigint[])"
                                + " order by refunded_at")
                .param(ids)
                .query(rs -> {
                    refunds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Order.Refund(
                                    rs.getString(2),
                                    rs.getBigDecimal(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                });
        return orders.stream()
                .map(o -> new Order(
                        o.id(),
                        o.orderNo(),
                        survivors.getOrDefault(o.customerId(), o.customerId()),
                        o.status(),
                        o.totalAmount(),
                        o.paidAmount(),
                        o.refundedAmount(),
                        o.currency(),
                        o.store(),
                        o.channel(),
                        o.distributorCode(),
                        o.placedAt(),
                        o.paidAt(),
                        lines.getOrDefault(o.id(), List.of()),
                        payments.getOrDefault(o.id(), List.of()),
                        refunds.getOrDefault(o.id(), List.of())))
                .toList();
    }

    private static Order order(ResultSet rs) throws SQLException {
        var paidAt = rs.getTimestamp(12);
        return new Order(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(13),
                rs.getTimestamp(11).toInstant(),
                paidAt == null ? null : paidAt.toInstant(),
                List.of(),
                List.of(),
                List.of());
    }

    private long orderIdOf(String orderNo) {
        return jdbc.sql("select id from customer_order where order_no = ?")
                .param(orderNo)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("order", orderNo));
    }

    private record Locked(
            String orderNo,
            long customer,
            String status,
            BigDecimal total,
            BigDecimal paid,
            BigDecimal refunded,
            String currency,
            @Nullable Instant paidAt,
            @Nullable String distributorCode) {}

    /** Locks the order row: payments and refunds of one order are applied one after the other. */
    private Locked lock(long orderId) {
        return jdbc.sql("select order_no, customer_id, status, total_amount, paid_amount, refunded_amount, currency,"
                        + " paid_at, distributor_code from customer_order where id = ? for update")
                .param(orderId)
                .query((rs, n) -> new Locked(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .single();
    }
}

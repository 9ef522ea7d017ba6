package io.siyu.commerce;

import io.siyu.customer.CustomerRef;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An order record read from JSON (API or import), every problem named with its path. */
record OrderInput(
        String orderNo,
        CustomerRef customer,
        Instant placedAt,
        String currency,
        @Nullable String store,
        @Nullable String channel,
        @Nullable String distributorCode,
        BigDecimal totalAmount,
        List<Order.Line> lines,
        List<Order.Payment> payments) {

    static final int MAX_LINES = 200;
    static final Set<String> CURRENCIES = Set.of("CNY", "HKD", "USD");
    /** Orders may be imported from up to ten years back. */
    static final Duration MAX_AGE = Duration.ofDays(3660);

    static @Nullable OrderInput read(
            JsonNode record, String at, Map<String, Product> products, Clock clock, List<FieldProblem> problems) {
        if (!record.isObject()) {
            problems.add(new FieldProblem(at, "event.record.not-object"));
            return null;
        }
        int before = problems.size();
        var orderNo = record.path("orderNo").asString("").strip();
        if (!Products.SKU.matcher(orderNo).matches()) {
            problems.add(new FieldProblem(at + ".orderNo", "commerce.order-no.invalid"));
        }
        var customer = CustomerRef.read(record.get("customer"), at + ".customer", problems);
        var placedAt = time(record.get("placedAt"), at + ".placedAt", clock, problems);
        var currency = record.path("currency").asString("CNY");
        if (!CURRENCIES.contains(currency)) {
            problems.add(
                    new FieldProblem(at + ".currency", "commerce.currency.invalid", String.join(", ", CURRENCIES)));
        }
        var lines = lines(record.get("lines"), at + ".lines", products, problems);
        BigDecimal total = lines.stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(Products.zero(), BigDecimal::add);
        if (record.has("totalAmount") && !record.get("totalAmount").isNull()) {
            var given = Money.read(record.get("totalAmount"), at + ".totalAmount", false, problems);
            if (given != null) {
                total = given;
            }
        }
        var payments = new ArrayList<Order.Payment>();
        var paymentsNode = record.get("payments");
        if (paymentsNode != null && !paymentsNode.isNull()) {
            if (!paymentsNode.isArray()) {
                problems.add(new FieldProblem(at + ".payments", "problem.field.type"));
            } else {
                for (int i = 0; i < paymentsNode.size(); i++) {
                    var payment = payment(paymentsNode.get(i), at + ".payments[" + i + "].", clock, problems);
                    if (payment != null) {
                        payments.add(payment);
                    }
                }
            }
        }
        var store = text(record, "store", at + ".", problems);
        var channel = text(record, "channel", at + ".", problems);
        // the 分销 share code the order came through: growth decides what it is worth, it never refuses the order
        var distributorCode = text(record, "distributorCode", at + ".", problems);
        if (problems.size() > before || customer == null || placedAt == null) {
            return null;
        }
        return new OrderInput(
                orderNo, customer, placedAt, currency, store, channel, distributorCode, total, lines, payments);
    }

    static Order.@Nullable Payment payment(JsonNode node, String at, Clock clock, List<FieldProblem> problems) {
        int before = problems.size();
        var paymentNo = node.path("paymentNo").asString("").strip();
        if (!Products.SKU.matcher(paymentNo).matches()) {
            problems.add(new FieldProblem(at + "paymentNo", "commerce.payment-no.invalid"));
        }
        var amount = Money.read(node.get("amount"), at + "amount", true, problems);
        var paidAt = time(node.get("paidAt"), at + "paidAt", clock, problems);
        var method = text(node, "method", at, problems);
        if (problems.size() > before || amount == null || paidAt == null) {
            return null;
        }
        return new Order.Payment(paymentNo, amount, method, paidAt);
    }

    static Order.@Nullable Refund refund(JsonNode node, String at, Clock clock, List<FieldProblem> problems) {
        int before = problems.size();
        var refundNo = node.path("refundNo").asString("").strip();
        if (!Products.SKU.matcher(refundNo).matches()) {
            problems.add(new FieldProblem(at + "refundNo", "commerce.refund-no.invalid"));
        }
        var amount = Money.read(node.get("amount"), at + "amount", true, problems);
        var refundedAt = time(node.get("refundedAt"), at + "refundedAt", clock, problems);
        var reason = text(node, "reason", at, problems);
        if (problems.size() > before || amount == null || refundedAt == null) {
            return null;
        }
        return new Order.Refund(refundNo, amount, reason, refundedAt);
    }

    private static List<Order.Line> lines(
            @Nullable JsonNode node, String at, Map<String, Product> products, List<FieldProblem> problems) {
        var lines = new ArrayList<Order.Line>();
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_LINES) {
            problems.add(new FieldProblem(at, "commerce.lines.count", MAX_LINES));
            return lines;
        }
        var skus = new HashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            var line = node.get(i);
            var path = at + "[" + i + "]";
            var sku = line.path("sku").asString("").strip();
            var product = products.get(sku);
            if (!Products.SKU.matcher(sku).matches()) {
                problems.add(new FieldProblem(path + ".sku", "commerce.sku.invalid"));
                continue;
            }
            if (!skus.add(sku)) {
                problems.add(new FieldProblem(path + ".sku", "commerce.sku.repeated", sku));
            }
            var quantity = line.path("quantity");
            if (!quantity.isIntegralNumber() || quantity.asInt() < 1 || quantity.asInt() > 100_000) {
                problems.add(new FieldProblem(path + ".quantity", "commerce.quantity.invalid"));
                continue;
            }
            String name =
                    line.path("name").isString() ? line.path("name").asString().strip() : null;
            BigDecimal price = null;
            if (line.has("unitPrice")) {
                price = Money.read(line.get("unitPrice"), path + ".unitPrice", false, problems);
            } else if (product != null) {
                price = product.price();
            }
            if (product == null && (name == null || name.isEmpty() || !line.has("unitPrice"))) {
                problems.add(new FieldProblem(path + ".sku", "commerce.sku.unknown", sku));
                continue;
            }
            if (price == null) {
                continue;
            }
            lines.add(new Order.Line(
                    i + 1, sku, name == null || name.isEmpty() ? product.name() : name, quantity.asInt(), price));
        }
        return lines;
    }

    private static @Nullable Instant time(
            @Nullable JsonNode node, String at, Clock clock, List<FieldProblem> problems) {
        if (node == null || !node.isString()) {
            problems.add(new FieldProblem(at, "event.time.missing"));
            return null;
        }
        try {
            var instant = Instant.parse(node.asString());
            var now = clock.instant();
            if (instant.isAfter(now.plus(Duration.ofMinutes(5))) || instant.isBefore(now.minus(MAX_AGE))) {
                problems.add(
                        new FieldProblem(at, "event.time.window", now.minus(MAX_AGE), now.plus(Duration.ofMinutes(5))));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(at, "event.time.format"));
            return null;
        }
    }

    private static @Nullable String text(JsonNode record, String field, String at, List<FieldProblem> problems) {
        var node = record.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            return null;
        }
        var value = node.asString().strip();
        if (value.length() > 64) {
            problems.add(new FieldProblem(at + field, "problem.field.size", 1, 64));
        }
        return value;
    }
}

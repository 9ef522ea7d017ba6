package io.siyu.commerce.web;

import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.commerce.Order;
import io.siyu.commerce.Orders;
import io.siyu.customer.CustomerScope;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Commerce")
class OrderController {

    private static final Set<String> STATUSES = Set.of("pending", "paid", "partially_refunded", "refunded");

    record RecordResult(
            int index,
            @Nullable String orderNo,
            String status,
            @Nullable Long customerId,
            @Nullable List<Map<String, String>> errors) {}

    record BatchResponse(int written, int rejected, List<RecordResult> results) {}

    private final Orders orders;
    private final CustomerScope scope;
    private final Problems problems;
    private final Clock clock;

    OrderController(Orders orders, CustomerScope scope, Problems problems, Clock clock) {
        this.orders = orders;
        this.scope = scope;
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping("/api/v1/orders")
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_WRITE + "')")
    @Operation(
            summary = "Ingest up to 500 orders: {orderNo, customer (identities as for events, or customerId), placedAt,"
                    + " currency, store, channel, totalAmount (default: sum of lines), lines [{sku, name, quantity,"
                    + " unitPrice}], payments [{paymentNo, amount, paidAt, method}], distributorCode (the 分销 share"
                    + " code it came through)}. A known orderNo is a duplicate"
                    + " unless it brings new payments; an order whose payments cover it becomes paid.")
    BatchResponse ingest(@RequestBody JsonNode body) {
        var records = Batches.records(body, "orders", Orders.MAX_BATCH);
        var locale = LocaleContextHolder.getLocale();
        var results = new ArrayList<RecordResult>();
        for (var outcome : orders.ingest(records, "orders[%d]", Actor.currentName(), false)) {
            results.add(new RecordResult(
                    outcome.index(),
                    outcome.orderNo(),
                    outcome.status(),
                    outcome.customerId(),
                    outcome.problems().isEmpty() ? null : problems.describe(outcome.problems(), locale)));
        }
        int rejected = (int) results.stream().filter(r -> r.errors() != null).count();
        return new BatchResponse(results.size() - rejected, rejected, results);
    }

    @GetMapping("/api/v1/orders")
    @PreAuthorize(
            "hasAuthority('" + Permission.COMMERCE_READ + "') and hasAuthority('" + Permission.CUSTOMERS_ALL + "')")
    @Operation(summary = "All orders, newest first, optionally by status (pending, paid, partially_refunded, refunded)")
    CursorPage<Order> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        checkStatus(status);
        return orders.list(null, status, PageRequest.of(limit, null).limit(), cursor);
    }

    @GetMapping("/api/v1/orders/{orderNo}")
    @PreAuthorize(
            "hasAuthority('" + Permission.COMMERCE_READ + "') and hasAuthority('" + Permission.CUSTOMERS_ALL + "')")
    @Operation(summary = "One order with its lines, payments and refunds")
    Order get(@PathVariable String orderNo) {
        return orders.get(orderNo);
    }

    @GetMapping("/api/v1/customers/{id}/orders")
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_READ + "')")
    @Operation(summary = "A customer's orders (with those of profiles merged into it), newest first")
    CursorPage<Order> ofCustomer(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return orders.list(
                scope.visibleGroup(id), null, PageRequest.of(limit, null).limit(), cursor);
    }

    @PostMapping("/api/v1/orders/{orderNo}/payments")
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_WRITE + "')")
    @Operation(summary = "Add a payment {paymentNo, amount, paidAt, method}; a known paymentNo changes nothing")
    Order pay(@PathVariable String orderNo, @RequestBody JsonNode body) {
        var bad = new ArrayList<FieldProblem>();
        var payment = io.siyu.commerce.OrderRecords.payment(body, clock, bad);
        if (payment == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", bad);
        }
        return orders.addPayment(orderNo, payment);
    }

    @PostMapping("/api/v1/orders/{orderNo}/refunds")
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_WRITE + "')")
    @Operation(
            summary = "Refund part or all of a paid order {refundNo, amount, refundedAt, reason}; a known refundNo"
                    + " changes nothing; more than is left to refund is refused")
    Order refund(@PathVariable String orderNo, @RequestBody JsonNode body) {
        var bad = new ArrayList<FieldProblem>();
        var refund = io.siyu.commerce.OrderRecords.refund(body, clock, bad);
        if (refund == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", bad);
        }
        return orders.refund(orderNo, refund);
    }

    private static void checkStatus(@Nullable String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("status", "commerce.status.invalid")));
        }
    }
}

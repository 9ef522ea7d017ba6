package io.siyu.commerce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paid order's net amount changed: a refund ({@code kind} "refund", a negative {@code amount}) or a payment after
 * it was paid ("payment"). {@code paidAt} is when the order was paid.
 * Published inside the transaction that records it.
 */
public record OrderAdjusted(
        long tenantId, String kind, long customerId, long orderId, Instant paidAt, BigDecimal amount) {}

package io.siyu.commerce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order became paid: published inside the transaction that records the payment, so that a listener's upkeep
 * commits or rolls back with it. {@code customerId} is the profile the order belongs to; {@code amount} what was
 * paid for it by then.
 */
public record OrderPaid(long tenantId, long customerId, long orderId, Instant paidAt, BigDecimal amount) {}

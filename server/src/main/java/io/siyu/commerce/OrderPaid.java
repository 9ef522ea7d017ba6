package io.siyu.commerce;

/**
 * An order became paid: published inside the transaction that records the payment, so that a listener's upkeep
 * commits or rolls back with it. {@code customerId} is the profile the order belongs to.
 */
public record OrderPaid(long tenantId, long customerId, long orderId) {}

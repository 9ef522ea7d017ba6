package io.siyu.commerce;

/** Orders were bulk-loaded for a tenant without one {@link OrderPaid} each: summaries of orders are to be rebuilt. */
public record OrdersLoaded(long tenantId) {}

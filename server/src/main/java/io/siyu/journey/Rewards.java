package io.siyu.journey;

import java.util.Map;

/**
 * Grants points or coupons for a journey's reward step; the loyalty module implements it. Until one does,
 * journeys with reward steps are refused at publish.
 */
public interface Rewards {

    /**
     * Grants, in the caller's transaction, each customer its reward once per key: a step redone after a crash
     * passes the same keys again and must not grant twice.
     *
     * @param kind {@code points} or {@code coupon}
     * @param keys idempotency key by customer
     */
    void grant(String kind, long amount, String couponId, Map<Long, String> keys);

    /** Whether a coupon with this id can be granted (checked at publish). */
    boolean couponExists(String couponId);
}

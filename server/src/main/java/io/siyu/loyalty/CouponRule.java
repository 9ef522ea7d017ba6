package io.siyu.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A coupon template issued to a member for an event of one type from the event catalog, at most
 * {@code perCustomer} times per member and {@code totalLimit} times in all by this rule.
 *
 * @param filter only events whose property passes it issue (null: every event of the type)
 * @param totalLimit null: no limit
 * @param issued how many coupons the rule has issued
 */
public record CouponRule(
        long id,
        String name,
        String templateCode,
        String eventType,
        EarningRule.@Nullable Filter filter,
        int perCustomer,
        @Nullable Integer totalLimit,
        boolean active,
        long issued,
        Instant updatedAt) {

    /** A rule as a client sends it; every field is checked, all problems answered at once. */
    public record Input(
            @Nullable String name,
            @Nullable String templateCode,
            @Nullable String eventType,
            EarningRule.@Nullable FilterInput filter,
            @Nullable Integer perCustomer,
            @Nullable Integer totalLimit,
            @Nullable Boolean active) {}
}

package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A coupon issued to a member. */
public record Coupon(
        long id,
        String code,
        long templateId,
        String templateCode,
        String name,
        String kind,
        BigDecimal value,
        @Nullable BigDecimal maxOff,
        BigDecimal threshold,
        String status,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant redeemedAt,
        @Nullable String orderNo,
        @Nullable BigDecimal discount) {

    /** A shop redeems a coupon against an order; the redemption id makes a retry answer the same. */
    public record Redeem(
            @Nullable String code,
            @Nullable Long customerId,
            @Nullable BigDecimal orderAmount,
            @Nullable List<String> skus,
            @Nullable String orderNo,
            @Nullable String redemptionId) {}

    public record Redemption(long couponId, String code, BigDecimal discount, String status) {}
}

package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a coupon takes off, on which orders, for how long, and how many may be issued. */
public record CouponTemplate(
        long id,
        String code,
        String name,
        String kind,
        BigDecimal value,
        @Nullable BigDecimal maxOff,
        BigDecimal threshold,
        List<String> skus,
        @Nullable Integer validDays,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        int perCustomer,
        @Nullable Integer stock,
        boolean active,
        int issued,
        long redeemed) {

    public record Input(
            @Nullable String code,
            @Nullable String name,
            @Nullable String kind,
            @Nullable BigDecimal value,
            @Nullable BigDecimal maxOff,
            @Nullable BigDecimal threshold,
            @Nullable List<String> skus,
            @Nullable Integer validDays,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil,
            @Nullable Integer perCustomer,
            @Nullable Integer stock,
            @Nullable Boolean active) {}

    /** Whom to issue to: customers by id or a saved segment's members; the key makes a retry issue nothing. */
    public record Issue(
            @Nullable List<Long> customerIds,
            @Nullable Long segmentId,
            @Nullable String key) {}

    public record Issued(int issued, Skipped skipped) {}

    public record Skipped(int limit, int stock) {}
}

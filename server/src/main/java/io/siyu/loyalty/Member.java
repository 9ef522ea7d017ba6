package io.siyu.loyalty;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member as the console and API clients see them. */
public record Member(
        long customerId,
        @Nullable String name,
        String memberNo,
        int tier,
        String tierName,
        long growth,
        long points,
        @Nullable Expiring expiring,
        Instant joinedAt,
        String source,
        @Nullable NextTier nextTier,
        List<TierChange> tiers,
        Benefits benefits,
        String referralCode,
        @Nullable Long referredBy,
        long referrals,
        @Nullable Card card) {

    /** One line of the member list. */
    public record Line(
            long customerId,
            @Nullable String name,
            String memberNo,
            int tier,
            String tierName,
            long growth,
            long points,
            Instant joinedAt) {}

    /** The soonest points to expire within 30 days. */
    public record Expiring(long points, Instant at) {}

    public record NextTier(int level, String name, long minGrowth, long growthNeeded) {}

    public record TierChange(Instant at, @Nullable Integer from, int to, String reason) {}

    /**
     * The member's paid membership card (付费会员卡): while {@code valid}, the plan in force and when the card ends
     * (renewals counted); once ended (expired or refunded), the last plan and when it ended.
     */
    public record Card(
            long planId,
            String planName,
            boolean valid,
            Instant validUntil,
            @Nullable Integer floorTier,
            @Nullable String benefits) {}

    public record Benefits(java.math.BigDecimal discountPercent, boolean freeShipping, long birthdayPoints) {}
}

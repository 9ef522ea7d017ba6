package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A tenant's loyalty program: how members join, earn and keep points, and its tiers. */
public record Program(
        String name,
        String joinRule,
        BigDecimal pointsPerYuan,
        BigDecimal growthPerYuan,
        String pointsExpiry,
        @Nullable Integer pointsExpiryDays,
        @Nullable Long dailyCap,
        @Nullable Long referralPoints,
        List<Tier> tiers,
        @Nullable Instant updatedAt) {

    public record Tier(
            int level,
            String name,
            long minGrowth,
            BigDecimal multiplier,
            BigDecimal discountPercent,
            boolean freeShipping,
            long birthdayPoints) {}

    /** The tier a member with this much growth is in. */
    Tier tierFor(long growth) {
        var tier = tiers.getFirst();
        for (var t : tiers) {
            if (growth >= t.minGrowth()) {
                tier = t;
            }
        }
        return tier;
    }

    Tier tier(int level) {
        return tiers.stream().filter(t -> t.level() == level).findFirst().orElse(tiers.getFirst());
    }
}

package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's loyalty program: how members join, earn and keep points, and its tiers.
 *
 * @param anniversaryPoints points a member receives on the anniversary of joining (0 or null: none)
 * @param anniversaryCoupon the code of a coupon template a member receives then (null: none)
 */
public record Program(
        String name,
        String joinRule,
        BigDecimal pointsPerYuan,
        BigDecimal growthPerYuan,
        String pointsExpiry,
        @Nullable Integer pointsExpiryDays,
        @Nullable Long dailyCap,
        @Nullable Long referralPoints,
        @Nullable String growthWindow,
        @Nullable Long anniversaryPoints,
        @Nullable String anniversaryCoupon,
        List<Tier> tiers,
        @Nullable Instant updatedAt) {

    public record Tier(
            int level,
            String name,
            long minGrowth,
            BigDecimal multiplier,
            BigDecimal discountPercent,
            boolean freeShipping,
            long birthdayPoints,
            @Nullable Long keepGrowth,
            @Nullable List<TierCoupon> coupons) {

        /** The tier's exclusive coupons (none when not given). */
        public List<TierCoupon> coupons() {
            return coupons == null ? List.of() : coupons;
        }

        /** The growth within the window a member needs to stay in this tier at the daily review. */
        long keep() {
            return keepGrowth == null ? minGrowth : keepGrowth;
        }
    }

    /**
     * An exclusive tier coupon: the template (by code) a member receives on reaching the tier, and, when
     * {@code monthly}, again each month (the tenant's zone) while in it — once per member, tier and period.
     */
    public record TierCoupon(String templateCode, boolean monthly) {}

    /** Growth counts over a member's whole life. */
    static final String LIFETIME = "lifetime";

    /** The months growth counts over; null: a lifetime, and tiers follow growth at once, up and down. */
    @Nullable
    Integer windowMonths() {
        return growthWindow == null || growthWindow.equals(LIFETIME) ? null : Integer.valueOf(growthWindow);
    }

    /**
     * The tier the daily review leaves a member in: theirs while their window growth meets its keep threshold,
     * else the highest lower tier whose keep threshold it meets (the first tier at worst).
     */
    int reviewedTier(int level, long windowGrowth) {
        if (tier(level).keep() <= windowGrowth) {
            return level;
        }
        var to = tiers.getFirst().level();
        for (var t : tiers) {
            if (t.level() < level && t.keep() <= windowGrowth) {
                to = t.level();
            }
        }
        return to;
    }

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

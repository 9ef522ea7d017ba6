package io.siyu.loyalty;

import io.siyu.journey.Rewards;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants rewards for journeys' reward steps and growth campaigns' stages: points (the customer becomes a member
 * if they were not) or a coupon by its template code, once per key.
 */
@Component
public class LoyaltyRewards implements Rewards {

    private final Members members;
    private final Points points;
    private final Coupons coupons;

    LoyaltyRewards(Members members, Points points, Coupons coupons) {
        this.members = members;
        this.points = points;
        this.coupons = coupons;
    }

    @Override
    @Transactional
    public void grant(String kind, long amount, String couponId, Map<Long, String> keys) {
        grant(kind, amount, couponId, keys, "journey");
    }

    /**
     * As {@link #grant(String, long, String, Map)}, naming where the reward comes from (journey, campaign); answers
     * how many customers got a coupon now (fewer when its stock or per-customer limit stopped some), or got
     * their points.
     */
    @Transactional
    public int grant(String kind, long amount, String couponId, Map<Long, String> keys, String source) {
        if (keys.isEmpty()) {
            return 0;
        }
        switch (kind) {
            case "points" -> {
                if (amount < 1) {
                    return 0;
                }
                members.ensure(keys.keySet(), source);
                var expiresAt = points.expiryNow();
                keys.forEach((customer, key) -> points.grant(
                        customer, amount, source + ":" + key, "earn", Points.Context.of(source, key), expiresAt));
                return keys.size();
            }
            case "coupon" -> {
                var prefixed = new java.util.HashMap<Long, String>();
                keys.forEach((customer, key) -> prefixed.put(customer, source + ":" + key));
                return coupons.grant(couponId, prefixed, source).issued();
            }
            default -> throw new IllegalArgumentException("no such reward: " + kind + " " + List.of(amount, couponId));
        }
    }

    @Override
    public boolean couponExists(String couponId) {
        return coupons.exists(couponId);
    }
}

package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A paid membership card plan (付费会员卡) a shop sells: its price, how long a card bought now is valid (days, or
 * calendar months in the tenant's zone), the tier a holder is at least in while it is valid (null: none), and the
 * benefits it promises, as text members read.
 *
 * @param sold cards of this plan bought and not refunded
 */
public record CardPlan(
        long id,
        String name,
        BigDecimal price,
        int validity,
        String validityUnit,
        @Nullable Integer floorTier,
        @Nullable String benefits,
        boolean active,
        long sold,
        Instant updatedAt) {

    /** A plan as the console and API clients write it; {@code active} defaults to true. */
    public record Input(
            @Nullable String name,
            @Nullable BigDecimal price,
            @Nullable Integer validity,
            @Nullable String validityUnit,
            @Nullable Integer floorTier,
            @Nullable String benefits,
            @Nullable Boolean active) {}

    /** When a card of this plan bought to start at {@code from} ends. */
    Instant endOf(Instant from, java.time.ZoneId zone) {
        return validityUnit.equals("months")
                ? from.atZone(zone).plusMonths(validity).toInstant()
                : from.atZone(zone).plusDays(validity).toInstant();
    }
}

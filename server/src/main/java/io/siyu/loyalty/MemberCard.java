package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One purchase of a paid membership card: the period it adds to the member's card. A renewal starts where the
 * period before it ends. {@code status}: active (in force or still to come), expired, or refunded (the period
 * ended at the refund; later periods moved up to close the gap).
 */
public record MemberCard(
        long id,
        long customerId,
        long planId,
        String planName,
        String purchaseKey,
        BigDecimal amount,
        boolean renewal,
        Instant validFrom,
        Instant validUntil,
        String status,
        Instant boughtAt,
        @Nullable Instant endedAt) {

    /** A shop's report of a paid card purchase; {@code amount} defaults to the plan's price. */
    public record Purchase(
            @Nullable Long customerId,
            @Nullable Long planId,
            @Nullable String purchaseKey,
            @Nullable BigDecimal amount) {}

    /** A refund of a card purchase, by the shop's purchase key. */
    public record Refund(@Nullable String purchaseKey) {}

    /** The purchase, and whether this report made it (false: the key was seen before). */
    public record Purchased(MemberCard card, boolean first) {}
}

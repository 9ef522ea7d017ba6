package io.siyu.growth;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 拼团 offer: teams of customers buy one product; the more join a team, the lower its price (阶梯拼团 when
 * there are several tiers).
 *
 * @param tiers sizes rising, prices falling; a team succeeds once it reaches the first size
 * @param maxSize a team is full at the last tier's size and succeeds at once
 * @param teamHours how long a team has to reach the first size from when it opens
 * @param held places taken in open teams
 * @param sold places in teams that succeeded
 */
public record GroupBuy(
        long id,
        String name,
        String sku,
        String productName,
        BigDecimal listPrice,
        List<Tier> tiers,
        int maxSize,
        int teamHours,
        int stock,
        int held,
        int sold,
        Instant startsAt,
        Instant endsAt,
        String status,
        Counts teams) {

    /** From {@code size} members on, each pays {@code price}. */
    public record Tier(int size, BigDecimal price) {}

    public record Counts(long open, long succeeded, long failed, BigDecimal refunded) {}

    /** What an operator sends to make an offer. */
    public record Input(
            @Nullable String name,
            @Nullable String sku,
            @Nullable String productName,
            @Nullable BigDecimal listPrice,
            @Nullable List<Tier> tiers,
            @Nullable Integer teamHours,
            @Nullable Integer stock,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt) {}

    /** A shop tells Siyu that a customer paid to open or join a team. */
    public record Join(
            @Nullable Long customerId,
            @Nullable String joinKey,
            @Nullable String paymentRef,
            @Nullable BigDecimal paid) {}

    /**
     * @param price the price each member pays in the end; null while open or once failed
     */
    public record Team(
            long id,
            long groupBuyId,
            long leaderId,
            int size,
            String status,
            Instant openedAt,
            Instant expiresAt,
            @Nullable Instant closedAt,
            @Nullable BigDecimal price,
            List<Member> members) {}

    /**
     * @param refund what is owed back (failed: everything; succeeded below the first price: the difference)
     * @param refundStatus due or done; null when nothing is owed
     * @param customerName the customer's name as the profile shows it now
     */
    public record Member(
            long id,
            long customerId,
            String joinKey,
            String paymentRef,
            BigDecimal paid,
            Instant joinedAt,
            @Nullable BigDecimal refund,
            @Nullable String refundStatus,
            @Nullable String customerName) {}
}

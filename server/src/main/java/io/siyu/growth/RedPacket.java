package io.siyu.growth;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A red packet a stage granted (红包裂变): reserved from the campaign's budget when granted, then paid to the
 * participant's WeChat balance. Amounts in fen.
 *
 * @param status reserved (granted, not yet paid) or paid
 * @param lastError why the last payment attempt failed, while it is tried again
 */
public record RedPacket(
        long id,
        long campaignId,
        long participantId,
        int stage,
        long customerId,
        @Nullable String customerName,
        long amount,
        String status,
        int attempts,
        Instant grantedAt,
        @Nullable Instant paidAt,
        @Nullable String lastError) {

    RedPacket named(@Nullable String name) {
        return new RedPacket(
                id,
                campaignId,
                participantId,
                stage,
                customerId,
                name,
                amount,
                status,
                attempts,
                grantedAt,
                paidAt,
                lastError);
    }

    /** A ledger entry: a top-up (positive) or a red packet's reservation (negative). */
    public record Entry(
            long id,
            String kind,
            long amount,
            @Nullable Long participantId,
            @Nullable Integer stage,
            @Nullable String note,
            @Nullable String createdBy,
            Instant at) {}

    /**
     * A campaign's budget, its latest ledger entries (newest first), and how many red packets the budget could not
     * cover.
     */
    public record Ledger(Campaign.Budget budget, List<Entry> entries, long outOfBudget) {}

    /** An operator's top-up of the budget, in fen. */
    public record TopUp(@Nullable Long amount, @Nullable String note) {}
}

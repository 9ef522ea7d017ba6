package io.siyu.growth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 任务宝 campaign: friends add a staff member (kind {@code task}) or join a customer group (kind {@code group},
 * 社群裂变) through a participant's own code.
 *
 * @param channelCodeId task: the parent live code: its staff receive the friends, each participant shares a code
 *     made from it
 * @param groupCodeId group: the parent group live code: each participant shares a personal copy of it
 * @param status draft, active or ended
 * @param holdHours an invite counts once the friend has stayed this long
 * @param newOnly only friends without a WeCom contact before count
 * @param burstPerMinute more invites for one participant within a minute go to review (0: no limit)
 * @param counts participants, and invites by status (held, review, counted, rejected)
 * @param budget the red-packet budget (fen), when the campaign has one
 */
public record Campaign(
        long id,
        String kind,
        String name,
        @Nullable String description,
        long appId,
        @Nullable Long channelCodeId,
        @Nullable Long groupCodeId,
        String status,
        Instant startsAt,
        Instant endsAt,
        int holdHours,
        boolean newOnly,
        int burstPerMinute,
        List<Stage> stages,
        Map<String, Long> counts,
        @Nullable Budget budget,
        @Nullable String createdBy,
        Instant createdAt) {

    /**
     * A red-packet budget in fen: what was topped up, what granted packets reserved and are not yet paid, what was
     * paid, and what is left (topped up − reserved − paid, the sum of the ledger; never below zero).
     */
    public record Budget(long toppedUp, long reserved, long paid, long remaining) {}

    /**
     * A stage: reached at {@code invites} counted invites, it grants its reward once per participant.
     *
     * @param rewardKind points (amount), coupon (couponId), gift (gift, a physical item shipped to the
     *     participant; giftImage, a picture of it, optional) or red_packet (amount in fen, or a random amount in
     *     amount..amountMax fen, paid to the participant's WeChat balance from the campaign's budget)
     * @param stock how many can be granted (null: unlimited)
     */
    public record Stage(
            int stage,
            int invites,
            String rewardKind,
            long amount,
            @Nullable Long amountMax,
            @Nullable String couponId,
            @Nullable String gift,
            @Nullable String giftImage,
            @Nullable Integer stock,
            int granted) {}

    /**
     * What a client writes to make a campaign.
     *
     * @param kind task (the default: friends add through channelCodeId) or group (friends join through groupCodeId)
     * @param budget the red-packet budget in fen, the first top-up of its ledger; required with a red_packet stage
     */
    public record Input(
            @Nullable String kind,
            @Nullable String name,
            @Nullable String description,
            @Nullable Long appId,
            @Nullable Long channelCodeId,
            @Nullable Long groupCodeId,
            @Nullable Long budget,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Integer holdHours,
            @Nullable Boolean newOnly,
            @Nullable Integer burstPerMinute,
            @Nullable List<StageInput> stages) {}

    public record StageInput(
            @Nullable Integer invites,
            @Nullable String rewardKind,
            @Nullable Long amount,
            @Nullable Long amountMax,
            @Nullable String couponId,
            @Nullable String gift,
            @Nullable String giftImage,
            @Nullable Integer stock) {}

    /**
     * A participant: their own live code to share, whom they came through, how many of their invites counted.
     *
     * @param customerName as the profile shows it (null: no longer there)
     * @param codeId their own live code: a channel code (task) or a group live code (group)
     * @param qrUrl the WeCom QR code of their own live code
     */
    public record Participant(
            long id,
            long campaignId,
            long customerId,
            @Nullable String customerName,
            long codeId,
            @Nullable String configId,
            @Nullable String qrUrl,
            @Nullable Long invitedBy,
            int counted,
            Instant joinedAt,
            List<Reward> rewards) {}

    /**
     * A stage's reward for a participant: granted, out_of_stock, cancelled (a gift not shipped after all), or
     * out_of_budget (a red packet the budget could not cover).
     */
    public record Reward(int stage, String status, Instant at) {}

    /** A friend who added through a participant's code, and what became of it. */
    public record Invite(
            long inviteeId,
            String status,
            @Nullable String reason,
            Instant at,
            Instant settlesAt,
            @Nullable Instant settledAt) {}
}

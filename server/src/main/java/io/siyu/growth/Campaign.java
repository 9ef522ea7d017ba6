package io.siyu.growth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 任务宝 campaign.
 *
 * @param channelCodeId the parent live code: its staff receive the friends, each participant shares a code made
 *     from it
 * @param status draft, active or ended
 * @param holdHours an invite counts once the friend has stayed this long
 * @param newOnly only friends without a WeCom contact before count
 * @param burstPerMinute more invites for one participant within a minute go to review (0: no limit)
 * @param counts participants, and invites by status (held, review, counted, rejected)
 */
public record Campaign(
        long id,
        String kind,
        String name,
        @Nullable String description,
        long appId,
        long channelCodeId,
        String status,
        Instant startsAt,
        Instant endsAt,
        int holdHours,
        boolean newOnly,
        int burstPerMinute,
        List<Stage> stages,
        Map<String, Long> counts,
        @Nullable String createdBy,
        Instant createdAt) {

    /**
     * A stage: reached at {@code invites} counted invites, it grants its reward once per participant.
     *
     * @param rewardKind points (amount), coupon (couponId) or gift (gift, a physical item shipped to the
     *     participant; giftImage, a picture of it, optional)
     * @param stock how many can be granted (null: unlimited)
     */
    public record Stage(
            int stage,
            int invites,
            String rewardKind,
            long amount,
            @Nullable String couponId,
            @Nullable String gift,
            @Nullable String giftImage,
            @Nullable Integer stock,
            int granted) {}

    /** What a client writes to make a campaign. */
    public record Input(
            @Nullable String name,
            @Nullable String description,
            @Nullable Long appId,
            @Nullable Long channelCodeId,
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
            @Nullable String couponId,
            @Nullable String gift,
            @Nullable String giftImage,
            @Nullable Integer stock) {}

    /**
     * A participant: their own live code to share, whom they came through, how many of their invites counted.
     *
     * @param customerName as the profile shows it (null: no longer there)
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

    /** A stage's reward for a participant: granted, out_of_stock, or cancelled (a gift not shipped after all). */
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

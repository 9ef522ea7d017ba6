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
        Instant createdAt,
        @Nullable Messages messages) {

    /**
     * Progress messages (进度消息): what participants are told through the staff member they belong to, and, for a
     * group campaign, what its groups are told through their owners (see {@link ProgressMessages}).
     *
     * @param enabled participants get messages when invites count and when they reach a stage
     * @param onHeld also as soon as an invite arrives (held), before it counts
     * @param progress the text when invites count (or arrive), with placeholders like {@code {remaining}}
     * @param stage the text when a stage is reached
     * @param language zh-CN or en: how rewards and the deadline are written in the texts
     * @param announce group campaigns: the task is announced in each group of the group live code, once
     * @param announcement the announcement's text
     * @param link a link the announcement carries (the poster or the campaign's page), optional
     * @param digest group campaigns: the day's top inviters are announced in each group, at most once a day
     * @param digestHour the hour of the day (tenant time) the digest goes out
     */
    public record Messages(
            boolean enabled,
            boolean onHeld,
            String progress,
            String stage,
            String language,
            boolean announce,
            String announcement,
            @Nullable String link,
            boolean digest,
            int digestHour) {}

    /** What a client writes for {@link Messages}; what is left out keeps its value (or takes the default). */
    public record MessagesInput(
            @Nullable Boolean enabled,
            @Nullable Boolean onHeld,
            @Nullable String progress,
            @Nullable String stage,
            @Nullable String language,
            @Nullable Boolean announce,
            @Nullable String announcement,
            @Nullable String link,
            @Nullable Boolean digest,
            @Nullable Integer digestHour) {}

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
     * @param messages progress messages (left out: none)
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
            @Nullable List<StageInput> stages,
            @Nullable MessagesInput messages) {}

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

    /**
     * A message the campaign sent: to a participant (progress, stage) or to a group (announce, digest).
     *
     * @param participantName the participant's name as their profile has it (null for a group's message)
     * @param chatName the group's name as last synced (null for a participant's message or an unnamed group)
     * @param status pending (waiting for more news), sent (handed to WeCom's 企业群发) or skipped (nothing new to say)
     * @param delivery what became of it once sent: scheduled, planned, submitted (waiting for the staff member to
     *     confirm), delivered, quota (WeCom's quota for the customer or group is used up), no_contact, not_friend,
     *     over_quota, failed, …
     */
    public record Message(
            long id,
            @Nullable Long participantId,
            @Nullable String participantName,
            @Nullable String chatId,
            @Nullable String chatName,
            String kind,
            @Nullable Integer stage,
            String status,
            @Nullable String delivery,
            @Nullable String text,
            Instant at,
            @Nullable Instant sentAt) {}
}

package io.siyu.growth;

import io.siyu.loyalty.LoyaltyRewards;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles invites whose window has passed, a batch a transaction: a friend still in contact (a group campaign: still
 * in a group of the participant's group code) counts (the participant's count goes up, and each stage reached
 * grants its reward), one who deleted every staff member (left the group) never does. A reward is a row keyed by (campaign, participant, stage), so it is granted once whoever settles;
 * a stage's stock is taken by a conditional update, so concurrent settlers never grant past it. The reward's
 * points, coupon, gift (awaiting its address) or red packet (reserved from the budget, paid after commit) are
 * written in the same transaction: a crash leaves all or none. A red packet the budget cannot cover is not granted
 * (out_of_budget) and gives its stock back. Each invite counted and each reward granted notes a progress message
 * for the participant ({@link ProgressMessages}), in the same transaction.
 */
@Component
class InviteSettlement {

    static final int BATCH = 500;

    private record Due(long campaign, long invitee, long participant) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LoyaltyRewards rewards;
    private final GiftRewards gifts;
    private final RedPackets redPackets;
    /** Lazily: the messages reach messaging and wecom, which record events that reach these invites. */
    private final ObjectProvider<ProgressMessages> messages;

    InviteSettlement(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            LoyaltyRewards rewards,
            GiftRewards gifts,
            RedPackets redPackets,
            ObjectProvider<ProgressMessages> messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.redPackets = redPackets;
        this.gifts = gifts;
        this.rewards = rewards;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Batches until none is left due; answers how many invites were settled. */
    int round() {
        int done = 0;
        int settled;
        do {
            settled = Objects.requireNonNull(transactions.execute(s -> batch()));
            done += settled;
        } while (settled == BATCH);
        return done;
    }

    private int batch() {
        var now = Timestamp.from(clock.instant());
        var due = jdbc.sql("""
                        select campaign_id, invitee_id, participant_id from campaign_invite
                        where status = 'held' and settles_at <= ? order by settles_at limit ? for update skip locked""")
                .params(now, BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
        for (var invite : due) {
            var kind = jdbc.sql("select code_kind from campaign_participant where id = ?")
                    .param(invite.participant())
                    .query(String.class)
                    .single();
            boolean stayed = kind.equals("group") ? inGroup(invite) : inContact(invite);
            jdbc.sql("""
                            update campaign_invite set status = ?, reason = ?, settled_at = ?
                            where campaign_id = ? and invitee_id = ?""")
                    .params(
                            stayed ? "counted" : "rejected",
                            stayed ? null : kind.equals("group") ? "left" : "deleted",
                            now,
                            invite.campaign(),
                            invite.invitee())
                    .update();
            if (stayed) {
                int counted = jdbc.sql(
                                "update campaign_participant set counted = counted + 1 where id = ? returning counted")
                        .param(invite.participant())
                        .query(Integer.class)
                        .single();
                messages.getObject().noted(invite.campaign(), invite.participant(), "progress", null, false);
                reached(invite.campaign(), invite.participant(), counted);
            }
        }
        return due.size();
    }

    private boolean inContact(Due invite) {
        return jdbc.sql("select exists (select 1 from wecom_contact where customer_id = ? and lost_at is null)")
                .param(invite.invitee())
                .query(Boolean.class)
                .single();
    }

    /** Whether the friend is still in one of the groups of the participant's own group code. */
    private boolean inGroup(Due invite) {
        return jdbc.sql("""
                        select exists (select 1 from campaign_participant p
                                       join wecom_group_code g on g.id = p.code_id
                                       join wecom_group_member m on m.app_id = g.app_id and m.chat_id = any(g.chat_ids)
                                       where p.id = ? and m.customer_id = ? and m.left_at is null)""")
                .params(invite.participant(), invite.invitee())
                .query(Boolean.class)
                .single();
    }

    private record Reward(
            int stage,
            String kind,
            long amount,
            @Nullable Long amountMax,
            @Nullable String couponId,
            @Nullable String gift) {}

    /** Grants each stage the participant has reached and not been granted, within its stock. */
    private void reached(long campaign, long participant, int counted) {
        var stages = jdbc.sql("""
                        select stage, reward_kind, amount, amount_max, coupon_id, gift from campaign_stage
                        where campaign_id = ? and invites <= ? order by stage""")
                .params(campaign, counted)
                .query((rs, n) -> new Reward(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, Long.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        for (var reward : stages) {
            int stage = reward.stage();
            int claimed = jdbc.sql("""
                            insert into campaign_reward (campaign_id, participant_id, stage, status)
                            values (?, ?, ?, 'granted') on conflict do nothing""").params(campaign, participant, stage).update();
            if (claimed == 0) {
                continue;
            }
            int taken = jdbc.sql("""
                            update campaign_stage set granted = granted + 1
                            where campaign_id = ? and stage = ? and (stock is null or granted < stock)""").params(campaign, stage).update();
            if (taken == 1) {
                taken = give(campaign, participant, reward);
                if (taken == 0 && reward.kind().equals("red_packet")) {
                    outOfBudget(campaign, participant, stage);
                    continue;
                }
                if (taken == 1) {
                    messages.getObject().noted(campaign, participant, "stage", stage, false);
                }
            }
            if (taken == 0) {
                jdbc.sql("""
                                update campaign_reward set status = 'out_of_stock'
                                where campaign_id = ? and participant_id = ? and stage = ?""").params(campaign, participant, stage).update();
            }
        }
    }

    /**
     * The reward itself, in the granting transaction: points and coupons are the loyalty ledger's (a coupon whose
     * own stock ran out counts as out of stock), a gift waits for its address. Answers 1 when given.
     */
    private int give(long campaign, long participant, Reward reward) {
        long customer = jdbc.sql("select customer_id from campaign_participant where id = ?")
                .param(participant)
                .query(Long.class)
                .single();
        if (reward.kind().equals("red_packet")) {
            return redPackets.grant(
                    campaign, participant, reward.stage(), customer, reward.amount(), reward.amountMax());
        }
        if (reward.kind().equals("gift")) {
            gifts.grant(campaign, participant, reward.stage(), customer, Objects.requireNonNull(reward.gift()));
            return 1;
        }
        return rewards.grant(
                reward.kind(),
                reward.amount(),
                reward.couponId() == null ? "" : reward.couponId(),
                Map.of(customer, campaign + ":" + participant + ":" + reward.stage()),
                "campaign");
    }

    /** The budget could not cover the red packet: not granted, and the stage's stock is given back. */
    private void outOfBudget(long campaign, long participant, int stage) {
        jdbc.sql("""
                        update campaign_reward set status = 'out_of_budget'
                        where campaign_id = ? and participant_id = ? and stage = ?""").params(campaign, participant, stage).update();
        jdbc.sql("update campaign_stage set granted = granted - 1 where campaign_id = ? and stage = ?")
                .params(campaign, stage)
                .update();
    }
}

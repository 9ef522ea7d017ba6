package io.siyu.growth;

import io.siyu.loyalty.LoyaltyRewards;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles invites whose window has passed, a batch a transaction: a friend still in contact counts (the
 * participant's count goes up, and each stage reached grants its reward), one who deleted every staff member
 * never does. A reward is a row keyed by (campaign, participant, stage), so it is granted once whoever settles;
 * a stage's stock is taken by a conditional update, so concurrent settlers never grant past it. The reward's
 * points, coupon or gift (awaiting its address) are written in the same transaction: a crash leaves all or none.
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

    InviteSettlement(
            JdbcClient jdbc, TransactionTemplate transactions, Clock clock, LoyaltyRewards rewards, GiftRewards gifts) {
        this.jdbc = jdbc;
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
            boolean stayed = jdbc.sql(
                            "select exists (select 1 from wecom_contact where customer_id = ? and lost_at is null)")
                    .param(invite.invitee())
                    .query(Boolean.class)
                    .single();
            jdbc.sql("""
                            update campaign_invite set status = ?, reason = ?, settled_at = ?
                            where campaign_id = ? and invitee_id = ?""")
                    .params(
                            stayed ? "counted" : "rejected",
                            stayed ? null : "deleted",
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
                reached(invite.campaign(), invite.participant(), counted);
            }
        }
        return due.size();
    }

    private record Reward(
            int stage,
            String kind,
            long amount,
            @Nullable String couponId,
            @Nullable String gift) {}

    /** Grants each stage the participant has reached and not been granted, within its stock. */
    private void reached(long campaign, long participant, int counted) {
        var stages = jdbc.sql("""
                        select stage, reward_kind, amount, coupon_id, gift from campaign_stage
                        where campaign_id = ? and invites <= ? order by stage""")
                .params(campaign, counted)
                .query((rs, n) ->
                        new Reward(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
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
}

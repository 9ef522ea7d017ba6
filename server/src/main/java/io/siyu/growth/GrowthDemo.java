package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for 任务宝: one campaign that ran for the last weeks and ended hours ago, grown the way a campaign grows
 * — customers the operators invited from launch to the end, each sharing their code with friends, some of whom joined and
 * shared theirs — so the dashboard has KPIs, a funnel, a trend, rejections with reasons and top inviters. Written
 * in the demo's transaction, a pure function of the demo's seed and end. The demo has no WeCom app: the campaign
 * and its participants name live codes that do not exist (app 0, code 0, negative codes), so nobody can join it.
 * A smaller campaign ran before it ({@link ReferralDemo}), so referral chains cross campaigns; the KOC candidates
 * among the inviters are marked at the end.
 */
@Service
public class GrowthDemo {

    static final int MAX_PARTICIPANTS = 360;
    private static final int SEEDS = 70;
    private static final int HOLD_HOURS = 48;
    private static final String[] REJECTIONS = {"existing", "deleted", "self", "loop", "inactive", "reviewed"};
    // existing customers are the commonest refusal, then add-then-delete: what operators see in real campaigns
    private static final double[] REJECTION_SHARES = {0.45, 0.30, 0.08, 0.05, 0.07, 0.05};

    private record Join(Instant at, long customer, @Nullable Participant inviter) {}

    private static final class Participant {
        final long id;
        final Instant joinedAt;
        final List<Instant> counted = new ArrayList<>();

        Participant(long id, Instant joinedAt) {
            this.id = id;
            this.joinedAt = joinedAt;
        }
    }

    private record Invite(
            long invitee,
            Participant participant,
            Instant at,
            String status,
            @Nullable String reason,
            Instant settles) {}

    private final JdbcClient jdbc;
    private final KocCandidates koc;

    GrowthDemo(JdbcClient jdbc, KocCandidates koc) {
        this.jdbc = jdbc;
        this.koc = koc;
    }

    /**
     * The campaign, over customers 1 to {@code customers}; answers its number of participants.
     *
     * @param end the demo's now: the campaign ended six hours before it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int load(long customers, long seed, Instant end) {
        var random = new SplittableRandom(seed * 7_121L + 13);
        var endsAt = end.minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        var startsAt = endsAt.minus(Duration.ofDays(24));
        var referrals = new ReferralDemo(jdbc);
        long earlier = referrals.campaign(startsAt);
        long campaign = campaign(startsAt, endsAt, end);
        var pool = new CustomerPool(customers, random.split());
        var joins = new PriorityQueue<Join>(Comparator.comparing(Join::at));
        for (int i = 0; i < SEEDS && pool.hasNext(); i++) {
            // the operators' own push: a launch, then reminders until the end
            long minutes = (long) (Math.pow(random.nextDouble(), 1.6) * 23 * 24 * 60);
            joins.add(new Join(startsAt.plus(Duration.ofMinutes(minutes)), pool.next(), null));
        }
        var participants = new ArrayList<Participant>();
        var invites = new ArrayList<Invite>();
        while (!joins.isEmpty() && participants.size() < MAX_PARTICIPANTS) {
            var join = joins.poll();
            var participant = insert(campaign, join, -(participants.size() + 1L));
            participants.add(participant);
            for (int f = friends(random); f > 0 && pool.hasNext(); f--) {
                // friends add over the following days, most within a day or two
                var at = join.at().plusSeconds((long) (-Math.log(1 - random.nextDouble()) * 30 * 3600));
                if (!at.isBefore(endsAt)) {
                    continue;
                }
                var invite = invite(random, pool.next(), participant, at, end);
                invites.add(invite);
                // the fewer left to reach, the fewer friends join themselves: the campaign levels off
                double joinChance = 0.36 * (1 - participants.size() / (double) MAX_PARTICIPANTS);
                if (!invite.status().equals("rejected") && random.nextDouble() < joinChance) {
                    var joinsAt = at.plusSeconds(random.nextLong(8 * 3600));
                    if (joinsAt.isBefore(endsAt)) {
                        joins.add(new Join(joinsAt, invite.invitee(), participant));
                    }
                }
            }
        }
        write(campaign, invites);
        rewards(campaign, participants);
        new GiftDemo(jdbc).ship(campaign, end);
        referrals.fill(earlier, campaign, customers, random.split());
        koc.mark();
        return participants.size();
    }

    private long campaign(Instant startsAt, Instant endsAt, Instant end) {
        long id = jdbc.sql("""
                        insert into campaign (name, description, app_id, channel_code_id, status, starts_at, ends_at,
                                              hold_hours, new_only, burst_per_minute, created_by, created_at,
                                              updated_at)
                        values ('邀好友 领定制保温杯', '老客邀请新朋友添加专属顾问，邀满即得奖励；好友需保持好友 48 小时。',
                                0, 0, 'ended', ?, ?, ?, true, 10, 'staff05', ?, ?) returning id""")
                .params(
                        Timestamp.from(startsAt),
                        Timestamp.from(endsAt),
                        HOLD_HOURS,
                        Timestamp.from(startsAt.minus(Duration.ofDays(2))),
                        Timestamp.from(end.minus(Duration.ofHours(6))))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into campaign_stage (campaign_id, stage, invites, reward_kind, amount, gift, stock)
                        values (?, 1, 3, 'points', 300, null, null),
                               (?, 2, 8, 'gift', 0, '定制保温杯', 30),
                               (?, 3, 15, 'gift', 0, '蓝牙耳机', 5)""").params(id, id, id).update();
        return id;
    }

    private Participant insert(long campaign, Join join, long codeId) {
        long id = jdbc.sql("""
                        insert into campaign_participant (campaign_id, customer_id, code_id, invited_by, joined_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        campaign,
                        join.customer(),
                        codeId,
                        join.inviter() == null ? null : join.inviter().id,
                        Timestamp.from(join.at()))
                .query(Long.class)
                .single();
        return new Participant(id, join.at());
    }

    /** How many friends add through one participant's code: most none or a few, a handful of keen sharers many. */
    private static int friends(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.35) {
            return 0;
        }
        if (r < 0.70) {
            return 1 + random.nextInt(3);
        }
        if (r < 0.92) {
            return 3 + random.nextInt(6);
        }
        return 9 + random.nextInt(18);
    }

    private static Invite invite(
            SplittableRandom random, long invitee, Participant participant, Instant at, Instant now) {
        var settles = at.plus(Duration.ofHours(HOLD_HOURS));
        if (random.nextDouble() < 0.18) {
            return new Invite(invitee, participant, at, "rejected", rejection(random), settles);
        }
        if (settles.isAfter(now)) {
            // a few in a burst wait for a person; the rest are still in their window
            return random.nextDouble() < 0.2
                    ? new Invite(invitee, participant, at, "review", "burst", settles)
                    : new Invite(invitee, participant, at, "held", null, settles);
        }
        participant.counted.add(settles);
        return new Invite(invitee, participant, at, "counted", null, settles);
    }

    private static String rejection(SplittableRandom random) {
        double r = random.nextDouble();
        for (int i = 0; i < REJECTIONS.length; i++) {
            r -= REJECTION_SHARES[i];
            if (r < 0) {
                return REJECTIONS[i];
            }
        }
        return REJECTIONS[0];
    }

    /** All invites in one statement: a few thousand rows at most. */
    private void write(long campaign, List<Invite> invites) {
        jdbc.sql("""
                        insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, reason,
                                                     settles_at, settled_at)
                        select ?, invitee, participant, at, status, reason, settles,
                               case when status in ('counted', 'rejected')
                                    then case when reason = 'deleted' or status = 'counted' then settles else at end end
                        from unnest(?::bigint[], ?::bigint[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[]::timestamptz[])
                             as i (invitee, participant, at, status, reason, settles)""")
                .params(
                        campaign,
                        invites.stream().map(Invite::invitee).toArray(Long[]::new),
                        invites.stream().map(i -> i.participant().id).toArray(Long[]::new),
                        invites.stream().map(i -> i.at().toString()).toArray(String[]::new),
                        invites.stream().map(Invite::status).toArray(String[]::new),
                        invites.stream().map(Invite::reason).toArray(String[]::new),
                        invites.stream().map(i -> i.settles().toString()).toArray(String[]::new))
                .update();
    }

    /** Counts, and each stage's reward in the order participants reached it, within its stock. */
    private void rewards(long campaign, List<Participant> participants) {
        int[][] stages = {{1, 3, -1}, {2, 8, 30}, {3, 15, 5}};
        for (var p : participants) {
            if (!p.counted.isEmpty()) {
                jdbc.sql("update campaign_participant set counted = ? where id = ?")
                        .params(p.counted.size(), p.id)
                        .update();
            }
        }
        for (var stage : stages) {
            var reached = participants.stream()
                    .filter(p -> p.counted.size() >= stage[1])
                    .sorted(Comparator.comparing((Participant p) ->
                            p.counted.stream().sorted().toList().get(stage[1] - 1)))
                    .toList();
            int granted = 0;
            for (var p : reached) {
                var at = p.counted.stream().sorted().toList().get(stage[1] - 1);
                boolean inStock = stage[2] < 0 || granted < stage[2];
                granted += inStock ? 1 : 0;
                jdbc.sql("""
                                insert into campaign_reward (campaign_id, participant_id, stage, status, at)
                                values (?, ?, ?, ?, ?)""")
                        .params(campaign, p.id, stage[0], inStock ? "granted" : "out_of_stock", Timestamp.from(at))
                        .update();
            }
            jdbc.sql("update campaign_stage set granted = ? where campaign_id = ? and stage = ?")
                    .params(granted, campaign, stage[0])
                    .update();
        }
    }

    /** Customers drawn without repeats, in an order the seed decides. */
    private static final class CustomerPool {
        private final long[] ids;
        private int next;

        CustomerPool(long customers, SplittableRandom random) {
            ids = new long[(int) Math.min(customers, 50_000)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i + 1;
            }
            for (int i = ids.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
        }

        boolean hasNext() {
            return next < ids.length;
        }

        long next() {
            return ids[next++];
        }
    }
}

package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo data for the referral graph: a smaller 任务宝 campaign that ran before the main one, so chains cross
 * campaigns — some of its invitees were the customers who later started the main campaign's chains. Its row is
 * made before the main campaign's (the campaign list shows the main one first); its people are filled in after,
 * from the main campaign's own starters.
 */
final class ReferralDemo {

    private static final int ROOTS = 12;
    private static final int STARTERS = 30;
    private static final long CODE = -1_000_000;

    private record Person(long participant, long customer, Instant joinedAt, int depth) {}

    private final JdbcClient jdbc;

    ReferralDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The earlier campaign's row: it ran for two weeks and ended two days before {@code mainStart}. */
    long campaign(Instant mainStart) {
        var endsAt = mainStart.minus(Duration.ofDays(2));
        var startsAt = endsAt.minus(Duration.ofDays(14));
        long id = jdbc.sql("""
                        insert into campaign (name, description, app_id, channel_code_id, status, starts_at, ends_at,
                                              hold_hours, new_only, burst_per_minute, created_by, created_at,
                                              updated_at)
                        values ('春季老带新 邀 2 人得积分', '老客邀请朋友添加顾问，每邀满 2 人得 200 积分。', 0, ?, 'ended',
                                ?, ?, 24, true, 10, 'staff05', ?, ?) returning id""")
                .params(
                        CODE,
                        Timestamp.from(startsAt),
                        Timestamp.from(endsAt),
                        Timestamp.from(startsAt.minus(Duration.ofDays(1))),
                        Timestamp.from(endsAt))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into campaign_stage (campaign_id, stage, invites, reward_kind, amount) values (?, 1, 2, 'points', 200)")
                .param(id)
                .update();
        return id;
    }

    /**
     * The earlier campaign's participants and invites: a dozen customers the main campaign never reached start it;
     * their friends are, first, the main campaign's starters; some friends join and invite in turn.
     */
    void fill(long earlier, long main, long customers, SplittableRandom random) {
        var window = jdbc.sql("select starts_at, ends_at from campaign where id = ?")
                .param(earlier)
                .query((rs, n) -> new Instant[] {
                    rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                })
                .single();
        var starters = new ArrayDeque<>(
                jdbc.sql("""
                        select customer_id from campaign_participant
                        where campaign_id = ? and invited_by is null and counted > 0 order by id limit ?""").params(main, STARTERS).query(Long.class).list());
        var fresh = new ArrayDeque<>(
                jdbc.sql("""
                        select id from customer c where id <= ? and survivor_id is null
                          and not exists (select 1 from campaign_participant p where p.customer_id = c.id)
                          and not exists (select 1 from campaign_invite i where i.invitee_id = c.id)
                        order by md5(id::text) limit 400""").param(customers).query(Long.class).list());
        var queue = new ArrayDeque<Person>();
        for (int i = 0; i < ROOTS && !fresh.isEmpty(); i++) {
            var at = window[0].plus(Duration.ofHours(random.nextLong(5 * 24)));
            queue.add(join(earlier, fresh.poll(), null, at, 0));
        }
        var invites = new ArrayList<Object[]>();
        while (!queue.isEmpty()) {
            var inviter = queue.poll();
            int friends = inviter.depth() == 0 ? 3 + random.nextInt(4) : random.nextInt(4);
            int counted = 0;
            for (int f = 0; f < friends; f++) {
                @Nullable
                Long friend = !starters.isEmpty() && random.nextDouble() < 0.7 ? starters.poll() : fresh.poll();
                var at = inviter.joinedAt().plus(Duration.ofMinutes(30 + random.nextLong(36 * 60)));
                if (friend == null || !at.isBefore(window[1])) {
                    continue;
                }
                boolean ok = random.nextDouble() < 0.9;
                invites.add(new Object[] {friend, inviter.participant(), at, ok ? "counted" : "rejected"});
                counted += ok ? 1 : 0;
                var joinsAt = at.plus(Duration.ofMinutes(10 + random.nextLong(10 * 60)));
                if (ok && inviter.depth() < 3 && random.nextDouble() < 0.5 && joinsAt.isBefore(window[1])) {
                    queue.add(join(earlier, friend, inviter.participant(), joinsAt, inviter.depth() + 1));
                }
            }
            jdbc.sql("update campaign_participant set counted = ? where id = ?")
                    .params(counted, inviter.participant())
                    .update();
        }
        for (var i : invites) {
            var at = (Instant) i[2];
            var settles = at.plus(Duration.ofHours(24));
            jdbc.sql("""
                            insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, reason,
                                                         settles_at, settled_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            earlier,
                            i[0],
                            i[1],
                            Timestamp.from(at),
                            i[3],
                            i[3].equals("rejected") ? "existing" : null,
                            Timestamp.from(settles),
                            Timestamp.from(i[3].equals("rejected") ? at : settles))
                    .update();
        }
    }

    private Person join(long campaign, long customer, @Nullable Long invitedBy, Instant at, int depth) {
        long id = jdbc.sql("""
                        insert into campaign_participant (campaign_id, customer_id, code_id, invited_by, joined_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(campaign, customer, CODE - 1 - customer, invitedBy, Timestamp.from(at))
                .query(Long.class)
                .single();
        return new Person(id, customer, at, depth);
    }
}

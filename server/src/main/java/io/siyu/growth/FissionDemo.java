package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for 社群裂变 and 红包裂变: a running group campaign (friends join a customer group; its second stage pays
 * a random red packet) and an ended red-packet campaign whose budget ran out, each with participants, invites,
 * red packets paid (the stand-in provider holds them under their keys) and a budget ledger. A pure function of the
 * seed and the demo's now; the codes they name do not exist (the demo has no WeCom app), so nobody can join.
 */
@Service
public class FissionDemo {

    private record Stage(
            int stage,
            int invites,
            String kind,
            long amount,
            @Nullable Long amountMax) {}

    private record Spec(
            String kind,
            String name,
            String description,
            @Nullable Long channelCode,
            @Nullable Long groupCode,
            String status,
            Instant startsAt,
            Instant endsAt,
            List<Stage> stages,
            long[] topUps,
            int participants) {}

    private final JdbcClient jdbc;

    FissionDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Both campaigns over customers 1 to {@code customers}; answers how many red packets were granted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int load(long customers, long seed, Instant end) {
        var random = new SplittableRandom(seed * 5_003L + 71);
        var now = end.truncatedTo(ChronoUnit.HOURS);
        var group = new Spec(
                "group",
                "拉好友进群 抢新人红包",
                "老客把专属群活码发给朋友，朋友进「会员福利群」并留满 24 小时才算有效；邀满 5 人得随机红包。",
                null,
                0L,
                "active",
                now.minus(Duration.ofDays(6)),
                now.plus(Duration.ofDays(8)),
                List.of(new Stage(1, 2, "points", 200, null), new Stage(2, 5, "red_packet", 500, 888L)),
                new long[] {30_000, 20_000},
                70);
        var packets = new Spec(
                "task",
                "邀好友 领现金红包",
                "邀请 3 位好友添加专属顾问得 3 元红包，邀满 8 位再得 10 元；预算用完即止。",
                -1L,
                null,
                "ended",
                now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(3)),
                List.of(new Stage(1, 3, "red_packet", 300, null), new Stage(2, 8, "red_packet", 1_000, null)),
                new long[] {8_000},
                90);
        var pool = new ArrayList<Long>();
        for (long id = 1; id <= Math.min(customers, 5_000); id++) {
            pool.add(id);
        }
        for (int i = pool.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            pool.set(i, pool.set(j, pool.get(i)));
        }
        return write(packets, pool, random, now) + write(group, pool.reversed(), random, now);
    }

    private int write(Spec spec, List<Long> pool, SplittableRandom random, Instant now) {
        long campaign = campaign(spec);
        long topUps = 0;
        for (int i = 0; i < spec.topUps().length; i++) {
            var at = spec.startsAt().minus(Duration.ofDays(1)).plus(Duration.ofDays(4L * i));
            entry(campaign, "top_up", spec.topUps()[i], null, null, i == 0 ? "活动预算" : "效果好，追加预算", at);
            topUps += spec.topUps()[i];
        }
        var reached = new ArrayList<Object[]>();
        int next = 0;
        var length = Duration.between(spec.startsAt(), spec.status().equals("active") ? now : spec.endsAt());
        for (int p = 0; p < spec.participants() && next + 20 < pool.size(); p++) {
            var joined = spec.startsAt().plusSeconds((long) (random.nextDouble() * length.getSeconds() * 0.8));
            long participant = jdbc.sql("""
                            insert into campaign_participant (campaign_id, customer_id, code_id, code_kind, joined_at)
                            values (?, ?, ?, ?, ?) returning id""")
                    .params(
                            campaign,
                            pool.get(next),
                            -(campaign * 1_000 + p + 1),
                            spec.kind().equals("group") ? "group" : "channel",
                            Timestamp.from(joined))
                    .query(Long.class)
                    .single();
            long customer = pool.get(next++);
            var counted = new ArrayList<Instant>();
            int friends = random.nextDouble() < 0.3 ? 0 : 1 + random.nextInt(random.nextDouble() < 0.3 ? 12 : 5);
            for (int f = 0; f < friends; f++) {
                var at = joined.plusSeconds(random.nextLong(3 * 24 * 3600));
                if (!at.isBefore(now) || !at.isBefore(spec.endsAt())) {
                    continue;
                }
                var settles = at.plus(Duration.ofHours(24));
                double r = random.nextDouble();
                String status = r < 0.12 ? "rejected" : settles.isAfter(now) ? "held" : "counted";
                String reason =
                        r < 0.07 ? (spec.kind().equals("group") ? "left" : "deleted") : r < 0.12 ? "existing" : null;
                jdbc.sql("""
                                insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, reason,
                                                             settles_at, settled_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                campaign,
                                pool.get(next++),
                                participant,
                                Timestamp.from(at),
                                status,
                                reason,
                                Timestamp.from(settles),
                                status.equals("held") ? null : Timestamp.from(reason == null ? settles : at))
                        .update();
                if (status.equals("counted")) {
                    counted.add(settles);
                }
            }
            counted.sort(Comparator.naturalOrder());
            jdbc.sql("update campaign_participant set counted = ? where id = ?")
                    .params(counted.size(), participant)
                    .update();
            for (var stage : spec.stages()) {
                if (counted.size() >= stage.invites()) {
                    reached.add(new Object[] {counted.get(stage.invites() - 1), participant, customer, stage});
                }
            }
        }
        reached.sort(Comparator.comparing(r -> (Instant) r[0]));
        grant(campaign, spec, reached, topUps, random, now);
        return reached.size();
    }

    /** Each stage reached, in time order; a red packet only while the budget covers it. */
    private void grant(
            long campaign, Spec spec, List<Object[]> reached, long budget, SplittableRandom random, Instant now) {
        long remaining = budget;
        long paid = 0;
        long reserved = 0;
        for (var r : reached) {
            var at = (Instant) r[0];
            long participant = (Long) r[1];
            var stage = (Stage) r[3];
            long amount = stage.amountMax() == null
                    ? stage.amount()
                    : stage.amount() + random.nextLong(stage.amountMax() - stage.amount() + 1);
            boolean packet = stage.kind().equals("red_packet");
            boolean covered = !packet || remaining >= amount;
            jdbc.sql(
                            "insert into campaign_reward (campaign_id, participant_id, stage, status, at) values (?, ?, ?, ?, ?)")
                    .params(
                            campaign,
                            participant,
                            stage.stage(),
                            covered ? "granted" : "out_of_budget",
                            Timestamp.from(at))
                    .update();
            if (!covered) {
                continue;
            }
            jdbc.sql("update campaign_stage set granted = granted + 1 where campaign_id = ? and stage = ?")
                    .params(campaign, stage.stage())
                    .update();
            if (!packet) {
                continue;
            }
            remaining -= amount;
            entry(campaign, "reserve", -amount, participant, stage.stage(), null, at);
            // the last hour's packets are still to be paid: the payout work pays them
            boolean done = at.isBefore(now.minus(Duration.ofHours(1)));
            long id = jdbc.sql("""
                            insert into campaign_red_packet (campaign_id, participant_id, stage, customer_id, amount,
                                                             status, attempts, due_at, granted_at, paid_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            campaign,
                            participant,
                            stage.stage(),
                            r[2],
                            amount,
                            done ? "paid" : "reserved",
                            done ? 1 : 0,
                            Timestamp.from(at),
                            Timestamp.from(at),
                            done ? Timestamp.from(at.plusSeconds(4)) : null)
                    .query(Long.class)
                    .single();
            if (done) {
                paid += amount;
                jdbc.sql("""
                                insert into simulated_payout (payout_key, customer_id, amount, purpose, created_at)
                                values (?, ?, ?, ?, ?)""")
                        .params(
                                RedPacketPayouts.key(id),
                                r[2],
                                java.math.BigDecimal.valueOf(amount, 2),
                                RedPacketPayouts.PURPOSE,
                                Timestamp.from(at.plusSeconds(4)))
                        .update();
            } else {
                reserved += amount;
            }
        }
        jdbc.sql("""
                        insert into campaign_budget (campaign_id, topped_up, reserved, paid, remaining)
                        values (?, ?, ?, ?, ?)""").params(campaign, budget, reserved, paid, remaining).update();
    }

    private long campaign(Spec spec) {
        long id = jdbc.sql("""
                        insert into campaign (kind, name, description, app_id, channel_code_id, group_code_id, status,
                                              starts_at, ends_at, hold_hours, new_only, burst_per_minute, created_by,
                                              created_at)
                        values (?, ?, ?, 0, ?, ?, ?, ?, ?, 24, true, 10, 'staff05', ?) returning id""")
                .params(
                        spec.kind(),
                        spec.name(),
                        spec.description(),
                        spec.channelCode(),
                        spec.groupCode(),
                        spec.status(),
                        Timestamp.from(spec.startsAt()),
                        Timestamp.from(spec.endsAt()),
                        Timestamp.from(spec.startsAt().minus(Duration.ofDays(2))))
                .query(Long.class)
                .single();
        for (var s : spec.stages()) {
            jdbc.sql("""
                            insert into campaign_stage (campaign_id, stage, invites, reward_kind, amount, amount_max)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, s.stage(), s.invites(), s.kind(), s.amount(), s.amountMax())
                    .update();
        }
        return id;
    }

    private void entry(
            long campaign,
            String kind,
            long amount,
            @Nullable Long participant,
            @Nullable Integer stage,
            @Nullable String note,
            Instant at) {
        jdbc.sql("""
                        insert into campaign_budget_entry (campaign_id, kind, amount, participant_id, stage, note,
                                                           created_by, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaign,
                        kind,
                        amount,
                        participant,
                        stage,
                        note,
                        kind.equals("top_up") ? "staff05" : null,
                        Timestamp.from(at))
                .update();
    }
}

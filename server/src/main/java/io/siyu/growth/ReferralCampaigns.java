package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per-campaign referral figures for a range, each read for all campaigns in one statement. */
@Component
class ReferralCampaigns {

    private final JdbcClient jdbc;

    ReferralCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static double ratio(long counted, long participants) {
        return participants == 0 ? 0 : Math.round(counted * 100.0 / participants) / 100.0;
    }

    /** The campaigns with a participant who joined, or an invite that counted, in the range; newest first. */
    List<ReferralView.CampaignFigures> figures(Instant start, Instant end) {
        var from = Timestamp.from(start);
        var to = Timestamp.from(end);
        var rows = new HashMap<Long, long[]>();
        jdbc.sql("""
                        select campaign_id, count(*) from campaign_participant
                        where joined_at >= ? and joined_at < ? group by 1""").params(from, to).query(rs -> {
            rows.computeIfAbsent(rs.getLong(1), k -> new long[2])[0] = rs.getLong(2);
        });
        jdbc.sql("""
                        select campaign_id, count(*) from campaign_invite
                        where status = 'counted' and at >= ? and at < ? group by 1""").params(from, to).query(rs -> {
            rows.computeIfAbsent(rs.getLong(1), k -> new long[2])[1] = rs.getLong(2);
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.keySet().toArray(Long[]::new);
        var cycles = cycles(from, to);
        var generations = generations(ids, from, to);
        return jdbc.sql("select id, name, status from campaign where id = any(?::bigint[]) order by id desc")
                .param(ids)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    var counts = rows.get(id);
                    var gens = generations.getOrDefault(id, List.of());
                    return new ReferralView.CampaignFigures(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            counts[0],
                            counts[1],
                            ratio(counts[1], counts[0]),
                            cycles.get(id),
                            gens.isEmpty() ? 0 : gens.getLast().depth(),
                            gens);
                })
                .list();
    }

    long customers(Instant start, Instant end) {
        return jdbc.sql(
                        "select count(distinct customer_id) from campaign_participant where joined_at >= ? and joined_at < ?")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(Long.class)
                .single();
    }

    /** Over every campaign: the median hours from a participant joining to someone they invited joining. */
    @Nullable
    Double cycleHours(Instant start, Instant end) {
        return cycles(Timestamp.from(start), Timestamp.from(end)).get(0L);
    }

    /** Median cycle hours per campaign, and over all of them under id 0. */
    private Map<Long, Double> cycles(Timestamp from, Timestamp to) {
        var cycles = new HashMap<Long, Double>();
        jdbc.sql("""
                        select c.campaign_id, percentile_cont(0.5) within group (
                            order by extract(epoch from c.joined_at - p.joined_at) / 3600)
                        from campaign_participant c join campaign_participant p on p.id = c.invited_by
                        where c.joined_at >= ? and c.joined_at < ?
                        group by rollup (c.campaign_id)""").params(from, to).query(rs -> {
            var campaign = rs.getObject(1, Long.class);
            cycles.put(campaign == null ? 0L : campaign, Math.round(rs.getDouble(2) * 10) / 10.0);
        });
        return cycles;
    }

    /**
     * Participants who joined in the range by their depth in their campaign's tree, the depth counted over the whole
     * campaign (someone invited by a participant who joined before the range is still one generation down).
     */
    private Map<Long, List<ReferralView.Generation>> generations(Long[] ids, Timestamp from, Timestamp to) {
        var generations = new HashMap<Long, List<ReferralView.Generation>>();
        jdbc.sql("""
                        with recursive g (id, campaign_id, joined_at, depth) as (
                            select id, campaign_id, joined_at, 0 from campaign_participant
                            where campaign_id = any(?::bigint[]) and invited_by is null
                            union all
                            select p.id, p.campaign_id, p.joined_at, g.depth + 1
                            from campaign_participant p join g on p.invited_by = g.id
                            where g.depth < 100)
                        select campaign_id, depth, count(*) from g where joined_at >= ? and joined_at < ?
                        group by 1, 2 order by 1, 2""").params(ids, from, to).query(rs -> {
            var list = generations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
            long participants = rs.getLong(3);
            var before = list.isEmpty() ? null : list.getLast();
            Double ratio = before == null || before.depth() != rs.getInt(2) - 1
                    ? null
                    : Math.round(participants * 100.0 / before.participants()) / 100.0;
            list.add(new ReferralView.Generation(rs.getInt(2), participants, ratio));
        });
        return generations;
    }
}

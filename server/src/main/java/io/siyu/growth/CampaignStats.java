package io.siyu.growth;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.shared.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a campaign is doing, and the invites a person must look at. */
@Service
public class CampaignStats {

    static final List<String> REJECTIONS =
            List.of("self", "loop", "existing", "deleted", "left", "inactive", "reviewed");
    static final int DAYS = 30;

    /**
     * @param kFactor counted invites per participant: how many new customers each one brings
     * @param rejected rejected invites by reason
     * @param cycleHours the median time from a participant joining to someone they brought in joining (viral
     *     cycle time); null while no one came in through another
     */
    public record Stats(
            long participants,
            long invites,
            long counted,
            long held,
            long review,
            long rewarded,
            long outOfStock,
            long newCustomers,
            double kFactor,
            Map<String, Long> rejected,
            List<Day> daily,
            List<Inviter> topInviters,
            List<Generation> generations,
            @org.jspecify.annotations.Nullable Double cycleHours) {}

    /** A participant by how many of their invites counted: KOC candidates. */
    public record Inviter(long participantId, long customerId, String name, int counted) {}

    /** Participants by how far they are from the campaign's first ones (0: joined by themselves). */
    public record Generation(int depth, long participants) {}

    public record Day(LocalDate day, long joined, long invited, long counted) {}

    public record Review(long inviteeId, long participantId, Instant at, String reason) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final TenantManagement tenants;
    private final CustomerDirectory customers;
    private final GrowthWork work;
    private final Clock clock;

    CampaignStats(
            JdbcClient jdbc,
            Campaigns campaigns,
            TenantManagement tenants,
            CustomerDirectory customers,
            GrowthWork work,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.tenants = tenants;
        this.customers = customers;
        this.work = work;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats stats(long id) {
        var campaign = campaigns.get(id);
        var counts = campaign.counts();
        var rejected = new LinkedHashMap<String, Long>();
        REJECTIONS.forEach(r -> rejected.put(r, 0L));
        jdbc.sql("select reason, count(*) from campaign_invite where campaign_id = ? and status = 'rejected'"
                        + " group by reason")
                .param(id)
                .query(rs -> {
                    rejected.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        long[] rewards = new long[2];
        jdbc.sql("select count(*) filter (where status = 'granted'), count(*) filter (where status = 'out_of_stock')"
                        + " from campaign_reward where campaign_id = ?")
                .param(id)
                .query(rs -> {
                    rewards[0] = rs.getLong(1);
                    rewards[1] = rs.getLong(2);
                });
        long participants = counts.get("participants");
        long counted = counts.get("counted");
        long invites = counts.values().stream().mapToLong(Long::longValue).sum() - participants;
        return new Stats(
                participants,
                invites,
                counted,
                counts.get("held"),
                counts.get("review"),
                rewards[0],
                rewards[1],
                counted,
                participants == 0 ? 0 : Math.round(counted * 100.0 / participants) / 100.0,
                rejected,
                daily(id),
                topInviters(id),
                generations(id),
                jdbc.sql("""
                                select percentile_cont(0.5) within group (
                                    order by extract(epoch from c.joined_at - p.joined_at) / 3600)
                                from campaign_participant c join campaign_participant p on p.id = c.invited_by
                                where c.campaign_id = ?""").param(id).query(Double.class).optional().orElse(null));
    }

    private List<Inviter> topInviters(long id) {
        var rows = jdbc.sql("""
                        select id, customer_id, counted from campaign_participant
                        where campaign_id = ? and counted > 0 order by counted desc, id limit 10""")
                .param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)})
                .list();
        var names = customers.names(rows.stream().map(r -> r[1]).toList());
        return rows.stream()
                .map(r -> new Inviter(r[0], r[1], names.getOrDefault(r[1], ""), (int) r[2]))
                .toList();
    }

    private List<Generation> generations(long id) {
        return jdbc.sql("""
                        with recursive g (id, depth) as (
                            select id, 0 from campaign_participant where campaign_id = ? and invited_by is null
                            union all
                            select p.id, g.depth + 1 from campaign_participant p join g on p.invited_by = g.id
                            where g.depth < 50)
                        select depth, count(*) from g group by depth order by depth""")
                .param(id)
                .query((rs, n) -> new Generation(rs.getInt(1), rs.getLong(2)))
                .list();
    }

    /** The last 30 days in the tenant's zone: who joined, friends who added, invites that counted. */
    private List<Day> daily(long id) {
        var zone = ZoneId.of(tenants.current().timeZone());
        var today = LocalDate.now(clock.withZone(zone));
        var from = today.minusDays(DAYS - 1);
        var days = new LinkedHashMap<LocalDate, long[]>();
        for (var d = from; !d.isAfter(today); d = d.plusDays(1)) {
            days.put(d, new long[3]);
        }
        var since = Timestamp.from(from.atStartOfDay(zone).toInstant());
        jdbc.sql("""
                        select (joined_at at time zone ?)::date, count(*) from campaign_participant
                        where campaign_id = ? and joined_at >= ? group by 1""").params(zone.getId(), id, since).query(rs -> {
            add(days, rs.getObject(1, LocalDate.class), 0, rs.getLong(2));
        });
        jdbc.sql("""
                        select (at at time zone ?)::date, count(*), count(*) filter (where status = 'counted')
                        from campaign_invite where campaign_id = ? and at >= ? group by 1""").params(zone.getId(), id, since).query(rs -> {
            add(days, rs.getObject(1, LocalDate.class), 1, rs.getLong(2));
            add(days, rs.getObject(1, LocalDate.class), 2, rs.getLong(3));
        });
        var list = new ArrayList<Day>();
        days.forEach((day, c) -> list.add(new Day(day, c[0], c[1], c[2])));
        return list;
    }

    private static void add(Map<LocalDate, long[]> days, LocalDate day, int at, long n) {
        var counts = days.get(day);
        if (counts != null) {
            counts[at] += n;
        }
    }

    /** The invites held for review (too many at once for one participant), oldest first. */
    @Transactional(readOnly = true)
    public List<Review> review(long id) {
        campaigns.get(id);
        return jdbc.sql("""
                        select invitee_id, participant_id, at, reason from campaign_invite
                        where campaign_id = ? and status = 'review' order by at limit 500""")
                .param(id)
                .query((rs, n) -> new Review(
                        rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /**
     * A person decides on an invite held for review: approved, it is held like any other (and counts once its
     * window has passed); rejected, it never counts.
     */
    @Transactional
    public void decide(long id, long inviteeId, boolean approve) {
        campaigns.get(id);
        var now = Timestamp.from(clock.instant());
        int changed = approve
                ? jdbc.sql("""
                                update campaign_invite set status = 'held', reason = null,
                                    settles_at = greatest(settles_at, ?)
                                where campaign_id = ? and invitee_id = ? and status = 'review'""").params(now, id, inviteeId).update()
                : jdbc.sql("""
                                update campaign_invite set status = 'rejected', reason = 'reviewed', settled_at = ?
                                where campaign_id = ? and invitee_id = ? and status = 'review'""").params(now, id, inviteeId).update();
        if (changed == 0) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.review.done");
        }
        if (approve) {
            io.siyu.shared.AfterCommit.collect(work, () -> work, w -> {}, GrowthWork::wake);
        }
    }
}

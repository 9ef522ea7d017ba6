package io.siyu.growth;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.loyalty.MemberReferrals;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who invited whom across every campaign of the tenant (and into membership with a referral code), for a range of
 * days: K-factor, viral cycle time and depth per campaign, the whole forest's generations, the top inviters with
 * their KOC-candidate marks, and a readable piece of the graph. See docs/metrics.md for the definitions.
 */
@Service
public class Referrals {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 90;
    static final int MAX_TOP = 100;
    static final int MAX_GRAPH_ROOTS = 50;
    static final int MAX_GRAPH_NODES = 400;
    /** The forest is built in memory: a range with more referrals than this must be asked for in parts. */
    static final int MAX_EDGES = 1_000_000;

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final CustomerDirectory customers;
    private final MemberReferrals members;
    private final ReferralCampaigns campaigns;
    private final Clock clock;

    Referrals(
            JdbcClient jdbc,
            TenantManagement tenants,
            CustomerDirectory customers,
            MemberReferrals members,
            ReferralCampaigns campaigns,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.customers = customers;
        this.members = members;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * The referral view of the days {@code from} to {@code to} (both included, in the tenant's zone; by default the
     * last 90 days).
     *
     * @param top how many top inviters to list (1 to 100)
     * @param graphRoots how many of them to draw with everyone they brought in (0 to 50)
     */
    @Transactional(readOnly = true)
    public ReferralView view(@Nullable LocalDate from, @Nullable LocalDate to, int top, int graphRoots) {
        var zone = ZoneId.of(tenants.current().timeZone());
        var range = range(from, to, top, graphRoots, LocalDate.now(clock.withZone(zone)));
        var start = range[0].atStartOfDay(zone).toInstant();
        var end = range[1].plusDays(1).atStartOfDay(zone).toInstant();
        var perCampaign = campaigns.figures(start, end);
        var forest = new ReferralForest(edges(start, end));
        var totals = totals(forest);
        var ranked = totals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, int[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparing(e -> -forest.chain(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(Map.Entry::getKey)
                .toList();
        var shown = forest.reach(ranked.subList(0, Math.min(graphRoots, ranked.size())), MAX_GRAPH_NODES);
        var ids = new HashSet<>(shown);
        ids.addAll(ranked);
        var names = customers.names(ids);
        var koc = koc(ids);
        var joined = joined(ranked, start, end);
        var inviters = ranked.stream()
                .map(id -> new ReferralView.Inviter(
                        id,
                        names.getOrDefault(id, ""),
                        totals.get(id)[0] + totals.get(id)[1],
                        totals.get(id)[0],
                        totals.get(id)[1],
                        joined.getOrDefault(id, 0),
                        forest.chain(id),
                        koc.contains(id)))
                .toList();
        return new ReferralView(
                range[0],
                range[1],
                figures(perCampaign, forest, start, end),
                perCampaign,
                forest.generations().stream()
                        .map(g -> new ReferralView.Depth((int) g[0], g[1]))
                        .toList(),
                inviters,
                graph(forest, shown, totals, names, koc, ranked));
    }

    private static LocalDate[] range(
            @Nullable LocalDate from, @Nullable LocalDate to, int top, int graphRoots, LocalDate today) {
        var problems = new ArrayList<FieldProblem>();
        var last = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1)) : to;
        var first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        if (last.isBefore(first)) {
            problems.add(new FieldProblem("to", "growth.referrals.range.order"));
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "growth.referrals.range.long", MAX_DAYS));
        }
        if (first.isAfter(today)) {
            problems.add(new FieldProblem("from", "growth.referrals.range.future"));
        }
        if (top < 1 || top > MAX_TOP) {
            problems.add(new FieldProblem("top", "growth.referrals.top", MAX_TOP));
        }
        if (graphRoots < 0 || graphRoots > MAX_GRAPH_ROOTS) {
            problems.add(new FieldProblem("graph", "growth.referrals.graph", MAX_GRAPH_ROOTS));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new LocalDate[] {first, last};
    }

    /** Counted campaign invites and member referrals made in the range: one statement each. */
    private List<ReferralForest.Edge> edges(Instant start, Instant end) {
        var edges = new ArrayList<>(jdbc.sql("""
                        select p.customer_id, i.invitee_id, i.campaign_id, i.at
                        from campaign_invite i join campaign_participant p on p.id = i.participant_id
                        where i.status = 'counted' and i.at >= ? and i.at < ? limit ?""")
                .params(Timestamp.from(start), Timestamp.from(end), MAX_EDGES + 1)
                .query((rs, n) -> new ReferralForest.Edge(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list());
        if (edges.size() <= MAX_EDGES) {
            members.between(start, end)
                    .forEach(r -> edges.add(new ReferralForest.Edge(r.referrer(), r.member(), null, r.joinedAt())));
        }
        if (edges.size() > MAX_EDGES) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("to", "growth.referrals.range.too-many", MAX_EDGES)));
        }
        return edges;
    }

    /** Per inviter: counted campaign invites, member referrals. */
    private static Map<Long, int[]> totals(ReferralForest forest) {
        var totals = new HashMap<Long, int[]>();
        for (var e : forest.edges()) {
            totals.computeIfAbsent(e.from(), k -> new int[2])[e.campaignId() == null ? 1 : 0]++;
        }
        return totals;
    }

    private java.util.Set<Long> koc(java.util.Collection<Long> ids) {
        return new HashSet<>(jdbc.sql("select customer_id from referral_koc where customer_id = any(?::bigint[])")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** How many campaigns each of {@code ids} joined in the range. */
    private Map<Long, Integer> joined(List<Long> ids, Instant start, Instant end) {
        var joined = new HashMap<Long, Integer>();
        jdbc.sql("""
                        select customer_id, count(distinct campaign_id) from campaign_participant
                        where customer_id = any(?::bigint[]) and joined_at >= ? and joined_at < ? group by 1""")
                .params(ids.toArray(Long[]::new), Timestamp.from(start), Timestamp.from(end))
                .query(rs -> {
                    joined.put(rs.getLong(1), rs.getInt(2));
                });
        return joined;
    }

    private ReferralView.Figures figures(
            List<ReferralView.CampaignFigures> perCampaign, ReferralForest forest, Instant start, Instant end) {
        long participations = perCampaign.stream()
                .mapToLong(ReferralView.CampaignFigures::participants)
                .sum();
        long counted = perCampaign.stream()
                .mapToLong(ReferralView.CampaignFigures::counted)
                .sum();
        long referrals =
                forest.edges().stream().filter(e -> e.campaignId() == null).count();
        return new ReferralView.Figures(
                campaigns.customers(start, end),
                participations,
                counted,
                referrals,
                ReferralCampaigns.ratio(counted, participations),
                campaigns.cycleHours(start, end),
                forest.maxGeneration());
    }

    private static ReferralView.Graph graph(
            ReferralForest forest,
            java.util.Set<Long> shown,
            Map<Long, int[]> totals,
            Map<Long, String> names,
            java.util.Set<Long> koc,
            List<Long> ranked) {
        var tops = new HashSet<>(ranked);
        var nodes = shown.stream()
                .map(id -> new ReferralView.Node(
                        id,
                        names.getOrDefault(id, ""),
                        totals.containsKey(id) ? totals.get(id)[0] + totals.get(id)[1] : 0,
                        forest.generation(id),
                        koc.contains(id),
                        tops.contains(id)))
                .toList();
        var edges = forest.edges().stream()
                .filter(e -> shown.contains(e.from()) && shown.contains(e.to()))
                .map(e -> new ReferralView.Edge(e.from(), e.to(), e.campaignId(), e.at()))
                .toList();
        return new ReferralView.Graph(nodes, edges, shown.size() >= MAX_GRAPH_NODES);
    }
}

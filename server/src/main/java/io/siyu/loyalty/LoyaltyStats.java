package io.siyu.loyalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The loyalty dashboard: members by tier (now and over 30 days), points issued, spent and expired, liability. */
@Service
public class LoyaltyStats {

    public record Stats(
            long members,
            List<TierCount> byTier,
            long liability,
            long expiringSoon,
            Flow last30,
            CouponRate coupons,
            List<Day> daily) {}

    public record TierCount(int level, String name, long members) {}

    public record Flow(long issued, long spent, long expired) {}

    public record CouponRate(long issued, long redeemed, double rate) {}

    public record Day(LocalDate day, long joined, long issued, long spent, long expired, Map<String, Long> tiers) {}

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;

    LoyaltyStats(JdbcClient jdbc, Programs programs, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats stats() {
        var program = programs.get();
        var zone = programs.zone();
        var now = clock.instant();
        var current = new HashMap<Integer, Long>();
        jdbc.sql("select tier, count(*) from member group by 1").query(rs -> {
            current.put(rs.getInt(1), rs.getLong(2));
        });
        var byTier = program.tiers().stream()
                .map(t -> new TierCount(t.level(), t.name(), current.getOrDefault(t.level(), 0L)))
                .toList();
        long members = current.values().stream().mapToLong(Long::longValue).sum();
        long liability = jdbc.sql("select coalesce(sum(points), 0) from member")
                .query(Long.class)
                .single();
        long expiring = jdbc.sql("""
                        select coalesce(sum(remaining), 0) from points_lot
                        where remaining > 0 and expires_at is not null and expires_at <= ?""")
                .param(Timestamp.from(now.plus(Duration.ofDays(30))))
                .query(Long.class)
                .single();
        var today = LocalDate.now(clock.withZone(zone));
        var first = today.minusDays(DAYS - 1);
        var since = Timestamp.from(first.atStartOfDay(zone).toInstant());
        var flows = new HashMap<LocalDate, long[]>();
        jdbc.sql("""
                        select (at at time zone ?)::date,
                               coalesce(sum(points) filter (where points > 0 and kind in ('earn', 'adjust')), 0),
                               coalesce(-sum(points) filter (where kind = 'spend' or (kind = 'adjust' and points < 0)), 0),
                               coalesce(-sum(points) filter (where kind = 'expire'), 0)
                        from points_entry where at >= ? group by 1""").params(zone.getId(), since).query(rs -> {
            flows.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        var joined = new HashMap<LocalDate, Long>();
        // tier deltas per day: counts at the end of a day are today's counts less the moves after it
        var deltas = new HashMap<LocalDate, Map<Integer, Long>>();
        jdbc.sql("""
                        select (at at time zone ?)::date, from_tier, to_tier, reason from member_tier_change where at >= ?""").params(zone.getId(), since).query(rs -> {
            var day = rs.getDate(1).toLocalDate();
            var d = deltas.computeIfAbsent(day, k -> new HashMap<>());
            var from = (Integer) rs.getObject(2);
            if (from != null) {
                d.merge(from, -1L, Long::sum);
            }
            d.merge(rs.getInt(3), 1L, Long::sum);
            if (rs.getString(4).equals("join")) {
                joined.merge(day, 1L, Long::sum);
            }
        });
        var days = new ArrayList<Day>();
        var counts = new HashMap<>(current);
        for (var day = today; !day.isBefore(first); day = day.minusDays(1)) {
            var tiers = new LinkedHashMap<String, Long>();
            for (var t : program.tiers()) {
                tiers.put(String.valueOf(t.level()), Math.max(0, counts.getOrDefault(t.level(), 0L)));
            }
            var f = flows.getOrDefault(day, new long[3]);
            days.add(new Day(day, joined.getOrDefault(day, 0L), f[0], f[1], f[2], tiers));
            deltas.getOrDefault(day, Map.of()).forEach((tier, delta) -> counts.merge(tier, -delta, Long::sum));
        }
        java.util.Collections.reverse(days);
        long issued = days.stream().mapToLong(Day::issued).sum();
        long spent = days.stream().mapToLong(Day::spent).sum();
        long expired = days.stream().mapToLong(Day::expired).sum();
        var coupons = jdbc.sql("select count(*), count(*) filter (where status = 'redeemed') from coupon")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Stats(
                members,
                byTier,
                liability,
                expiring,
                new Flow(issued, spent, expired),
                new CouponRate(coupons[0], coupons[1], coupons[0] == 0 ? 0 : (double) coupons[1] / coupons[0]),
                days);
    }
}

package io.siyu.wecom;

import io.siyu.access.TenantManagement;
import io.siyu.shared.DomainException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What group live codes brought: joins through a code (members who came with its state), leaves of those
 * members and net, per day (in the tenant's time zone) and per group, counted from the member rows.
 */
@Service
public class GroupCodeStats {

    public record Day(LocalDate day, int joins, int leaves, int net) {}

    public record Group(String chatId, String name, int memberCount, int joins, int leaves, int net) {}

    /** A code's lifetime totals: joins, leaves, members still in, joins today. */
    public record Totals(int joins, int leaves, int active, int joinsToday) {}

    public record Report(LocalDate from, LocalDate to, List<Day> days, List<Group> groups, Totals totals) {}

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final GroupCodes codes;

    GroupCodeStats(JdbcClient jdbc, TenantManagement tenants, GroupCodes codes) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.codes = codes;
    }

    @Transactional(readOnly = true)
    public Report report(long codeId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= ChannelCodeStats.MAX_DAYS) {
            throw DomainException.invalid("to", "wecom.stats.range", ChannelCodeStats.MAX_DAYS);
        }
        var code = codes.get(codeId);
        var zone = zone();
        var start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        var joins = perDay("joined_at", code, start, end, zone);
        var leaves = perDay("left_at", code, start, end, zone);
        var days = new ArrayList<Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int j = joins.getOrDefault(day, 0);
            int l = leaves.getOrDefault(day, 0);
            days.add(new Day(day, j, l, j - l));
        }
        var groups = jdbc
                .sql("""
                        select m.chat_id, coalesce(max(g.name), ''), coalesce(max(g.member_count), 0),
                               count(*) filter (where m.joined_at >= ? and m.joined_at < ?),
                               count(*) filter (where m.left_at >= ? and m.left_at < ?)
                        from wecom_group_member m
                        left join wecom_group g on g.app_id = m.app_id and g.chat_id = m.chat_id
                        where m.app_id = ? and m.state = ?
                        group by m.chat_id order by 4 desc, 1""")
                .params(start, end, start, end, code.appId(), code.state())
                .query((rs, n) -> new Group(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(4) - rs.getInt(5)))
                .list()
                .stream()
                .filter(g -> g.joins() > 0 || g.leaves() > 0)
                .toList();
        return new Report(from, to, days, groups, totals(code, zone));
    }

    /** Lifetime totals of each code, by code id. */
    @Transactional(readOnly = true)
    public Map<Long, Totals> totals(List<GroupCode> all) {
        var zone = zone();
        var result = new LinkedHashMap<Long, Totals>();
        all.forEach(code -> result.put(code.id(), totals(code, zone)));
        return result;
    }

    private Totals totals(GroupCode code, ZoneId zone) {
        var today = Timestamp.from(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        select count(*), count(left_at), count(*) filter (where left_at is null),
                               count(*) filter (where joined_at >= ?)
                        from wecom_group_member where app_id = ? and state = ?""")
                .params(today, code.appId(), code.state())
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private Map<LocalDate, Integer> perDay(String column, GroupCode code, Timestamp start, Timestamp end, ZoneId zone) {
        var counts = new LinkedHashMap<LocalDate, Integer>();
        jdbc.sql("select (" + column + " at time zone ?)::date, count(*) from wecom_group_member"
                        + " where app_id = ? and state = ? and " + column + " >= ? and " + column + " < ? group by 1")
                .params(zone.getId(), code.appId(), code.state(), start, end)
                .query((rs, n) -> counts.put(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list();
        return counts;
    }

    private ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }
}

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
 * What live codes brought: adds, losses and net per day (in the tenant's time zone) and per staff member,
 * counted from the relations themselves, so a code's figures include its store and personal codes.
 */
@Service
public class ChannelCodeStats {

    /** At most this many days in one question. */
    public static final int MAX_DAYS = 366;

    public record Day(LocalDate day, int adds, int losses, int net) {}

    public record Staff(String userId, String name, int adds, int losses, int net) {}

    /** Totals of a code over its lifetime: adds, losses, still contacts, adds today. */
    public record Totals(int adds, int losses, int active, int addsToday) {}

    public record Report(LocalDate from, LocalDate to, List<Day> days, List<Staff> staff, Totals totals) {}

    private final JdbcClient jdbc;
    private final TenantManagement tenants;

    ChannelCodeStats(JdbcClient jdbc, TenantManagement tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Report report(long codeId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("to", "wecom.stats.range", MAX_DAYS);
        }
        var zone = zone();
        var codes = family(codeId);
        var start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        var adds = perDay("added_at", codes, start, end, zone);
        var losses = perDay("lost_at", codes, start, end, zone);
        var days = new ArrayList<Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int a = adds.getOrDefault(day, 0);
            int l = losses.getOrDefault(day, 0);
            days.add(new Day(day, a, l, a - l));
        }
        var staff = jdbc
                .sql("""
                        select c.user_id, coalesce(max(s.name), c.user_id),
                               count(*) filter (where c.added_at >= ? and c.added_at < ?),
                               count(*) filter (where c.lost_at >= ? and c.lost_at < ?)
                        from wecom_contact c
                        left join wecom_staff s on s.app_id = c.app_id and s.user_id = c.user_id
                        where c.channel_code_id = any(?::bigint[])
                        group by c.user_id order by 3 desc, 1""")
                .params(start, end, start, end, codes)
                .query((rs, n) -> new Staff(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(3) - rs.getInt(4)))
                .list()
                .stream()
                .filter(s -> s.adds() > 0 || s.losses() > 0)
                .toList();
        return new Report(from, to, days, staff, totals(codes, zone));
    }

    /** Lifetime totals of each code (with its store and personal codes), by code id. */
    @Transactional(readOnly = true)
    public Map<Long, Totals> totals(List<Long> codeIds) {
        var zone = zone();
        var today = Timestamp.from(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        var found = new LinkedHashMap<Long, Totals>();
        // one query for the whole list: each code counted with the store and personal codes made from it
        jdbc.sql("""
                        select r.id, count(*), count(c.lost_at), count(*) filter (where c.lost_at is null),
                               count(*) filter (where c.added_at >= ?)
                        from unnest(?::bigint[]) r(id)
                        join wecom_channel_code k on k.id = r.id or k.parent_id = r.id
                        join wecom_contact c on c.channel_code_id = k.id
                        group by r.id""")
                .params(today, codeIds.toArray(Long[]::new))
                .query((rs, n) ->
                        found.put(rs.getLong(1), new Totals(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list();
        var result = new LinkedHashMap<Long, Totals>();
        codeIds.forEach(id -> result.put(id, found.getOrDefault(id, new Totals(0, 0, 0, 0))));
        return result;
    }

    private Totals totals(Long[] codes, ZoneId zone) {
        var today = Timestamp.from(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        select count(*), count(lost_at), count(*) filter (where lost_at is null),
                               count(*) filter (where added_at >= ?)
                        from wecom_contact where channel_code_id = any(?::bigint[])""")
                .params(today, codes)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private Map<LocalDate, Integer> perDay(String column, Long[] codes, Timestamp start, Timestamp end, ZoneId zone) {
        var counts = new LinkedHashMap<LocalDate, Integer>();
        jdbc.sql("select (" + column + " at time zone ?)::date, count(*) from wecom_contact"
                        + " where channel_code_id = any(?::bigint[]) and " + column + " >= ? and " + column + " < ?"
                        + " group by 1")
                .params(zone.getId(), codes, start, end)
                .query((rs, n) -> counts.put(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list();
        return counts;
    }

    /** The code and the store and personal codes made from it. */
    private Long[] family(long codeId) {
        return jdbc.sql("select id from wecom_channel_code where id = ? or parent_id = ?")
                .params(codeId, codeId)
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
    }

    private ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }
}

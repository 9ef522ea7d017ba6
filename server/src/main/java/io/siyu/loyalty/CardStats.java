package io.siyu.loyalty;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The paid card figures of the loyalty dashboard: holders now, cards ending soon, and sales by month. */
@Service
public class CardStats {

    static final int MONTHS = 12;

    /**
     * @param active members whose card is valid now
     * @param endingSoon of them, those whose card ends within 30 days (no renewal after)
     * @param months the last 12 months (the tenant's zone), oldest first
     */
    public record Stats(long active, long endingSoon, BigDecimal revenue, List<Month> months) {}

    /** Cards bought in a month and not refunded, and the money they brought; renewals among them. */
    public record Month(String month, long sold, long renewals, BigDecimal revenue, long refunded) {}

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;

    CardStats(JdbcClient jdbc, Programs programs, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats stats() {
        var zone = programs.zone();
        var now = clock.instant();
        var at = Timestamp.from(now);
        var holders = jdbc.sql("""
                        select count(distinct customer_id),
                               count(distinct customer_id) filter (where last_end <= ?)
                        from (select customer_id, max(valid_until) over (partition by customer_id) last_end, valid_from,
                                     valid_until
                              from member_card where status = 'active') c
                        where valid_from <= ? and valid_until > ?""")
                .params(Timestamp.from(now.plus(Duration.ofDays(30))), at, at)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var first = YearMonth.from(LocalDate.ofInstant(now, zone)).minusMonths(MONTHS - 1);
        var since = Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant());
        var byMonth = new HashMap<String, Month>();
        jdbc.sql("""
                        select to_char(bought_at at time zone ?, 'YYYY-MM'),
                               count(*) filter (where status <> 'refunded'),
                               count(*) filter (where status <> 'refunded' and renewal),
                               coalesce(sum(amount) filter (where status <> 'refunded'), 0),
                               count(*) filter (where status = 'refunded')
                        from member_card where bought_at >= ? group by 1""").params(zone.getId(), since).query(rs -> {
            byMonth.put(
                    rs.getString(1),
                    new Month(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5)));
        });
        var months = new ArrayList<Month>();
        var revenue = BigDecimal.ZERO;
        for (int i = 0; i < MONTHS; i++) {
            var month = first.plusMonths(i).toString();
            var m = byMonth.getOrDefault(month, new Month(month, 0, 0, BigDecimal.ZERO, 0));
            months.add(m);
            revenue = revenue.add(m.revenue());
        }
        return new Stats(holders[0], holders[1], revenue, months);
    }
}

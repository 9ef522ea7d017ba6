package io.siyu.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only figures about the current tenant's events, for dashboards. */
@Service
public class EventStatistics {

    public record DailyTypeCount(LocalDate date, EventType type, long count) {}

    private final JdbcClient jdbc;

    EventStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public long countSince(Instant since) {
        return jdbc.sql("select count(*) from event where occurred_at >= ?")
                .param(Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Events per calendar day in {@code zone} and type, from {@code since}. */
    @Transactional(readOnly = true)
    public List<DailyTypeCount> dailyByType(Instant since, String zone) {
        return jdbc.sql("select (occurred_at at time zone ?)::date as day, type, count(*) from event"
                        + " where occurred_at >= ? group by day, type order by day, type")
                .params(zone, Timestamp.from(since))
                .query((rs, n) -> new DailyTypeCount(
                        rs.getObject(1, LocalDate.class), EventType.ofCode(rs.getInt(2)), rs.getLong(3)))
                .list();
    }
}

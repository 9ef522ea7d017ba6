package io.siyu.event;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes sure monthly partitions exist before events are written; remembers months already made. */
@Component
class EventPartitions {

    private final JdbcClient jdbc;
    private final Set<YearMonth> prepared = ConcurrentHashMap.newKeySet();

    EventPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ensureMonths(Collection<LocalDate> days) {
        var months = days.stream()
                .map(YearMonth::from)
                .distinct()
                .filter(m -> !prepared.contains(m))
                .sorted()
                .toList();
        if (months.isEmpty()) {
            return;
        }
        ensureRange(months.getFirst().atDay(1), months.getLast().atDay(1));
        prepared.addAll(months);
    }

    void ensureRange(LocalDate from, LocalDate to) {
        jdbc.sql("select siyu_ensure_event_partitions(?, ?)")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(Integer.class)
                .single();
    }
}

package io.siyu.event;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's events newest first, paged by (time, id) so that an infinite scroll never repeats a row. */
@Service
public class CustomerTimeline {

    public record Entry(
            String eventId,
            String type,
            Instant occurredAt,
            @Nullable String properties,
            long customerId) {}

    public record Page(List<Entry> items, @Nullable String nextCursor) {}

    private final JdbcClient jdbc;

    CustomerTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param group the home profiles of one customer */
    @Transactional(readOnly = true)
    public Page of(List<Long> group, int limit, @Nullable String cursor) {
        var params = new ArrayList<Object>();
        params.add(group.toArray(Long[]::new));
        var after = "";
        if (cursor != null && !cursor.isBlank()) {
            try {
                var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int split = text.indexOf('|');
                params.add(Timestamp.from(Instant.parse(text.substring(0, split))));
                params.add(text.substring(split + 1));
            } catch (RuntimeException e) {
                throw new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("cursor", "problem.page.cursor")));
            }
            after = " and (occurred_at, coalesce(event_id, '')) < (?, ?)";
        }
        params.add(limit + 1);
        var rows = jdbc.sql("select event_id, type, occurred_at, properties::text, customer_id from event"
                        + " where customer_id = any(?::bigint[])" + after
                        + " order by occurred_at desc, coalesce(event_id, '') desc limit ?")
                .params(params)
                .query((rs, n) -> new Entry(
                        rs.getString(1) == null ? "" : rs.getString(1),
                        EventType.ofCode(rs.getInt(2)).apiName(),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getLong(5)))
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        var page = rows.subList(0, limit);
        var last = page.getLast();
        var next = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((last.occurredAt() + "|" + last.eventId()).getBytes(StandardCharsets.UTF_8));
        return new Page(page, next);
    }
}

package io.siyu.access;

import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Who did what to what, per tenant. Entries are written in the caller's transaction and never changed. */
@Service
public class AuditLog {

    /** One audit entry; {@code action} is a dotted code such as {@code account.created}. */
    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            @Nullable String target,
            Map<String, Object> detail) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, @Nullable String target, Map<String, ?> detail) {
        jdbc.sql("insert into audit_event (tenant_id, actor, action, target, detail)"
                        + " values (siyu_current_tenant(), ?, ?, ?, ?::jsonb)")
                .params(actor, action, target, json.writeValueAsString(detail))
                .update();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> detail(String text) {
        return json.readValue(text, Map.class);
    }

    @Transactional(readOnly = true)
    public CursorPage<Entry> list(PageRequest page) {
        var rows = jdbc.sql("select id, occurred_at, actor, action, target, detail::text from audit_event"
                        + " where id < ? order by id desc limit ?")
                .params(page.before(), page.fetchSize())
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        detail(rs.getString(6))))
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Entry::id);
    }
}

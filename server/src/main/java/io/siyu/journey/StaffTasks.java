package io.siyu.journey;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerScope;
import io.siyu.customer.CustomerSummary;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tasks journeys give staff members about a customer; staff see those of the customers they own. */
@Service
public class StaffTasks {

    public record Task(
            long id,
            @Nullable String userId,
            long customerId,
            String customerName,
            @Nullable Long journeyId,
            String title,
            String description,
            @Nullable Instant dueAt,
            String status,
            Instant createdAt,
            @Nullable Instant doneAt,
            @Nullable String doneBy) {}

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final CustomerScope scope;
    private final Clock clock;

    StaffTasks(JdbcClient jdbc, CustomerDirectory customers, CustomerScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CursorPage<Task> list(@Nullable String status, @Nullable String userId, PageRequest page) {
        var sql = new StringBuilder("""
                select id, user_id, customer_id, journey_id, title, description, due_at, status, created_at, done_at,
                       done_by
                from staff_task where id < ?""");
        var params = new ArrayList<Object>(List.of(page.before()));
        if (status != null && !status.isBlank()) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (userId != null && !userId.isBlank()) {
            sql.append(" and user_id = ?");
            params.add(userId);
        }
        // a staff member's page may hold fewer rows than asked: tasks of others' customers are left out
        sql.append(" order by id desc limit ").append(page.fetchSize());
        var rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        "",
                        rs.getObject(4, Long.class),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        instant(rs.getTimestamp(10)),
                        rs.getString(11)))
                .list();
        var fetched = CursorPage.ofDescending(rows, page.limit(), Task::id);
        var ids = fetched.items().stream().map(Task::customerId).distinct().toList();
        var visible = CustomerScope.seesAll() ? null : scope.visibleRoots(ids).keySet();
        var names = customers.summaries(ids).stream()
                .collect(Collectors.toMap(CustomerSummary::id, CustomerSummary::name, (a, b) -> a));
        var items = fetched.items().stream()
                .filter(t -> visible == null || visible.contains(t.customerId()))
                .map(t -> new Task(
                        t.id(),
                        t.userId(),
                        t.customerId(),
                        names.getOrDefault(t.customerId(), ""),
                        t.journeyId(),
                        t.title(),
                        t.description(),
                        t.dueAt(),
                        t.status(),
                        t.createdAt(),
                        t.doneAt(),
                        t.doneBy()))
                .toList();
        return new CursorPage<>(items, fetched.nextCursor());
    }

    @Transactional
    public void done(long id) {
        var customer = jdbc.sql("select customer_id from staff_task where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("staff-task", id));
        if (!CustomerScope.seesAll() && scope.visibleRoots(List.of(customer)).isEmpty()) {
            throw DomainException.notFound("staff-task", id);
        }
        jdbc.sql("update staff_task set status = 'done', done_at = ?, done_by = ? where id = ? and status = 'open'")
                .params(Timestamp.from(clock.instant()), Actor.currentName(), id)
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

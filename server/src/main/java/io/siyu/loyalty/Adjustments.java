package io.siyu.loyalty;

import io.siyu.access.Actor;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Manual points adjustments: one person asks with a reason, another approves (and it is applied) or rejects. */
@Service
public class Adjustments {

    static final long MAX = 1_000_000;
    static final Set<String> STATUSES = Set.of("pending", "applied", "rejected");

    public record Adjustment(
            long id,
            long customerId,
            @Nullable String customerName,
            long points,
            String reason,
            String status,
            String requestedBy,
            @Nullable String decidedBy,
            Instant at,
            @Nullable Instant decidedAt) {}

    public record Input(@Nullable Long points, @Nullable String reason) {}

    private static final String SELECT = "select id, customer_id, points, reason, status, requested_by, decided_by, at,"
            + " decided_at from points_adjustment";

    private final JdbcClient jdbc;
    private final Members members;
    private final Points points;
    private final Clock clock;

    Adjustments(JdbcClient jdbc, Members members, Points points, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.points = points;
        this.clock = clock;
    }

    @Transactional
    public Adjustment request(long customerId, Input input) {
        var problems = new ArrayList<FieldProblem>();
        long amount = input.points() == null ? 0 : input.points();
        if (amount == 0 || Math.abs(amount) > MAX) {
            problems.add(new FieldProblem("points", "loyalty.adjustment.points", MAX));
        }
        var reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            problems.add(new FieldProblem("reason", "loyalty.adjustment.reason", 200));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        if (!members.isMember(customerId)) {
            throw DomainException.notFound("member", customerId);
        }
        long id = jdbc.sql("""
                        insert into points_adjustment (customer_id, points, reason, requested_by, at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(customerId, amount, reason, Actor.currentName(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<Adjustment> list(@Nullable String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw DomainException.invalid("status", "loyalty.adjustment.status", String.join(", ", STATUSES));
        }
        var rows = status == null
                ? jdbc.sql(SELECT + " order by id desc limit 200")
                        .query(Adjustments::row)
                        .list()
                : jdbc.sql(SELECT + " where status = ? order by id desc limit 200")
                        .param(status)
                        .query(Adjustments::row)
                        .list();
        return named(rows);
    }

    private List<Adjustment> named(List<Adjustment> rows) {
        var names = members.names(
                rows.stream().map(Adjustment::customerId).distinct().toList());
        return rows.stream()
                .map(a -> new Adjustment(
                        a.id(),
                        a.customerId(),
                        names.get(a.customerId()),
                        a.points(),
                        a.reason(),
                        a.status(),
                        a.requestedBy(),
                        a.decidedBy(),
                        a.at(),
                        a.decidedAt()))
                .toList();
    }

    /** Applies a pending adjustment; the one who asked for it may not. */
    @Transactional
    public Adjustment approve(long id) {
        var adjustment = pending(id);
        var approver = Actor.currentName();
        var context = new Points.Context(
                "manual", "adjustment:" + id, adjustment.reason(), adjustment.requestedBy(), approver);
        var key = "adjustment:" + id;
        if (adjustment.points() > 0) {
            points.grant(adjustment.customerId(), adjustment.points(), key, "adjust", context);
        } else {
            points.take(adjustment.customerId(), -adjustment.points(), key, "adjust", context);
        }
        decide(id, "applied", approver);
        return get(id);
    }

    @Transactional
    public Adjustment reject(long id) {
        pending(id);
        decide(id, "rejected", Actor.currentName());
        return get(id);
    }

    private Adjustment pending(long id) {
        var adjustment = jdbc.sql(SELECT + " where id = ? for update")
                .param(id)
                .query(Adjustments::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("points-adjustment", id));
        if (!adjustment.status().equals("pending")) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.adjustment.decided", adjustment.status());
        }
        if (adjustment.requestedBy().equals(Actor.currentName())) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.adjustment.own");
        }
        return adjustment;
    }

    private void decide(long id, String status, String by) {
        jdbc.sql("update points_adjustment set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(status, by, Timestamp.from(clock.instant()), id)
                .update();
    }

    private Adjustment get(long id) {
        return named(List.of(jdbc.sql(SELECT + " where id = ?")
                        .param(id)
                        .query(Adjustments::row)
                        .single()))
                .getFirst();
    }

    private static Adjustment row(ResultSet rs, int n) throws SQLException {
        var decided = rs.getTimestamp(9);
        return new Adjustment(
                rs.getLong(1),
                rs.getLong(2),
                null,
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                decided == null ? null : decided.toInstant());
    }
}

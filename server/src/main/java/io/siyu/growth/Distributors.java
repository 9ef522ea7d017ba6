package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerResolution;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分销 distributors: a customer applies (an operator approves or rejects) or is appointed; each gets a code to
 * share. The inviter named at application is the parent, whose share of the commission is level 2; the tree may
 * grow deeper, but commission never reaches a third level. A customer who comes through a code is bound to its
 * distributor for good, the first code winning.
 */
@Service
public class Distributors {

    static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String SELECT = """
            select d.id, d.customer_id, c.display_name, d.code, d.parent_id, p.code, pc.display_name, d.status,
                   d.source, d.applied_at, d.decided_by, d.decided_at,
                   (select count(*) from distribution_binding b where b.distributor_id = d.id),
                   (select count(*) from distributor i where i.parent_id = d.id),
                   d.pending, d.available, d.frozen, d.debt, d.withdrawn
            from distributor d
            left join customer c on c.id = d.customer_id
            left join distributor p on p.id = d.parent_id
            left join customer pc on pc.id = p.customer_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CustomerResolution customers;
    private final SecureRandom random = new SecureRandom();

    Distributors(JdbcClient jdbc, Clock clock, CustomerResolution customers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.customers = customers;
    }

    /** A customer applies, or with {@code appoint} an operator makes them a distributor at once. */
    @Transactional
    public Distribution.Distributor apply(Distribution.Application application) {
        var problems = new ArrayList<FieldProblem>();
        var customer = application.customerId();
        if (customer == null) {
            problems.add(new FieldProblem("customerId", "problem.field.required"));
        } else if (customers.existing(List.of(customer)).isEmpty()) {
            problems.add(new FieldProblem("customerId", "growth.distribution.customer", String.valueOf(customer)));
        }
        @Nullable Long parent = null;
        var inviterCode = application.inviterCode();
        if (inviterCode != null && !inviterCode.isBlank()) {
            var inviter = byCode(inviterCode);
            if (inviter.isEmpty() || !inviter.get().status().equals("active")) {
                problems.add(new FieldProblem("inviterCode", "growth.distribution.code", inviterCode));
            } else if (inviter.get().customerId() == (customer == null ? -1 : customer)) {
                problems.add(new FieldProblem("inviterCode", "growth.distribution.self"));
            } else {
                parent = inviter.get().id();
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var existing = jdbc.sql("select id from distributor where customer_id = ?")
                .param(customer)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "growth.distribution.already",
                    get(existing.get()).code());
        }
        boolean appoint = Boolean.TRUE.equals(application.appoint());
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into distributor (customer_id, code, parent_id, status, source, applied_at, decided_by,
                                                 decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, customer_id) do nothing returning id""")
                .params(
                        customer,
                        newCode(),
                        parent,
                        appoint ? "active" : "pending",
                        appoint ? "appointed" : "applied",
                        now,
                        appoint ? Actor.currentName() : null,
                        appoint ? now : null)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "growth.distribution.already", ""));
        return get(id);
    }

    /** An operator decides an application: approve, reject; or suspends / reactivates an active one. */
    @Transactional
    public Distribution.Distributor decide(long id, String verb) {
        var status = jdbc.sql("select status from distributor where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("distributor", id));
        var allowed = switch (verb) {
            case "approve", "reject" -> status.equals("pending");
            case "suspend" -> status.equals("active");
            case "reactivate" -> status.equals("suspended");
            default -> false;
        };
        if (!allowed) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.distribution.status", status);
        }
        var next = switch (verb) {
            case "approve", "reactivate" -> "active";
            case "reject" -> "rejected";
            default -> "suspended";
        };
        jdbc.sql("update distributor set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(next, Actor.currentName(), Timestamp.from(clock.instant()), id)
                .update();
        return get(id);
    }

    /**
     * A customer came through a distributor's code: bound to it unless already bound (the first code wins);
     * a distributor's own code does not bind them.
     */
    @Transactional
    public Distribution.Binding bind(Distribution.BindingInput input) {
        var problems = new ArrayList<FieldProblem>();
        var customer = input.customerId();
        if (customer == null || customers.existing(List.of(customer)).isEmpty()) {
            problems.add(new FieldProblem("customerId", "growth.distribution.customer", String.valueOf(customer)));
        }
        var distributor = input.code() == null ? Optional.<Distribution.Distributor>empty() : byCode(input.code());
        if (distributor.isEmpty() || !distributor.get().status().equals("active")) {
            problems.add(new FieldProblem("code", "growth.distribution.code", String.valueOf(input.code())));
        } else if (customer != null && distributor.get().customerId() == customer) {
            problems.add(new FieldProblem("code", "growth.distribution.self"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        int bound = jdbc.sql("""
                        insert into distribution_binding (customer_id, distributor_id, bound_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(customer, distributor.get().id(), Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("""
                        select b.customer_id, b.distributor_id, d.code, b.bound_at from distribution_binding b
                        join distributor d on d.id = b.distributor_id where b.customer_id = ?""")
                .param(customer)
                .query((rs, n) -> new Distribution.Binding(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        bound == 1))
                .single();
    }

    @Transactional(readOnly = true)
    public Distribution.Distributor get(long id) {
        return jdbc.sql(SELECT + " where d.id = ?")
                .param(id)
                .query(Distributors::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("distributor", id));
    }

    /** Newest first; {@code status} filters, {@code parentId} lists the distributors one invited. */
    @Transactional(readOnly = true)
    public CursorPage<Distribution.Distributor> list(
            @Nullable String status, @Nullable Long parentId, PageRequest page) {
        var where = new ArrayList<String>(List.of("d.id < ?"));
        var params = new ArrayList<Object>(List.of(page.before()));
        if (status != null) {
            where.add("d.status = ?");
            params.add(status);
        }
        if (parentId != null) {
            where.add("d.parent_id = ?");
            params.add(parentId);
        }
        var rows = jdbc.sql(SELECT + " where " + String.join(" and ", where) + " order by d.id desc limit "
                        + page.fetchSize())
                .params(params)
                .query(Distributors::row)
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Distribution.Distributor::id);
    }

    /** A distributor's ledger, newest first; {@code kind} filters. */
    @Transactional(readOnly = true)
    public CursorPage<Distribution.Entry> entries(long distributor, @Nullable String kind, PageRequest page) {
        get(distributor);
        var rows = jdbc.sql("""
                        select id, distributor_id, kind, ref, level, order_no, base, pending, available, frozen, debt,
                               withdrawn, at
                        from distribution_entry where distributor_id = ? and id < ? and (?::text is null or kind = ?)
                        order by id desc limit %d""".formatted(page.fetchSize()))
                .params(distributor, page.before(), kind, kind)
                .query((rs, n) -> new Distribution.Entry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11),
                        rs.getBigDecimal(12),
                        rs.getTimestamp(13).toInstant()))
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Distribution.Entry::id);
    }

    Optional<Distribution.Distributor> byCode(String code) {
        return jdbc.sql(SELECT + " where d.code = ?")
                .param(code.strip().toUpperCase(Locale.ROOT))
                .query(Distributors::row)
                .optional();
    }

    private String newCode() {
        while (true) {
            var code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
            }
            var taken = jdbc.sql("select exists (select 1 from distributor where code = ?)")
                    .param(code.toString())
                    .query(Boolean.class)
                    .single();
            if (!taken) {
                return code.toString();
            }
        }
    }

    private static Distribution.Distributor row(ResultSet rs, int n) throws SQLException {
        var decidedAt = rs.getTimestamp(12);
        return new Distribution.Distributor(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Long.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getLong(13),
                rs.getLong(14),
                new Distribution.Balances(
                        rs.getBigDecimal(15),
                        rs.getBigDecimal(16),
                        rs.getBigDecimal(17),
                        rs.getBigDecimal(18),
                        rs.getBigDecimal(19)));
    }
}

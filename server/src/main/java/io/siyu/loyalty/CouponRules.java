package io.siyu.loyalty;

import io.siyu.event.EventCatalog;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.TenantCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coupon issuing rules: a template issued for events of a type from the event catalog, within limits. */
@Service
public class CouponRules {

    static final int MAX_PER_CUSTOMER = 100;
    static final int MAX_TOTAL = 10_000_000;
    /** A refund takes something back; it never earns a coupon. */
    static final Set<String> NOT_ISSUING = Set.of("refund");

    private static final String SELECT = """
            select r.id, r.name, t.code, r.event_type, r.filter_property, r.filter_op, r.filter_value,
                   r.per_customer, r.total_limit, r.active, r.updated_at,
                   (select count(*) from coupon_rule_grant g where g.rule_id = r.id and g.issued)
            from coupon_rule r join coupon_template t on t.id = r.template_id""";

    // ingestion reads the active rules for every batch
    private final TenantCache<List<CouponRule>> active = new TenantCache<>(Duration.ofSeconds(10));
    private final JdbcClient jdbc;
    private final EventCatalog catalog;
    private final Clock clock;

    CouponRules(JdbcClient jdbc, EventCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CouponRule> all() {
        return jdbc.sql(SELECT + " order by r.id").query(CouponRules::rule).list();
    }

    @Transactional(readOnly = true)
    public CouponRule get(long id) {
        return jdbc.sql(SELECT + " where r.id = ?")
                .param(id)
                .query(CouponRules::rule)
                .optional()
                .orElseThrow(() -> DomainException.notFound("coupon-rule", id));
    }

    /** The active rules, for the events being stored. */
    List<CouponRule> active() {
        return active.get(() -> jdbc.sql(SELECT + " where r.active order by r.id")
                .query(CouponRules::rule)
                .list());
    }

    @Transactional
    public CouponRule create(CouponRule.Input input) {
        active.changed();
        var columns = check(input);
        long id = jdbc.sql("""
                        insert into coupon_rule (name, template_id, event_type, filter_property, filter_op,
                                                 filter_value, per_customer, total_limit, active, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(columns).query(Long.class).single();
        return get(id);
    }

    @Transactional
    public CouponRule update(long id, CouponRule.Input input) {
        active.changed();
        get(id);
        var values = new ArrayList<@Nullable Object>(Arrays.asList(check(input)));
        values.add(id);
        jdbc.sql("""
                        update coupon_rule set name = ?, template_id = ?, event_type = ?, filter_property = ?,
                            filter_op = ?, filter_value = ?, per_customer = ?, total_limit = ?, active = ?,
                            updated_at = ? where id = ?""").params(values).update();
        return get(id);
    }

    /** Removes a rule; the coupons it issued stay with their members. */
    @Transactional
    public void delete(long id) {
        active.changed();
        jdbc.sql("delete from coupon_rule_grant where rule_id = ?").param(id).update();
        if (jdbc.sql("delete from coupon_rule where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("coupon-rule", id);
        }
    }

    /** The rule's columns as the input describes them, or every problem with it (each naming its field). */
    private @Nullable Object[] check(CouponRule.Input in) {
        var problems = new ArrayList<FieldProblem>();
        var name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > EarningRules.MAX_NAME) {
            problems.add(new FieldProblem("name", "loyalty.rule.name", EarningRules.MAX_NAME));
        }
        var code = in.templateCode() == null ? "" : in.templateCode().strip();
        var template = jdbc.sql("select id from coupon_template where code = ?")
                .param(code)
                .query(Long.class)
                .optional();
        if (template.isEmpty()) {
            problems.add(new FieldProblem("templateCode", "loyalty.tier.coupon", code));
        }
        var type = in.eventType() == null || NOT_ISSUING.contains(in.eventType())
                ? null
                : catalog.byName().get(in.eventType());
        if (type == null) {
            problems.add(new FieldProblem("eventType", "loyalty.coupon-rule.event-type"));
        }
        int perCustomer = in.perCustomer() == null ? 1 : in.perCustomer();
        if (perCustomer < 1 || perCustomer > MAX_PER_CUSTOMER) {
            problems.add(new FieldProblem("perCustomer", "loyalty.coupon.per-customer", MAX_PER_CUSTOMER));
        }
        var total = in.totalLimit();
        if (total != null && (total < 1 || total > MAX_TOTAL)) {
            problems.add(new FieldProblem("totalLimit", "loyalty.coupon-rule.total", MAX_TOTAL));
        }
        var filter = EarningRules.filter(in.filter(), type, problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new @Nullable Object[] {
            name,
            template.orElseThrow(),
            in.eventType(),
            filter == null ? null : filter.property(),
            filter == null ? null : filter.op(),
            filter == null ? null : filter.value(),
            perCustomer,
            total,
            in.active() == null || in.active(),
            Timestamp.from(clock.instant())
        };
    }

    private static CouponRule rule(ResultSet rs, int n) throws SQLException {
        var property = rs.getString(5);
        return new CouponRule(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                property == null ? null : new EarningRule.Filter(property, rs.getString(6), rs.getString(7)),
                rs.getInt(8),
                (Integer) rs.getObject(9),
                rs.getBoolean(10),
                rs.getLong(12),
                rs.getTimestamp(11).toInstant());
    }
}

package io.siyu.loyalty;

import io.siyu.event.EventCatalog;
import io.siyu.event.EventTypeDefinition;
import io.siyu.event.PropertySpec;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.TenantCache;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program's earning rules: points for check-ins, reviews, shares and other events of the catalog. */
@Service
public class EarningRules {

    static final int MAX_NAME = 30;
    static final long MAX_POINTS = 100_000;
    static final long MAX_DAILY_CAP = 10_000_000;
    static final long MAX_TOTAL_CAP = 100_000_000;
    static final Set<String> OPS = Set.of("eq", "gte", "lte");
    /**
     * Types a rule may not earn on: purchases earn by the program's rate (and refunds take it back), and loyalty's
     * own events would feed on themselves (growth moves a tier, which is an event).
     */
    static final Set<String> NOT_EARNING = Set.of(
            "purchase",
            "refund",
            "points_expiring",
            "tier_change",
            "tier_drop_warning",
            "member_anniversary",
            "card_expiring");

    private static final String SELECT = """
            select id, name, event_type, points, growth, filter_property, filter_op, filter_value, daily_cap, total_cap,
                   active, campaign_from, campaign_to, campaign_multiplier, updated_at from earning_rule""";

    // ingestion reads the active rules for every batch
    private final TenantCache<List<EarningRule>> active = new TenantCache<>(Duration.ofSeconds(10));
    private final JdbcClient jdbc;
    private final EventCatalog catalog;
    private final Clock clock;

    EarningRules(JdbcClient jdbc, EventCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<EarningRule> all() {
        return jdbc.sql(SELECT + " order by id").query(EarningRules::rule).list();
    }

    @Transactional(readOnly = true)
    public EarningRule get(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(EarningRules::rule)
                .optional()
                .orElseThrow(() -> DomainException.notFound("earning-rule", id));
    }

    /** The active rules, for the events being stored. */
    List<EarningRule> active() {
        return active.get(() -> jdbc.sql(SELECT + " where active order by id")
                .query(EarningRules::rule)
                .list());
    }

    @Transactional
    public EarningRule create(EarningRule.Input input) {
        active.changed();
        var rule = check(input);
        long id = jdbc.sql("""
                        insert into earning_rule (name, event_type, points, growth, filter_property, filter_op,
                            filter_value, daily_cap, total_cap, active, campaign_from, campaign_to, campaign_multiplier,
                            updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(columns(rule)).query(Long.class).single();
        return get(id);
    }

    @Transactional
    public EarningRule update(long id, EarningRule.Input input) {
        active.changed();
        get(id);
        var rule = check(input);
        var values = new ArrayList<@Nullable Object>(java.util.Arrays.asList(columns(rule)));
        values.add(id);
        jdbc.sql("""
                        update earning_rule set name = ?, event_type = ?, points = ?, growth = ?, filter_property = ?,
                            filter_op = ?, filter_value = ?, daily_cap = ?, total_cap = ?, active = ?, campaign_from = ?,
                            campaign_to = ?, campaign_multiplier = ?, updated_at = ? where id = ?""").params(values).update();
        return get(id);
    }

    /** Removes a rule; what it granted stays in the ledger. */
    @Transactional
    public void delete(long id) {
        active.changed();
        if (jdbc.sql("delete from earning_rule where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("earning-rule", id);
        }
    }

    private @Nullable Object[] columns(EarningRule rule) {
        var filter = rule.filter();
        var campaign = rule.campaign();
        return new @Nullable Object[] {
            rule.name(),
            rule.eventType(),
            rule.points(),
            rule.growth(),
            filter == null ? null : filter.property(),
            filter == null ? null : filter.op(),
            filter == null ? null : filter.value(),
            rule.dailyCap(),
            rule.totalCap(),
            rule.active(),
            campaign == null ? null : Timestamp.from(campaign.from()),
            campaign == null ? null : Timestamp.from(campaign.to()),
            campaign == null ? null : campaign.multiplier(),
            Timestamp.from(clock.instant())
        };
    }

    /** The rule the input describes, or every problem with it (each naming its field). */
    private EarningRule check(EarningRule.Input in) {
        var problems = new ArrayList<FieldProblem>();
        var name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "loyalty.rule.name", MAX_NAME));
        }
        var type = in.eventType() == null || NOT_EARNING.contains(in.eventType())
                ? null
                : catalog.byName().get(in.eventType());
        if (type == null) {
            problems.add(new FieldProblem("eventType", "loyalty.rule.event-type"));
        }
        if (in.points() == null || in.points() < 1 || in.points() > MAX_POINTS) {
            problems.add(new FieldProblem("points", "loyalty.rule.points", MAX_POINTS));
        }
        long growth = in.growth() == null ? 0 : in.growth();
        if (growth < 0 || growth > MAX_POINTS) {
            problems.add(new FieldProblem("growth", "loyalty.rule.growth", MAX_POINTS));
        }
        if (in.dailyCap() == null || in.dailyCap() < 1 || in.dailyCap() > MAX_DAILY_CAP) {
            problems.add(new FieldProblem("dailyCap", "loyalty.rule.daily-cap", MAX_DAILY_CAP));
        }
        if (in.totalCap() != null
                && (in.totalCap() < 1
                        || in.totalCap() > MAX_TOTAL_CAP
                        || (in.dailyCap() != null && in.totalCap() < in.dailyCap()))) {
            problems.add(new FieldProblem("totalCap", "loyalty.rule.total-cap", MAX_TOTAL_CAP));
        }
        var filter = filter(in.filter(), type, problems);
        var campaign = campaign(in.campaign(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new EarningRule(
                0,
                name,
                in.eventType(),
                in.points(),
                growth,
                filter,
                in.dailyCap(),
                in.totalCap(),
                in.active() == null || in.active(),
                campaign,
                clock.instant());
    }

    static EarningRule.@Nullable Filter filter(
            EarningRule.@Nullable FilterInput in, @Nullable EventTypeDefinition type, List<FieldProblem> problems) {
        if (in == null || (isBlank(in.property()) && isBlank(in.op()) && isBlank(in.value()))) {
            return null;
        }
        var spec =
                type == null || in.property() == null ? null : type.properties().get(in.property());
        if (spec == null) {
            problems.add(new FieldProblem("filter.property", "loyalty.rule.filter-property"));
        }
        if (in.op() == null || !OPS.contains(in.op())) {
            problems.add(new FieldProblem("filter.op", "loyalty.rule.filter-op"));
        }
        var value = in.value() == null ? "" : in.value().strip();
        boolean numeric =
                spec != null && (spec.kind() == PropertySpec.Kind.INTEGER || spec.kind() == PropertySpec.Kind.NUMBER);
        boolean wantsNumber = numeric || "gte".equals(in.op()) || "lte".equals(in.op());
        if (value.isEmpty() || value.length() > 64 || (wantsNumber && EarningRule.Filter.number(value) == null)) {
            problems.add(new FieldProblem("filter.value", "loyalty.rule.filter-value", 64));
        } else if (wantsNumber && spec != null && !numeric) {
            // a text property compared as a number never passes: say so on the operator
            problems.add(new FieldProblem("filter.op", "loyalty.rule.filter-op"));
        }
        return spec == null || in.op() == null ? null : new EarningRule.Filter(in.property(), in.op(), value);
    }

    private static EarningRule.@Nullable Campaign campaign(
            EarningRule.@Nullable CampaignInput in, List<FieldProblem> problems) {
        if (in == null || (in.from() == null && in.to() == null && in.multiplier() == null)) {
            return null;
        }
        if (in.from() == null) {
            problems.add(new FieldProblem("campaign.from", "problem.field.required"));
        }
        if (in.to() == null || (in.from() != null && !in.to().isAfter(in.from()))) {
            problems.add(new FieldProblem("campaign.to", "loyalty.rule.campaign-window"));
        }
        var multiplier = in.multiplier();
        if (multiplier == null
                || multiplier.compareTo(BigDecimal.ONE) < 0
                || multiplier.compareTo(BigDecimal.TEN) > 0
                || multiplier.scale() > 2) {
            problems.add(new FieldProblem("campaign.multiplier", "loyalty.rule.campaign-multiplier"));
        }
        return in.from() == null || in.to() == null || multiplier == null
                ? null
                : new EarningRule.Campaign(in.from(), in.to(), multiplier);
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static EarningRule rule(ResultSet rs, int n) throws SQLException {
        var property = rs.getString(6);
        var from = rs.getTimestamp(12);
        return new EarningRule(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                property == null ? null : new EarningRule.Filter(property, rs.getString(7), rs.getString(8)),
                rs.getLong(9),
                (Long) rs.getObject(10),
                rs.getBoolean(11),
                from == null
                        ? null
                        : new EarningRule.Campaign(
                                from.toInstant(), rs.getTimestamp(13).toInstant(), rs.getBigDecimal(14)),
                rs.getTimestamp(15).toInstant());
    }
}

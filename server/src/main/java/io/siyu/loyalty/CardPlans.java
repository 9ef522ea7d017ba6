package io.siyu.loyalty;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paid membership card plans of the program. A plan that sold cards can be switched off but not removed: its
 * cards stay valid until they end.
 */
@Service
public class CardPlans {

    static final int MAX_NAME = 30;
    static final int MAX_BENEFITS = 500;
    static final BigDecimal MAX_PRICE = new BigDecimal("100000");
    static final int MAX_DAYS = 3650;
    static final int MAX_MONTHS = 120;

    private static final String SELECT = """
            select p.id, p.name, p.price, p.validity, p.validity_unit, p.floor_tier, p.benefits, p.active,
                   (select count(*) from member_card c where c.plan_id = p.id and c.status <> 'refunded'), p.updated_at
            from card_plan p""";

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;

    CardPlans(JdbcClient jdbc, Programs programs, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    /** The plans, active first, then by price. */
    @Transactional(readOnly = true)
    public List<CardPlan> all() {
        return jdbc.sql(SELECT + " order by p.active desc, p.price, p.id")
                .query(CardPlans::plan)
                .list();
    }

    @Transactional(readOnly = true)
    public CardPlan get(long id) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(id)
                .query(CardPlans::plan)
                .optional()
                .orElseThrow(() -> DomainException.notFound("card-plan", id));
    }

    @Transactional
    public CardPlan create(CardPlan.Input input) {
        var name = check(input);
        long id = jdbc.sql("""
                        insert into card_plan (name, price, validity, validity_unit, floor_tier, benefits, active, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(values(name, input)).query(Long.class).single();
        return get(id);
    }

    /** Changes a plan; cards bought before keep their periods (a changed tier applies to them from now). */
    @Transactional
    public CardPlan update(long id, CardPlan.Input input) {
        get(id);
        var name = check(input);
        var args = new ArrayList<>(values(name, input));
        args.add(id);
        jdbc.sql("""
                        update card_plan set name = ?, price = ?, validity = ?, validity_unit = ?, floor_tier = ?,
                                             benefits = ?, active = ?, updated_at = ?
                        where id = ?""").params(args).update();
        return get(id);
    }

    /** Removes a plan that never sold a card; one that did can only be switched off. */
    @Transactional
    public void delete(long id) {
        get(id);
        if (jdbc.sql("select exists (select 1 from member_card where plan_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single()) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.card.plan-sold");
        }
        jdbc.sql("delete from card_plan where id = ?").param(id).update();
    }

    private List<Object> values(String name, CardPlan.Input input) {
        var benefits = input.benefits() == null || input.benefits().isBlank()
                ? null
                : input.benefits().strip();
        var values = new ArrayList<Object>();
        values.add(name);
        values.add(input.price());
        values.add(input.validity());
        values.add(input.validityUnit());
        values.add(input.floorTier());
        values.add(benefits);
        values.add(input.active() == null || input.active());
        values.add(Timestamp.from(clock.instant()));
        return values;
    }

    /** Answers the stripped name, or refuses the plan naming every bad field. */
    private String check(CardPlan.Input input) {
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "loyalty.card.name", MAX_NAME));
        }
        var price = input.price();
        if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 2) {
            problems.add(new FieldProblem("price", "loyalty.card.price", MAX_PRICE.toPlainString()));
        }
        var unit = input.validityUnit();
        if (unit == null || !(unit.equals("days") || unit.equals("months"))) {
            problems.add(new FieldProblem("validityUnit", "loyalty.card.validity-unit"));
        }
        var validity = input.validity();
        boolean months = "months".equals(unit);
        if (validity == null || validity < 1 || validity > (months ? MAX_MONTHS : MAX_DAYS)) {
            problems.add(
                    months
                            ? new FieldProblem("validity", "loyalty.card.validity-months", MAX_MONTHS)
                            : new FieldProblem("validity", "loyalty.card.validity-days", MAX_DAYS));
        }
        var tiers = programs.get().tiers();
        if (input.floorTier() != null
                && tiers.stream().noneMatch(t -> t.level() == input.floorTier().intValue())) {
            problems.add(new FieldProblem(
                    "floorTier", "loyalty.card.floor-tier", String.valueOf(input.floorTier()), tiers.size()));
        }
        if (input.benefits() != null && input.benefits().strip().length() > MAX_BENEFITS) {
            problems.add(new FieldProblem("benefits", "loyalty.card.benefits", MAX_BENEFITS));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return name;
    }

    static CardPlan plan(ResultSet rs, int n) throws SQLException {
        return new CardPlan(
                rs.getLong(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getInt(4),
                rs.getString(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getLong(9),
                rs.getTimestamp(10).toInstant());
    }
}

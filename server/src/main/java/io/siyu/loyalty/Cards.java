package io.siyu.loyalty;

import io.siyu.customer.CustomerResolution;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paid membership cards (付费会员卡) members hold. A shop reports each paid purchase with its own key: the first
 * report makes the customer a member (if not yet) and adds a period to their card — starting now, or, bought while
 * the card is valid, where it ends (a renewal); the same key again changes nothing. A refund ends its period and
 * moves later ones up; a member whose card ended keeps their membership, points and growth, but loses the card's
 * tier floor and benefits (and, under the paid_card join rule, stops earning). Every change runs under the
 * member's row lock.
 */
@Service
public class Cards {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final BigDecimal MAX_AMOUNT = CardPlans.MAX_PRICE;

    private static final String SELECT = """
            select c.id, c.customer_id, c.plan_id, p.name, c.purchase_key, c.amount, c.renewal, c.valid_from,
                   c.valid_until, c.status, c.bought_at, c.ended_at
            from member_card c join card_plan p on p.id = c.plan_id""";

    private final JdbcClient jdbc;
    private final CardPlans plans;
    private final Members members;
    private final Points points;
    private final Programs programs;
    private final CustomerResolution customers;
    private final Clock clock;

    Cards(
            JdbcClient jdbc,
            CardPlans plans,
            Members members,
            Points points,
            Programs programs,
            CustomerResolution customers,
            Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.members = members;
        this.points = points;
        this.programs = programs;
        this.customers = customers;
        this.clock = clock;
    }

    /** Records a paid card purchase once per key; a key seen before answers its purchase and changes nothing. */
    @Transactional
    public MemberCard.Purchased purchase(MemberCard.Purchase purchase) {
        var problems = new ArrayList<FieldProblem>();
        if (purchase.customerId() == null) {
            problems.add(new FieldProblem("customerId", "problem.field.required"));
        } else if (customers.existing(List.of(purchase.customerId())).isEmpty()) {
            problems.add(
                    new FieldProblem("customerId", "loyalty.card.customer", String.valueOf(purchase.customerId())));
        }
        if (purchase.planId() == null) {
            problems.add(new FieldProblem("planId", "problem.field.required"));
        } else if (!planExists(purchase.planId())) {
            problems.add(new FieldProblem("planId", "loyalty.card.plan-unknown", String.valueOf(purchase.planId())));
        }
        if (purchase.purchaseKey() == null
                || !KEY.matcher(purchase.purchaseKey()).matches()) {
            problems.add(new FieldProblem("purchaseKey", "loyalty.card.key", 64));
        }
        var amount = purchase.amount();
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2)) {
            problems.add(new FieldProblem("amount", "loyalty.card.amount", MAX_AMOUNT.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long customer = Objects.requireNonNull(purchase.customerId());
        var key = Objects.requireNonNull(purchase.purchaseKey());
        members.ensure(List.of(customer), "card");
        points.lock(customer);
        var earlier = byKey(key);
        if (earlier.isPresent()) {
            if (earlier.get().customerId() != customer) {
                throw new DomainException(HttpStatus.CONFLICT, "loyalty.card.key-taken", key);
            }
            return new MemberCard.Purchased(earlier.get(), false);
        }
        var plan = plans.get(Objects.requireNonNull(purchase.planId()));
        if (!plan.active()) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.card.plan-inactive", plan.name());
        }
        var now = clock.instant();
        var end = jdbc.sql("""
                        select max(valid_until) from member_card
                        where customer_id = ? and status = 'active' and valid_until > ?""")
                .params(customer, Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
        var from = end.orElse(now);
        long id = jdbc.sql("""
                        insert into member_card (customer_id, plan_id, purchase_key, amount, renewal, valid_from,
                                                 valid_until, bought_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        customer,
                        plan.id(),
                        key,
                        amount == null ? plan.price() : amount,
                        end.isPresent(),
                        Timestamp.from(from),
                        Timestamp.from(plan.endOf(from, programs.zone())),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        members.settleTier(customer, "card:" + id);
        return new MemberCard.Purchased(get(id), true);
    }

    /**
     * Refunds a card purchase: its period ends now (or, not begun, never comes) and later periods move up to close
     * the gap; the member's tier follows. A purchase refunded before answers as it is.
     */
    @Transactional
    public MemberCard refund(MemberCard.Refund refund) {
        var key = refund.purchaseKey();
        if (key == null || !KEY.matcher(key).matches()) {
            throw DomainException.invalid("purchaseKey", "loyalty.card.key", 64);
        }
        var found = byKey(key).orElseThrow(() -> DomainException.notFound("card-purchase", key));
        points.lock(found.customerId());
        var card = get(found.id());
        if (card.status().equals("refunded")) {
            return card;
        }
        // PostgreSQL keeps microseconds: a period moved up must start exactly now, not a fraction after it
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (card.status().equals("active")) {
            var start = card.validFrom().isAfter(now) ? card.validFrom() : now;
            var cut = Duration.between(start, card.validUntil());
            jdbc.sql("""
                            update member_card set valid_from = valid_from - ?::interval, valid_until = valid_until - ?::interval
                            where customer_id = ? and status = 'active' and id <> ? and valid_from >= ?""")
                    .params(
                            cut.toNanos() / 1000 + " microseconds",
                            cut.toNanos() / 1000 + " microseconds",
                            card.customerId(),
                            card.id(),
                            Timestamp.from(card.validUntil()))
                    .update();
        }
        jdbc.sql("""
                        update member_card set status = 'refunded', refunded_at = ?, ended_at = coalesce(ended_at, ?)
                        where id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), card.id())
                .update();
        members.settleTier(card.customerId(), "card-refund:" + card.id());
        return get(card.id());
    }

    /** A member's card purchases, newest period first. */
    @Transactional(readOnly = true)
    public List<MemberCard> history(long customerId) {
        members.get(customerId);
        return jdbc.sql(SELECT + " where c.customer_id = ? order by c.valid_from desc, c.id desc limit 100")
                .param(customerId)
                .query(Cards::card)
                .list();
    }

    MemberCard get(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(Cards::card).single();
    }

    private java.util.Optional<MemberCard> byKey(String key) {
        return jdbc.sql(SELECT + " where c.purchase_key = ?")
                .param(key)
                .query(Cards::card)
                .optional();
    }

    private boolean planExists(long id) {
        return jdbc.sql("select exists (select 1 from card_plan where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Those of these customers whose paid card is valid now. */
    Set<Long> holdersAmong(Collection<Long> customerIds) {
        var holders = new HashSet<Long>();
        if (!customerIds.isEmpty()) {
            var now = Timestamp.from(clock.instant());
            jdbc.sql("""
                            select distinct customer_id from member_card
                            where customer_id = any(?::bigint[]) and status = 'active' and valid_from <= ? and valid_until > ?""")
                    .params(customerIds.stream().distinct().toArray(Long[]::new), now, now)
                    .query(rs -> {
                        holders.add(rs.getLong(1));
                    });
        }
        return holders;
    }

    /**
     * The member's card as their detail shows it: the plan in force and the end of its last period, or, with none
     * in force, the last one that ended; null for a member who never held one.
     */
    static Member.@Nullable Card holding(JdbcClient jdbc, long customerId, Instant now) {
        var at = Timestamp.from(now);
        return jdbc.sql("""
                        select p.id, p.name, c.status = 'active' and c.valid_from <= ? and c.valid_until > ?,
                               case when c.status = 'active'
                                    then (select max(valid_until) from member_card a
                                          where a.customer_id = c.customer_id and a.status = 'active')
                                    else coalesce(c.ended_at, c.valid_until) end,
                               p.floor_tier, p.benefits
                        from member_card c join card_plan p on p.id = c.plan_id
                        where c.customer_id = ?
                        order by (c.status = 'active' and c.valid_from <= ? and c.valid_until > ?) desc,
                                 (c.status = 'active') desc,
                                 coalesce(c.ended_at, c.valid_until) desc, c.id desc
                        limit 1""")
                .params(at, at, customerId, at, at)
                .query((rs, n) -> new Member.Card(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        (Integer) rs.getObject(5),
                        rs.getString(6)))
                .optional()
                .orElse(null);
    }

    static MemberCard card(ResultSet rs, int n) throws SQLException {
        var ended = rs.getTimestamp(12);
        return new MemberCard(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                ended == null ? null : ended.toInstant());
    }
}

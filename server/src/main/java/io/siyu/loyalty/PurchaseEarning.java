package io.siyu.loyalty;

import io.siyu.event.EventObserver;
import io.siyu.event.EventType;
import io.siyu.event.StoredEvent;
import io.siyu.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears paid orders and refunds in the transaction that records them, and moves the member's points and growth
 * with them: a purchase earns {@code floor(paid × points per yuan × tier multiplier)} (within the daily cap) and
 * growth, once per order; a refund takes back the order's share of both, once per refund. With the "purchase"
 * join rule, a customer's first paid order makes them a member; under the "paid_card" rule only members whose paid
 * card is valid earn.
 */
@Component
class PurchaseEarning implements EventObserver {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Members members;
    private final Points points;
    private final Cards cards;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PurchaseEarning(JdbcClient jdbc, Programs programs, Members members, Points points, Cards cards, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.members = members;
        this.points = points;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        int purchase = EventType.PURCHASE.code();
        int refund = EventType.REFUND.code();
        var earning = new ArrayList<StoredEvent>();
        for (var event : events) {
            if ((event.type() == purchase || event.type() == refund) && event.properties() != null) {
                earning.add(event);
            }
        }
        if (earning.isEmpty()) {
            return;
        }
        var program = programs.get();
        // one question for the whole batch, not one per purchase
        var buyers = earning.stream()
                .filter(e -> e.type() == purchase)
                .map(StoredEvent::customerId)
                .toList();
        // under the paid_card rule only those whose card is valid earn
        var members = switch (program.joinRule()) {
            case "purchase" -> null;
            case "paid_card" -> cards.holdersAmong(buyers);
            default -> this.members.membersAmong(buyers);
        };
        for (var event : earning) {
            var properties = json.readTree(event.properties());
            var orderId = properties.path("orderId").asString("");
            var amount = amount(properties);
            if (orderId.isEmpty() || amount == null || amount.signum() <= 0) {
                continue;
            }
            if (event.type() == purchase) {
                if (members == null) {
                    this.members.ensure(List.of(event.customerId()), "purchase");
                } else if (!members.contains(event.customerId())) {
                    continue;
                }
                purchased(program, event.customerId(), orderId, amount);
            } else {
                var refundId = properties.path("refundId").asString("");
                refunded(event.customerId(), orderId, refundId.isEmpty() ? orderId : refundId, amount);
            }
        }
    }

    private void purchased(Program program, long customer, String orderId, BigDecimal amount) {
        points.lock(customer);
        var tier = program.tier(tierOf(customer));
        long earned = amount.multiply(program.pointsPerYuan())
                .multiply(tier.multiplier())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        if (program.dailyCap() != null) {
            earned = Math.min(earned, Math.max(0, program.dailyCap() - earnedToday(customer)));
        }
        var key = "purchase:" + orderId;
        if (earned > 0) {
            points.grant(customer, earned, key, "earn", Points.Context.of("purchase", orderId));
        }
        long growth = amount.multiply(program.growthPerYuan())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        members.addGrowth(customer, growth, amount, key, "purchase", orderId);
        var referralPoints = program.referralPoints() == null ? 0 : program.referralPoints();
        if (referralPoints > 0) {
            // the referee's first paid order rewards the referrer; the key makes it the only time
            members.referrerOf(customer)
                    .ifPresent(referrer -> points.grant(
                            referrer,
                            referralPoints,
                            "referral:" + customer,
                            "earn",
                            Points.Context.of("referral", String.valueOf(customer))));
        }
    }

    /** Takes back the refunded share of what the order earned; the last refund takes whatever is left. */
    private void refunded(long customer, String orderId, String refundId, BigDecimal refund) {
        var bought = jdbc.sql("select customer_id, growth, amount from member_growth where key = ?")
                .param("purchase:" + orderId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)})
                .optional();
        if (bought.isEmpty()) {
            return;
        }
        long member = (Long) bought.get()[0];
        long growth = (Long) bought.get()[1];
        var paid = (BigDecimal) bought.get()[2];
        points.lock(member);
        var share = refund.min(paid).divide(paid, 8, RoundingMode.HALF_UP);
        var key = "refund:" + refundId;
        var earn = points.byKey("purchase:" + orderId);
        if (earn.isPresent()) {
            long earned = earn.get().points();
            long takenBefore = jdbc.sql("""
                            select coalesce(-sum(points) + sum(shortfall), 0) from points_entry
                            where kind = 'reverse' and ref = ? and source = 'refund'""").param(orderId).query(Long.class).single();
            long due = Math.min(
                    earned - takenBefore,
                    share.multiply(BigDecimal.valueOf(earned))
                            .setScale(0, RoundingMode.HALF_UP)
                            .longValue());
            points.reverse(
                    member, due, key, points.lotOf(earn.get().id()).orElse(null), Points.Context.of("refund", orderId));
        }
        long growthBefore = jdbc.sql(
                        "select coalesce(-sum(growth), 0) from member_growth where ref = ? and source = 'refund'")
                .param(orderId)
                .query(Long.class)
                .single();
        long growthDue = Math.min(
                growth - growthBefore,
                share.multiply(BigDecimal.valueOf(growth))
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValue());
        if (growthDue > 0) {
            members.addGrowth(member, -growthDue, refund.negate(), key, "refund", orderId);
        }
    }

    private int tierOf(long customer) {
        return jdbc.sql("select tier from member where customer_id = ?")
                .param(customer)
                .query(Integer.class)
                .single();
    }

    private long earnedToday(long customer) {
        var zone = programs.zone();
        var start =
                java.time.LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        return jdbc.sql("""
                        select coalesce(sum(points), 0) from points_entry
                        where customer_id = ? and kind = 'earn' and source = 'purchase' and at >= ?""")
                .params(customer, Timestamp.from(start))
                .query(Long.class)
                .single();
    }

    private static BigDecimal amount(JsonNode properties) {
        var node = properties.path("amount");
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asString(""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

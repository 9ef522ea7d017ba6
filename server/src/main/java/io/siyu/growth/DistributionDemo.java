package io.siyu.growth;

import io.siyu.commerce.Order;
import io.siyu.commerce.Orders;
import io.siyu.commerce.Product;
import io.siyu.commerce.Products;
import io.siyu.shared.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo data for 分销, made as a shop would: distributors appointed and applying (one pending, one rejected) in a
 * tree three deep, customers bound through their codes, and half a year of orders through {@link Orders}: the
 * older ones released, some refunded before release (cancelled) and after (clawed back), this week's held;
 * withdrawals asked for, one approved (the background work pays it), one rejected and one waiting for review.
 */
@Service
public class DistributionDemo {

    static final String OPERATOR = "运营 李娜";

    private final DistributionSettings settings;
    private final Distributors distributors;
    private final Commissions commissions;
    private final Withdrawals withdrawals;
    private final Orders orders;
    private final Products products;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DistributionDemo(
            DistributionSettings settings,
            Distributors distributors,
            Commissions commissions,
            Withdrawals withdrawals,
            Orders orders,
            Products products,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock) {
        this.settings = settings;
        this.distributors = distributors;
        this.commissions = commissions;
        this.withdrawals = withdrawals;
        this.orders = orders;
        this.products = products;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Answers how many orders earned commission. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int load() {
        var customers = jdbc.sql("select id from customer where survivor_id is null order by id offset 200 limit 80")
                .query(Long.class)
                .list();
        var catalogue = products.list(null, null, null, PageRequest.of(50, null)).items().stream()
                .filter(Product::active)
                .toList();
        if (customers.size() < 80 || catalogue.isEmpty()) {
            return 0;
        }
        settings.update(new Distribution.SettingsInput(
                7, new BigDecimal("10"), new BigDecimal("3"), BigDecimal.ONE, null, null));
        var hero = catalogue.getFirst();
        settings.putRate(new Distribution.RateInput("product", hero.sku(), new BigDecimal("20"), new BigDecimal("8")));
        if (hero.category() != null) {
            settings.putRate(
                    new Distribution.RateInput("category", hero.category(), new BigDecimal("15"), new BigDecimal("5")));
        }
        var top = appoint(customers.get(0), null);
        var east = appoint(customers.get(1), top.code());
        var west = appoint(customers.get(2), top.code());
        var third = appoint(customers.get(3), east.code());
        var waiting = distributors.apply(new Distribution.Application(customers.get(4), west.code(), false));
        var turnedDown = distributors.apply(new Distribution.Application(customers.get(5), null, false));
        distributors.decide(turnedDown.id(), "reject");
        var codes = List.of(top.code(), east.code(), east.code(), west.code(), third.code());
        for (int i = 10; i < customers.size(); i++) {
            distributors.bind(new Distribution.BindingInput(customers.get(i), codes.get(i % codes.size())));
        }
        var now = clock.instant();
        jdbc.sql("update distribution_binding set bound_at = ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(200))))
                .update();
        jdbc.sql(
                        "update distributor set applied_at = applied_at - interval '190 days', decided_at = decided_at - interval '190 days'"
                                + " where id <> ?")
                .param(waiting.id())
                .update();

        var random = new SplittableRandom(61);
        var paid = new ArrayList<Paid>();
        for (int month = 5; month >= 0; month--) {
            int count = 8 + random.nextInt(6);
            for (int n = 0; n < count; n++) {
                var at = now.minus(Duration.ofDays(month * 30L + random.nextInt(month == 0 ? 6 : 28)))
                        .minus(Duration.ofMinutes(random.nextInt(600)));
                var product = catalogue.get(random.nextInt(Math.min(catalogue.size(), 8)));
                long customer = customers.get(10 + random.nextInt(customers.size() - 10));
                paid.add(order(paid.size() + 1, customer, product, 1 + random.nextInt(2), at));
            }
        }
        // refunded inside the window: the held commission is cancelled
        for (int i = 3; i < paid.size(); i += 9) {
            refund(paid.get(i), "half", paid.get(i).at().plus(Duration.ofDays(2)));
        }
        while (commissions.releaseDue() == Commissions.BATCH) {
            // the older orders' windows have closed
        }
        // refunded after the window: released commission is clawed back
        for (int i = 5; i < paid.size() - 12; i += 11) {
            refund(paid.get(i), "all", paid.get(i).at().plus(Duration.ofDays(12)));
        }
        datesOfEntries();

        var eastBalance = distributors.get(east.id()).balances().available();
        if (eastBalance.compareTo(BigDecimal.TEN) > 0) {
            withdrawals.approve(withdraw(east.id(), eastBalance.subtract(BigDecimal.TEN), "DEMO-W-1"));
        }
        if (distributors.get(top.id()).balances().available().compareTo(BigDecimal.TEN) > 0) {
            withdrawals.reject(
                    withdraw(top.id(), BigDecimal.TEN, "DEMO-W-2"), new Distribution.Decision("收款账户未实名认证，请实名后重新申请"));
        }
        var westBalance = distributors.get(west.id()).balances().available();
        if (westBalance.compareTo(BigDecimal.ONE) > 0) {
            withdraw(west.id(), westBalance, "DEMO-W-3");
        }
        jdbc.sql(
                        "update distribution_withdrawal set requested_at = requested_at - interval '2 days' where request_key <> 'DEMO-W-3'")
                .update();
        jdbc.sql("update distribution_withdrawal set decided_by = ?, decided_at = requested_at + interval '3 hours'"
                        + " where decided_by is not null")
                .param(OPERATOR)
                .update();
        jdbc.sql("update distribution_settings set updated_by = ?")
                .param(OPERATOR)
                .update();
        jdbc.sql("update distributor set decided_by = ? where decided_by is not null")
                .param(OPERATOR)
                .update();
        return paid.size();
    }

    private record Paid(String orderNo, BigDecimal total, Instant at) {}

    /** Asks for the whole yuan of {@code amount}; answers the withdrawal's id. */
    private long withdraw(long distributor, BigDecimal amount, String key) {
        return withdrawals
                .request(distributor, new Distribution.WithdrawalInput(amount.setScale(0, RoundingMode.DOWN), key))
                .id();
    }

    private Distribution.Distributor appoint(long customer, String inviter) {
        return distributors.apply(new Distribution.Application(customer, inviter, true));
    }

    private Paid order(int n, long customer, Product product, int quantity, Instant at) {
        var orderNo = "FX-DEMO-%04d".formatted(n);
        var total = product.price().multiply(BigDecimal.valueOf(quantity));
        var record = json.createObjectNode()
                .put("orderNo", orderNo)
                .put("placedAt", at.toString())
                .put("channel", "分销推广");
        record.putObject("customer").put("customerId", customer);
        record.putArray("lines").addObject().put("sku", product.sku()).put("quantity", quantity);
        record.putArray("payments")
                .addObject()
                .put("paymentNo", orderNo + "-P")
                .put("amount", total)
                .put("method", "wechat")
                .put("paidAt", at.plusSeconds(40).toString());
        orders.ingest(List.<JsonNode>of(record), "orders[%d]", "demo", false);
        return new Paid(orderNo, total, at.plusSeconds(40));
    }

    private void refund(Paid paid, String how, Instant after) {
        var at = after.isAfter(clock.instant()) ? clock.instant() : after;
        var amount = how.equals("all") ? paid.total() : paid.total().divide(BigDecimal.TWO, 2, RoundingMode.DOWN);
        orders.refund(paid.orderNo(), new Order.Refund(paid.orderNo() + "-R", amount, "demo", at));
        jdbc.sql("update distribution_entry set at = ? where ref = ?")
                .params(Timestamp.from(at), paid.orderNo() + "-R")
                .update();
    }

    /** The entries happened when their orders did: earned at payment, released when the window closed. */
    private void datesOfEntries() {
        jdbc.sql("""
                        update distribution_entry e set at = case e.kind when 'commission' then o.paid_at else o.release_at end
                        from distribution_order o where o.order_no = e.ref and e.kind in ('commission', 'release')""").update();
        jdbc.sql("update distribution_order set released_at = release_at where released_at is not null")
                .update();
    }
}

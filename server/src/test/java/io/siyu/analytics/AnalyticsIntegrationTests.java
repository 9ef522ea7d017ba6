package io.siyu.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every analytics figure against an independent computation — SQL written here over the raw tables, or the
 * generator's own bookkeeping — on generated customers, events, orders, WeCom relations and messages.
 */
class AnalyticsIntegrationTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.siyu.segment.SegmentEngine engine;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DAY = "(e.occurred_at at time zone 'Asia/Shanghai')::date";
    static final String BEHAVIOUR = "e.type between 0 and 5";

    TestTenants.Fixture fixture;
    ApiClient admin;
    LocalDate today;
    LocalDate from;
    LocalDate to;
    /** Per customer (by mobile): the day of their first order with a lead product, and whether a later one had none. */
    final Map<String, LocalDate> firstLead = new HashMap<>();

    final Map<String, Boolean> convertedAfterLead = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        today = LocalDate.now(ZONE);
        to = today.minusDays(1);
        from = to.minusDays(29);
    }

    static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant().toString();
    }

    static String mobile(int customer) {
        return "1390100%04d".formatted(customer);
    }

    /** 160 customers: WeCom adds and losses, behaviour events, purchase events, and orders with lead and hero products. */
    void generate() {
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "正价课", "role": "hero", "price": 300},
                              {"sku": "TRIAL-1", "name": "体验课", "role": "lead", "price": 10}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        var random = new Random(20261130);
        var events = new ArrayList<String>();
        var types = List.of("view", "favorite", "add_to_cart", "share", "message");
        for (int c = 0; c < 160; c++) {
            var customer = "{\"mobile\": \"%s\"}".formatted(mobile(c));
            if (random.nextDouble() < 0.75) {
                var added = today.minusDays(1 + random.nextInt(70));
                events.add(event("a" + c, "wecom_add", added, customer, "{\"staffId\": \"zhang\"}"));
                if (random.nextDouble() < 0.25) {
                    var lost = added.plusDays(random.nextInt((int) (to.toEpochDay() - added.toEpochDay()) + 1));
                    events.add(event("l" + c, "wecom_loss", lost, customer, "{\"staffId\": \"zhang\"}"));
                }
            }
            int n = random.nextInt(7);
            for (int k = 0; k < n; k++) {
                var day = today.minusDays(1 + random.nextInt(70));
                events.add(event("b" + c + "-" + k, types.get(random.nextInt(types.size())), day, customer, "{}"));
            }
        }
        for (int i = 0; i < events.size(); i += 500) {
            var batch = events.subList(i, Math.min(events.size(), i + 500));
            var response = admin.post("/api/v1/events", "{\"events\": [" + String.join(",", batch) + "]}");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("rejected").size())
                    .as(response.body())
                    .isZero();
        }
        var orders = new ArrayList<String>();
        for (int o = 0; o < 60; o++) {
            int c = random.nextInt(50);
            var day = today.minusDays(1 + random.nextInt(70));
            boolean lead = random.nextBoolean();
            var sku = lead ? "TRIAL-1" : "HERO-1";
            int amount = lead ? 10 : 300;
            orders.add("""
                    {"orderNo": "SO-%d", "customer": {"mobile": "%s"}, "placedAt": "%s",
                     "lines": [{"sku": "%s", "quantity": 1}],
                     "payments": [{"paymentNo": "P-%d", "amount": %d, "paidAt": "%s", "method": "wechat"}]}""".formatted(o, mobile(c), at(day, 9), sku, o, amount, at(day, 10)));
        }
        var response = admin.post("/api/v1/orders", "{\"orders\": [" + String.join(",", orders) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var refund = admin.post("/api/v1/orders/SO-1/refunds", """
                {"refundNo": "R-1", "amount": 5, "refundedAt": "%s"}""".formatted(at(to, 23)));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
    }

    static String event(String id, String type, LocalDate day, String customer, String properties) {
        return """
                {"eventId": "%s", "type": "%s", "occurredAt": "%s", "customer": %s, "properties": %s}""".formatted(id, type, at(day, 12), customer, properties);
    }

    /** Customers (live profiles) with an event matching {@code where}; {@code e} is the event, {@code c} its profile. */
    long customers(String where) {
        return sql.count(fixture.tenant(), """
                select count(distinct coalesce(c.survivor_id, c.id)) from event e join customer c on c.id = e.customer_id
                where\s""" + where);
    }

    String between(LocalDate a, LocalDate b) {
        return DAY + " between '" + a + "' and '" + b + "'";
    }

    /** Customers who had added a staff member by the day and lost none by then. */
    String asset(LocalDate day) {
        return "e.type = 7 and " + DAY + " <= '" + day + "' and not exists (select 1 from event x where x.customer_id"
                + " = e.customer_id and x.type = 8 and (x.occurred_at at time zone 'Asia/Shanghai')::date <= '" + day
                + "')";
    }

    /** Waits until the segment index has the generated events (it adds them after they commit); answers the adds. */
    long awaitIndex() {
        long adds = customers("e.type = 7 and " + between(from, to));
        eventually(() -> assertThat(metrics(get("/api/v1/analytics/funnel?" + range()))
                        .get("wecomAdds")
                        .path("value")
                        .asLong())
                .isEqualTo(adds));
        return adds;
    }

    Map<String, JsonNode> metrics(JsonNode funnel) {
        var metrics = new HashMap<String, JsonNode>();
        funnel.path("stages")
                .forEach(stage -> stage.path("metrics")
                        .forEach(m -> metrics.put(m.path("key").asString(), m)));
        return metrics;
    }

    JsonNode get(String path) {
        var response = admin.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String range() {
        return "from=" + from + "&to=" + to;
    }

    /** An order of one line, paid at noon of the day unless {@code paid} is false. */
    String order(String no, String mobile, String sku, int amount, LocalDate day, boolean paid) {
        var payments = paid
                ? "[{\"paymentNo\": \"P-%s\", \"amount\": %d, \"paidAt\": \"%s\"}]".formatted(no, amount, at(day, 12))
                : "[]";
        return """
                {"orderNo": "%s", "customer": {"mobile": "%s"}, "placedAt": "%s",
                 "lines": [{"sku": "%s", "quantity": 1}], "payments": %s}""".formatted(no, mobile, at(day, 9), sku, payments);
    }

    void post(String path, String body) {
        var response = admin.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("rejected").size()).as(response.body()).isZero();
    }

    /** Trial customers and converted ones, as the funnel answers them for the period. */
    List<Long> trials() {
        var m = metrics(get("/api/v1/analytics/funnel?" + range()));
        long trials = m.get("trialCustomers").path("value").asLong();
        var rate = m.get("trialToPaid").path("value");
        return List.of(
                trials,
                rate.isNull()
                        ? 0
                        : rate.decimalValue()
                                .multiply(BigDecimal.valueOf(trials))
                                .setScale(0, java.math.RoundingMode.HALF_UP)
                                .longValue());
    }

    @Test
    void trialConversionFollowsPaymentsLeadProductChangesAndMerges() {
        post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "正价课", "role": "hero", "price": 300},
                              {"sku": "TRIAL-1", "name": "体验课", "role": "lead", "price": 10},
                              {"sku": "KIT-1", "name": "体验礼盒", "role": "hero", "price": 50}]}""");
        var before = from.minusDays(10);
        post(
                "/api/v1/orders",
                "{\"orders\": ["
                        + String.join(
                                ",",
                                List.of(
                                        // A: a trial in the period, then the full course: converted
                                        order("A1", mobile(1), "TRIAL-1", 10, from.plusDays(2), true),
                                        order("A2", mobile(1), "HERO-1", 300, from.plusDays(5), true),
                                        // B: a trial in the period, nothing after
                                        order("B1", mobile(2), "TRIAL-1", 10, from.plusDays(3), true),
                                        // C: first trial before the period: not a trial customer of it
                                        order("C1", mobile(3), "TRIAL-1", 10, before, true),
                                        order("C2", mobile(3), "TRIAL-1", 10, from.plusDays(4), true),
                                        // D: a trial order not paid yet
                                        order("D1", mobile(4), "TRIAL-1", 10, from.plusDays(6), false),
                                        // E: the gift box, then the full course
                                        order("E1", mobile(5), "KIT-1", 50, from.plusDays(7), true),
                                        order("E2", mobile(5), "HERO-1", 300, from.plusDays(8), true),
                                        // H: a trial long ago, under another profile of B's person
                                        order("H1", mobile(6), "TRIAL-1", 10, before, true)))
                        + "]}");
        assertThat(trials()).containsExactly(2L, 1L);

        // D pays: a trial from the payment's transaction on
        post("/api/v1/orders/D1/payments", """
                {"paymentNo": "P-D1", "amount": 10, "paidAt": "%s"}""".formatted(at(from.plusDays(6), 12)));
        assertThat(trials()).containsExactly(3L, 1L);

        // the gift box becomes a lead product: E is a converted trial too
        post("/api/v1/products", """
                {"products": [{"sku": "KIT-1", "name": "体验礼盒", "role": "lead", "price": 50}]}""");
        assertThat(trials()).containsExactly(4L, 2L);

        // B and H are one person: their first trial was before the period
        long b = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'B1'");
        long h = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'H1'");
        var link = admin.post("/api/v1/customers/" + h + "/links", "{\"customerId\": " + b + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        assertThat(trials()).containsExactly(3L, 2L);
    }

    /**
     * Per lead product, as SQL over the raw orders: trial customers (live profiles whose first paid order with a
     * lead product was paid in the period and held that product) and those who paid for another product after it,
     * by the period's end.
     */
    Map<String, List<Long>> trialsByProductBySql() {
        var start = "('" + from + "'::timestamp at time zone 'Asia/Shanghai')";
        var end = "('" + to.plusDays(1) + "'::timestamp at time zone 'Asia/Shanghai')";
        var byProduct = new HashMap<String, List<Long>>();
        for (var sku : List.of("TRIAL-1", "TRIAL-2")) {
            var counts = sql.list(fixture.tenant(), """
                    with o as (
                        select coalesce(c.survivor_id, c.id) as person, o.id, o.paid_at,
                               bool_or(l.sku in ('TRIAL-1', 'TRIAL-2')) as lead,
                               bool_or(l.sku not in ('TRIAL-1', 'TRIAL-2')) as other, array_agg(l.sku) as skus
                        from customer_order o join customer c on c.id = o.customer_id
                        join order_line l on l.order_id = o.id
                        where o.paid_at is not null group by 1, 2, 3),
                    first as (select distinct on (person) person, paid_at, skus from o where lead order by person, paid_at, id)
                    select count(*) from first f where f.paid_at >= %1$s and f.paid_at < %2$s and '%3$s' = any(f.skus)
                    union all
                    select count(*) from first f where f.paid_at >= %1$s and f.paid_at < %2$s and '%3$s' = any(f.skus)
                      and exists (select 1 from o x where x.person = f.person and x.other and x.paid_at > f.paid_at
                                  and x.paid_at < %2$s)""".formatted(start, end, sku), Long.class);
            byProduct.put(sku, counts);
        }
        return byProduct;
    }

    Map<String, List<Long>> trialsByProduct() {
        var byProduct = new HashMap<String, List<Long>>();
        for (var product : get("/api/v1/analytics/trials?" + range()).path("products")) {
            byProduct.put(
                    product.path("sku").asString(),
                    List.of(
                            product.path("trialCustomers").asLong(),
                            product.path("converted").asLong()));
        }
        return byProduct;
    }

    @Test
    void trialConversionByLeadProductEqualsIndependentSql() {
        post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "正价课", "role": "hero", "price": 300},
                              {"sku": "TRIAL-1", "name": "体验课", "role": "lead", "price": 10},
                              {"sku": "TRIAL-2", "name": "体验礼盒", "role": "lead", "price": 30}]}""");
        var random = new Random(20261201);
        var orders = new ArrayList<String>();
        // the lines of an order, and what they cost
        var lines = List.of(
                List.of("TRIAL-1", "10"),
                List.of("TRIAL-2", "30"),
                List.of("TRIAL-1,TRIAL-2", "40"),
                List.of("TRIAL-2,HERO-1", "330"),
                List.of("HERO-1", "300"),
                List.of("HERO-1", "300"));
        for (int o = 0; o < 120; o++) {
            var day = today.minusDays(1 + random.nextInt(60));
            var picked = lines.get(random.nextInt(lines.size()));
            var items = java.util.Arrays.stream(picked.getFirst().split(","))
                    .map(sku -> "{\"sku\": \"" + sku + "\", \"quantity\": 1}")
                    .toList();
            orders.add("""
                    {"orderNo": "T-%d", "customer": {"mobile": "%s"}, "placedAt": "%s", "lines": [%s],
                     "payments": [{"paymentNo": "TP-%d", "amount": %s, "paidAt": "%s"}]}""".formatted(
                            o,
                            mobile(random.nextInt(45)),
                            at(day, 9),
                            String.join(", ", items),
                            o,
                            picked.get(1),
                            at(day, 10 + random.nextInt(8))));
        }
        post("/api/v1/orders", "{\"orders\": [" + String.join(",", orders) + "]}");
        var expected = trialsByProductBySql();
        assertThat(expected.get("TRIAL-1").getFirst()).isPositive();
        assertThat(expected.get("TRIAL-2").get(1)).isPositive();
        assertThat(trialsByProduct()).isEqualTo(expected);

        // after the first report: a new trial paid through the payments API, and two people found to be one
        post("/api/v1/orders", "{\"orders\": [%s]}".formatted(order("T-NEW", mobile(46), "TRIAL-2", 30, to, false)));
        post("/api/v1/orders/T-NEW/payments", """
                {"paymentNo": "TP-NEW", "amount": 30, "paidAt": "%s"}""".formatted(at(to, 8)));
        long a = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'T-NEW'");
        long b = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'T-3'");
        var link = admin.post("/api/v1/customers/" + a + "/links", "{\"customerId\": " + b + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        // one person under two profiles: the first lead order (TRIAL-1) under one, a later TRIAL-2 and the full
        // course under the other; merged, they are a converted trial customer of TRIAL-1 only
        post(
                "/api/v1/orders",
                "{\"orders\": [%s, %s, %s]}"
                        .formatted(
                                order("M-1", mobile(47), "TRIAL-1", 10, from.plusDays(2), true),
                                order("M-2", mobile(48), "TRIAL-2", 30, from.plusDays(5), true),
                                order("M-3", mobile(48), "HERO-1", 300, from.plusDays(6), true)));
        long m1 = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'M-1'");
        long m2 = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'M-2'");
        var before = trialsByProductBySql();
        link = admin.post("/api/v1/customers/" + m1 + "/links", "{\"customerId\": " + m2 + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var after = trialsByProductBySql();
        assertThat(after.get("TRIAL-1"))
                .isEqualTo(List.of(
                        before.get("TRIAL-1").get(0), before.get("TRIAL-1").get(1) + 1));
        assertThat(after.get("TRIAL-2").getFirst())
                .isEqualTo(before.get("TRIAL-2").getFirst() - 1);
        assertThat(trialsByProduct()).isEqualTo(after);
        var funnel = trials();
        long byProducts =
                trialsByProduct().values().stream().mapToLong(List::getFirst).sum();
        assertThat(byProducts)
                .as("an order with both lead products counts for each")
                .isGreaterThanOrEqualTo(funnel.getFirst());
    }

    /** Buyers, orders, GMV and repeat buyers of the period, as SQL over the orders counts them. */
    List<Object> revenueBySql() {
        var paid = "(paid_at at time zone 'Asia/Shanghai')::date between '" + from + "' and '" + to + "'";
        return List.of(
                sql.count(fixture.tenant(), "select count(distinct customer_id) from customer_order where " + paid),
                sql.count(fixture.tenant(), "select count(*) from customer_order where " + paid),
                sql.single(
                                fixture.tenant(),
                                "select coalesce(sum(paid_amount - refunded_amount), 0) from customer_order where "
                                        + paid,
                                BigDecimal.class)
                        .setScale(2),
                sql.count(
                        fixture.tenant(),
                        "select count(*) from (select customer_id from customer_order where " + paid
                                + " group by customer_id having count(*) >= 2) x"));
    }

    List<Object> revenueByFunnel() {
        var m = metrics(get("/api/v1/analytics/funnel?" + range()));
        long buyers = m.get("buyers").path("value").asLong();
        var rate = m.get("repurchaseRate").path("value");
        return List.of(
                buyers,
                m.get("orders").path("value").asLong(),
                m.get("gmv").path("value").decimalValue().setScale(2),
                rate.isNull()
                        ? 0L
                        : rate.decimalValue()
                                .multiply(BigDecimal.valueOf(buyers))
                                .setScale(0, java.math.RoundingMode.HALF_UP)
                                .longValue());
    }

    @Test
    void revenueFollowsPaymentsRefundsAndMergesAfterTheFirstReport() {
        generate();
        assertThat(revenueByFunnel()).isEqualTo(revenueBySql());
        // after the first report: a new order paid in two payments, a later payment, refunds, a merge
        post("/api/v1/orders", "{\"orders\": [%s]}".formatted(order("NEW-1", mobile(7), "HERO-1", 300, to, false)));
        for (var payment : List.of("PA", "PB")) {
            post("/api/v1/orders/NEW-1/payments", """
                    {"paymentNo": "%s", "amount": 150, "paidAt": "%s"}""".formatted(payment, at(to, 11)));
        }
        assertThat(revenueByFunnel()).isEqualTo(revenueBySql());
        post("/api/v1/orders/NEW-1/refunds", """
                {"refundNo": "RN-1", "amount": 120.5, "refundedAt": "%s"}""".formatted(at(to, 12)));
        post("/api/v1/orders/SO-2/refunds", """
                {"refundNo": "RN-2", "amount": 1, "refundedAt": "%s"}""".formatted(at(to, 12)));
        // a refund number sent again changes nothing
        post("/api/v1/orders/NEW-1/refunds", """
                {"refundNo": "RN-1", "amount": 120.5, "refundedAt": "%s"}""".formatted(at(to, 12)));
        assertThat(revenueByFunnel()).isEqualTo(revenueBySql());
        long a = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'NEW-1'");
        long b = sql.count(fixture.tenant(), "select customer_id from customer_order where order_no = 'SO-3'");
        var link = admin.post("/api/v1/customers/" + a + "/links", "{\"customerId\": " + b + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var survivorPaid = "(o.paid_at at time zone 'Asia/Shanghai')::date between '" + from + "' and '" + to + "'";
        long buyers = sql.count(fixture.tenant(), """
                select count(distinct coalesce(c.survivor_id, c.id)) from customer_order o join customer c on c.id = o.customer_id
                where\s""" + survivorPaid);
        assertThat(revenueByFunnel().getFirst()).isEqualTo(buyers);
    }

    @Test
    void funnelFiguresEqualIndependentSqlOnGeneratedData() {
        generate();
        long adds = awaitIndex();
        var funnel = get("/api/v1/analytics/funnel?" + range());
        assertThat(funnel.path("compareTo").asString())
                .isEqualTo(from.minusDays(1).toString());
        assertThat(funnel.path("compareFrom").asString())
                .isEqualTo(from.minusDays(30).toString());
        var m = metrics(funnel);
        long views = customers("e.type = 0 and " + between(from, to));
        assertThat(m.get("landingUv").path("value").asLong()).isEqualTo(views).isPositive();
        assertThat(m.get("landingUv").path("previous").asLong())
                .isEqualTo(customers("e.type = 0 and " + between(from.minusDays(30), from.minusDays(1))));
        assertThat(m.get("addRate").path("value").decimalValue()).isEqualByComparingTo(ratio(adds, views));
        long first = customers("e.type = 7 and " + between(from, to) + " and exists (select 1 from event y where"
                + " y.customer_id = e.customer_id and y.type between 0 and 5 and (y.occurred_at at time zone"
                + " 'Asia/Shanghai')::date between '" + from + "' and '" + to.plusDays(7) + "')");
        assertThat(m.get("firstInteractions").path("value").asLong()).isEqualTo(first);
        long replies = customers("e.type = 7 and " + between(from, to) + " and exists (select 1 from event y where"
                + " y.customer_id = e.customer_id and y.type = 5 and (y.occurred_at at time zone"
                + " 'Asia/Shanghai')::date between '" + from + "' and '" + to.plusDays(1) + "')");
        assertThat(m.get("welcomeReplies").path("value").asLong()).isEqualTo(replies);
        assertThat(m.get("welcomeReplyRate").path("value").decimalValue()).isEqualByComparingTo(ratio(replies, adds));
        long active = customers(BEHAVIOUR + " and " + between(from, to));
        assertThat(m.get("activeCustomers").path("value").asLong())
                .isEqualTo(active)
                .isPositive();
        long assets = customers(asset(to));
        assertThat(m.get("assets").path("value").asLong()).isEqualTo(assets).isPositive();
        long silent = customers(asset(to) + " and not exists (select 1 from event y where y.customer_id ="
                + " e.customer_id and y.type between 0 and 5 and (y.occurred_at at time zone 'Asia/Shanghai')::date"
                + " between '" + to.minusDays(29) + "' and '" + to + "')");
        assertThat(m.get("silentCustomers").path("value").asLong()).isEqualTo(silent);
        assertThat(m.get("lostCustomers").path("value").asLong())
                .isEqualTo(customers("e.type = 8 and " + between(from, to)));
        long sharers = customers("e.type = 4 and " + between(from, to));
        assertThat(m.get("sharers").path("value").asLong()).isEqualTo(sharers);
        assertThat(m.get("shareRate").path("value").decimalValue()).isEqualByComparingTo(ratio(sharers, active));

        // revenue: orders paid in the period, net of refunds
        var paid = "(paid_at at time zone 'Asia/Shanghai')::date between '" + from + "' and '" + to + "'";
        long buyers =
                sql.count(fixture.tenant(), "select count(distinct customer_id) from customer_order where " + paid);
        long orders = sql.count(fixture.tenant(), "select count(*) from customer_order where " + paid);
        var gmv = sql.single(
                fixture.tenant(),
                "select coalesce(sum(paid_amount - refunded_amount), 0) from customer_order where " + paid,
                BigDecimal.class);
        long repeat = sql.count(
                fixture.tenant(),
                "select count(*) from (select customer_id from customer_order where " + paid
                        + " group by customer_id having count(*) >= 2) x");
        assertThat(m.get("buyers").path("value").asLong()).isEqualTo(buyers).isPositive();
        assertThat(m.get("orders").path("value").asLong()).isEqualTo(orders);
        assertThat(m.get("gmv").path("value").decimalValue()).isEqualByComparingTo(gmv);
        assertThat(m.get("aov").path("value").decimalValue())
                .isEqualByComparingTo(gmv.divide(BigDecimal.valueOf(buyers), 2, java.math.RoundingMode.HALF_UP));
        assertThat(m.get("repurchaseRate").path("value").decimalValue()).isEqualByComparingTo(ratio(repeat, buyers));
        assertThat(m.get("buyers").path("rule").path("event").path("type").asString())
                .isEqualTo("purchase");
        for (var paidFor : List.of("orders", "gmv", "aov")) {
            assertThat(m.get(paidFor).path("rule"))
                    .as(paidFor)
                    .isEqualTo(m.get("buyers").path("rule"));
        }

        // trial → paid: first lead order in the period, a later order with another product by its end
        long trials = sql.count(fixture.tenant(), """
                select count(*) from (
                    select o.customer_id, min(o.paid_at) as first_lead
                    from customer_order o join order_line l on l.order_id = o.id
                    where l.sku = 'TRIAL-1' and o.paid_at is not null group by o.customer_id) t
                where (t.first_lead at time zone 'Asia/Shanghai')::date between '%s' and '%s'""".formatted(from, to));
        long converted = sql.count(fixture.tenant(), """
                select count(*) from (
                    select o.customer_id, min(o.paid_at) as first_lead
                    from customer_order o join order_line l on l.order_id = o.id
                    where l.sku = 'TRIAL-1' and o.paid_at is not null group by o.customer_id) t
                where (t.first_lead at time zone 'Asia/Shanghai')::date between '%s' and '%s'
                  and exists (select 1 from customer_order o join order_line l on l.order_id = o.id
                              where o.customer_id = t.customer_id and l.sku = 'HERO-1' and o.paid_at > t.first_lead
                                and (o.paid_at at time zone 'Asia/Shanghai')::date <= '%s')""".formatted(from, to, to));
        assertThat(m.get("trialCustomers").path("value").asLong())
                .isEqualTo(trials)
                .isPositive();
        assertThat(m.get("trialToPaid").path("value").isNull()).isEqualTo(trials == 0);
        if (trials > 0) {
            assertThat(m.get("trialToPaid").path("value").decimalValue())
                    .isEqualByComparingTo(ratio(converted, trials));
        }

        // a metric's rule, evaluated as a segment, selects the customers it counted
        var evaluated = admin.post(
                "/api/v1/segments/evaluate",
                "{\"rule\": " + m.get("silentCustomers").path("rule") + "}");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        assertThat(evaluated.json().path("count").asLong()).isEqualTo(silent);
        // a share opens its numerator: the adds for the add rate, the repeat buyers for the repurchase rate
        assertThat(m.get("addRate").path("rule")).isEqualTo(m.get("wecomAdds").path("rule"));
        var repeaters = admin.post(
                "/api/v1/segments/evaluate",
                "{\"rule\": " + m.get("repurchaseRate").path("rule") + "}");
        assertThat(repeaters.status()).as(repeaters.body()).isEqualTo(200);
        assertThat(repeaters.json().path("count").asLong()).isEqualTo(repeat);
    }

    @Test
    void trendsCountEachDayAndWeekAsIndependentSqlDoes() {
        generate();
        // paid half an hour either side of midnight in the tenant's zone: one day apart there, the same day in UTC
        var sunday = to.minusDays(to.getDayOfWeek().getValue() % 7);
        var late = sunday.atTime(23, 30).atZone(ZONE).toInstant();
        post(
                "/api/v1/orders",
                "{\"orders\": [%s, %s]}"
                        .formatted(
                                order("LATE", mobile(1), "HERO-1", 300, sunday, false),
                                order("EARLY", mobile(2), "HERO-1", 300, sunday.plusDays(1), false)));
        for (var paid : List.of(List.of("LATE", late), List.of("EARLY", late.plusSeconds(3600)))) {
            post("/api/v1/orders/" + paid.get(0) + "/payments", """
                    {"paymentNo": "P-%s", "amount": 300, "paidAt": "%s"}""".formatted(paid.get(0), paid.get(1)));
        }
        awaitIndex();
        for (var grain : List.of("day", "week")) {
            var trends = get("/api/v1/analytics/trends?" + range() + "&grain=" + grain);
            assertThat(trends.path("grain").asString()).isEqualTo(grain);
            var points = trends.path("points");
            assertThat(points.size()).isEqualTo(grain.equals("day") ? 30 : (int) weeks(from, to));
            long buyersSeen = 0;
            for (int i = 0; i < points.size(); i++) {
                var point = points.get(i);
                var start = LocalDate.parse(point.path("date").asString());
                var end = i + 1 < points.size()
                        ? LocalDate.parse(points.get(i + 1).path("date").asString())
                                .minusDays(1)
                        : to;
                assertThat(point.path("wecomAdds").asLong())
                        .as(grain + " " + start)
                        .isEqualTo(customers("e.type = 7 and " + between(start, end)));
                assertThat(point.path("lostCustomers").asLong())
                        .as(grain + " " + start)
                        .isEqualTo(customers("e.type = 8 and " + between(start, end)));
                assertThat(point.path("activeCustomers").asLong())
                        .as(grain + " " + start)
                        .isEqualTo(customers(BEHAVIOUR + " and " + between(start, end)));
                var paid = "(paid_at at time zone 'Asia/Shanghai')::date between '" + start + "' and '" + end + "'";
                long buyers = sql.count(
                        fixture.tenant(), "select count(distinct customer_id) from customer_order where " + paid);
                assertThat(point.path("buyers").asLong())
                        .as(grain + " " + start)
                        .isEqualTo(buyers);
                assertThat(point.path("orders").asLong())
                        .as(grain + " " + start)
                        .isEqualTo(sql.count(fixture.tenant(), "select count(*) from customer_order where " + paid));
                assertThat(point.path("gmv").decimalValue())
                        .as(grain + " " + start)
                        .isEqualByComparingTo(sql.single(
                                fixture.tenant(),
                                "select coalesce(sum(paid_amount - refunded_amount), 0) from customer_order where "
                                        + paid,
                                BigDecimal.class));
                buyersSeen += buyers;
            }
            assertThat(buyersSeen).as("some buckets have buyers").isPositive();
        }
    }

    /** Weeks (Monday to Sunday) the days from..to touch. */
    static long weeks(LocalDate from, LocalDate to) {
        var monday = from.minusDays(from.getDayOfWeek().getValue() - 1);
        return (to.toEpochDay() - monday.toEpochDay()) / 7 + 1;
    }

    @Test
    void spendIsProratedByDaysAndGivesCac() {
        generate();
        var month = from.withDayOfMonth(1);
        var put = admin.put("/api/v1/analytics/spend", """
                {"rows": [{"channel": "抖音投放", "month": "%s", "amount": 3100},
                          {"channel": "小红书", "month": "%s", "amount": 620.50}]}""".formatted(
                        month.toString().substring(0, 7), month.toString().substring(0, 7)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var days = java.time.temporal.ChronoUnit.DAYS.between(from, month.plusMonths(1));
        long inPeriod = Math.min(days, 30);
        var expected = new BigDecimal("3720.50")
                .multiply(BigDecimal.valueOf(inPeriod))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, java.math.RoundingMode.HALF_UP);
        var m = metrics(get("/api/v1/analytics/funnel?" + range()));
        assertThat(m.get("spend").path("value").decimalValue())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(new BigDecimal("0.02")));
        long adds = m.get("wecomAdds").path("value").asLong();
        if (adds > 0) {
            assertThat(m.get("cac").path("value").decimalValue())
                    .isEqualByComparingTo(m.get("spend")
                            .path("value")
                            .decimalValue()
                            .divide(BigDecimal.valueOf(adds), 2, java.math.RoundingMode.HALF_UP));
        }
        var only = metrics(get("/api/v1/analytics/funnel?" + range() + "&channel="
                + java.net.URLEncoder.encode("小红书", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(only.get("spend").path("value").decimalValue())
                .isLessThan(m.get("spend").path("value").decimalValue());
        var listed = get("/api/v1/analytics/spend?" + range()).path("rows");
        assertThat(listed.findValuesAsString("channel")).contains("抖音投放", "小红书");
        // an amount of 0 removes the month's entry
        admin.put("/api/v1/analytics/spend", """
                {"rows": [{"channel": "小红书", "month": "%s", "amount": 0}]}""".formatted(month.toString().substring(0, 7)));
        assertThat(get("/api/v1/analytics/spend?" + range()).path("rows").findValuesAsString("channel"))
                .containsExactly("抖音投放");
    }

    @Test
    void cohortsAndAssetTableEqualIndependentSql() {
        generate();
        awaitIndex();
        var cohorts =
                get("/api/v1/analytics/cohorts?" + range() + "&grain=week").path("cohorts");
        assertThat(cohorts.size()).isGreaterThanOrEqualTo(4);
        var second = cohorts.get(1);
        var start = LocalDate.parse(second.path("start").asString());
        assertThat(start.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        var end = start.plusDays(6);
        var firstAdd = "e.type = 7 and " + between(start, end) + " and not exists (select 1 from event x where"
                + " x.customer_id = e.customer_id and x.type = 7 and (x.occurred_at at time zone 'Asia/Shanghai')::date < '"
                + start + "')";
        assertThat(second.path("size").asLong()).isEqualTo(customers(firstAdd));
        for (var period : second.path("periods")) {
            int k = period.path("period").asInt();
            var a = start.plusWeeks(k);
            var b = a.plusDays(6).isAfter(today) ? today : a.plusDays(6);
            long active = customers(firstAdd
                    + " and exists (select 1 from event y where y.customer_id = e.customer_id and"
                    + " y.type between 0 and 5 and (y.occurred_at at time zone 'Asia/Shanghai')::date between '" + a
                    + "' and '" + b + "')");
            assertThat(period.path("active").asLong()).as("week %d", k).isEqualTo(active);
        }

        var table = get("/api/v1/analytics/assets?" + range() + "&grain=month").path("rows");
        var firstRow = table.get(0);
        assertThat(firstRow.path("opening").asLong()).isEqualTo(customers(asset(from.minusDays(1))));
        var last = table.get(table.size() - 1);
        assertThat(last.path("closing").asLong()).isEqualTo(customers(asset(to)));
        for (var row : table) {
            assertThat(row.path("net").asLong())
                    .isEqualTo(
                            row.path("closing").asLong() - row.path("opening").asLong())
                    .isEqualTo(row.path("added").asLong() - row.path("lost").asLong());
        }
        var byLayer = get("/api/v1/analytics/assets?" + range() + "&grain=month&layer=lifecycle");
        assertThat(byLayer.path("levels").size()).isPositive();
        long closingByLevels = 0;
        for (var row : byLayer.path("rows")) {
            if (!row.path("level").isNull()
                    && row.path("start").asString().equals(last.path("start").asString())) {
                closingByLevels += row.path("closing").asLong();
            }
        }
        assertThat(closingByLevels)
                .as("the levels split the assets")
                .isEqualTo(last.path("closing").asLong());
    }

    /** A WeCom app with two staff members, holding the relations of every customer who added one (by the events). */
    long connectStaff() {
        var app = sql.single(fixture.tenant(), """
                insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key, callback_key)
                values (siyu_current_tenant(), '测试应用', 'ww-test', '1000002', 'secret', 'token',
                        'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'cb-' || siyu_current_tenant())
                returning id""", Long.class);
        sql.update(fixture.tenant(), """
                insert into wecom_staff (app_id, user_id, name) values (%d, 'zhang', '张三'), (%d, 'li', '李四')""".formatted(app, app));
        sql.update(fixture.tenant(), """
                insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at, lost_at)
                select %d, 'wm' || a.customer_id, case when a.customer_id %% 2 = 0 then 'zhang' else 'li' end,
                       a.customer_id, a.occurred_at, l.occurred_at
                from event a left join event l on l.customer_id = a.customer_id and l.type = 8
                where a.type = 7""".formatted(app));
        return app;
    }

    @Test
    void staffKpisJoinSiyusRelationsWithWeComsBehaviourData() {
        generate();
        long app = connectStaff();
        sql.update(fixture.tenant(), """
                insert into wecom_staff_behavior (app_id, user_id, day, chat_cnt, message_cnt, reply_percentage,
                                                  avg_reply_time, negative_feedback_cnt, new_apply_cnt, new_contact_cnt)
                values (%d, 'zhang', '%s', 10, 40, 90, 4, 1, 0, 2),
                       (%d, 'zhang', '%s', 6, 20, 70, 8, 0, 0, 1),
                       (%d, 'zhang', '%s', 99, 99, 10, 60, 9, 0, 9)""".formatted(app, to, app, to.minusDays(1), app, from.minusDays(1)));
        var wecom = get("/api/v1/analytics/wecom?" + range());
        JsonNode zhang = null;
        JsonNode li = null;
        for (var row : wecom.path("staff")) {
            if (row.path("userId").asString().equals("zhang")) {
                zhang = row;
            } else if (row.path("userId").asString().equals("li")) {
                li = row;
            }
        }
        assertThat(zhang).isNotNull();
        assertThat(li).isNotNull();
        assertThat(zhang.path("name").asString()).isEqualTo("张三");
        assertThat(zhang.path("chats").asLong())
                .as("days outside the period do not count")
                .isEqualTo(16);
        assertThat(zhang.path("messages").asLong()).isEqualTo(60);
        assertThat(zhang.path("replyRate").decimalValue()).isEqualByComparingTo("0.80");
        assertThat(zhang.path("avgReplyMinutes").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(zhang.path("negativeFeedback").asLong()).isEqualTo(1);
        assertThat(li.path("chats").isNull())
                .as("no figures from WeCom: none, not zero")
                .isTrue();
        var start = "('" + from + "'::timestamp at time zone 'Asia/Shanghai')";
        var end = "('" + to.plusDays(1) + "'::timestamp at time zone 'Asia/Shanghai')";
        assertThat(zhang.path("newCustomers").asLong())
                .isEqualTo(sql.count(
                        fixture.tenant(),
                        "select count(distinct customer_id) from wecom_contact where user_id = 'zhang' and added_at >= "
                                + start + " and added_at < " + end));
        assertThat(zhang.path("lostCustomers").asLong())
                .isEqualTo(sql.count(
                        fixture.tenant(),
                        "select count(distinct customer_id) from wecom_contact where user_id = 'zhang' and lost_at >= "
                                + start + " and lost_at < " + end));
        var lastDay = wecom.path("days").get(wecom.path("days").size() - 1);
        assertThat(lastDay.path("date").asString()).isEqualTo(to.toString());
        assertThat(lastDay.path("chats").asLong()).isEqualTo(10);
    }

    @Test
    void gmvDecompositionMultipliesOutAndItsContributionsAddUpToTheChange() {
        generate();
        // WeCom relations for the customers who added a staff member, split between two staff; messages to some
        connectStaff();
        sql.update(fixture.tenant(), """
                insert into message_receipt (customer_id, source, channel, at)
                select customer_id, 'mass:' || (customer_id % 3), 'wecom', occurred_at
                from event where type = 7 and customer_id % 3 <> 0""");
        var decomposition = get("/api/v1/analytics/gmv?" + range() + "&by=staff");
        var rows = decomposition.path("rows");
        assertThat(rows.findValuesAsString("key")).containsExactlyInAnyOrder("zhang", "li");
        for (var row : rows) {
            var user = row.path("key").asString();
            var now = row.path("current");
            var start = "'" + from + "'::timestamp at time zone 'Asia/Shanghai'";
            var end = "'" + to.plusDays(1) + "'::timestamp at time zone 'Asia/Shanghai'";
            var assetSql = "from wecom_contact w where w.user_id = '" + user + "' and w.added_at < " + end
                    + " and (w.lost_at is null or w.lost_at >= " + start + ")";
            assertThat(now.path("assets").asLong())
                    .isEqualTo(sql.count(fixture.tenant(), "select count(distinct w.customer_id) " + assetSql));
            assertThat(now.path("reached").asLong())
                    .isEqualTo(sql.count(
                            fixture.tenant(),
                            "select count(distinct w.customer_id) " + assetSql
                                    + " and exists (select 1 from message_receipt r where r.customer_id = w.customer_id and"
                                    + " r.at >= " + start + " and r.at < " + end + ")"));
            var gmv = sql.single(
                    fixture.tenant(),
                    "select coalesce(sum(o.paid_amount - o.refunded_amount), 0)"
                            + " from customer_order o where o.paid_at >= " + start + " and o.paid_at < " + end
                            + " and o.customer_id in (select w.customer_id " + assetSql + ")",
                    BigDecimal.class);
            assertThat(now.path("gmv").decimalValue()).isEqualByComparingTo(gmv);
            if (now.path("buyers").asLong() > 0) {
                var product = BigDecimal.valueOf(now.path("assets").asLong())
                        .multiply(BigDecimal.valueOf(now.path("reached").asLong()))
                        .divide(BigDecimal.valueOf(now.path("assets").asLong()), java.math.MathContext.DECIMAL64)
                        .multiply(BigDecimal.valueOf(now.path("buyers").asLong()))
                        .divide(BigDecimal.valueOf(now.path("reached").asLong()), java.math.MathContext.DECIMAL64)
                        .multiply(gmv)
                        .divide(BigDecimal.valueOf(now.path("buyers").asLong()), java.math.MathContext.DECIMAL64);
                assertThat(product).isCloseTo(gmv, org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
            }
            var contributions = row.path("contributions");
            if (!contributions.path("assets").isNull()) {
                var sum = contributions
                        .path("assets")
                        .decimalValue()
                        .add(contributions.path("reachRate").decimalValue())
                        .add(contributions.path("conversion").decimalValue())
                        .add(contributions.path("aov").decimalValue());
                assertThat(sum).isEqualByComparingTo(row.path("change").decimalValue());
            }
        }
        var total = get("/api/v1/analytics/gmv?" + range()).path("rows");
        assertThat(total.size()).isEqualTo(1);
        assertThat(total.get(0).path("label").asString()).isEqualTo("total");
    }

    @Test
    void channelsCountFirstAddsBySourceChannelWithTheirValueSinceThePeriodStarted() {
        generate();
        sql.update(
                fixture.tenant(), "update customer set source_channel = case when id % 2 = 0 then '抖音' else '小红书' end");
        awaitIndex();
        // a first adder of 抖音 pays before the period (not counted), on its first day, and is refunded part of it
        var firstAdd = "e.type = 7 and " + between(from, to) + " and not exists (select 1 from event x where"
                + " x.customer_id = e.customer_id and x.type = 7 and (x.occurred_at at time zone 'Asia/Shanghai')::date < '"
                + from + "')";
        long douyin = sql.count(
                fixture.tenant(),
                "select min(c.id) from event e join customer c on c.id = e.customer_id where " + firstAdd
                        + " and c.source_channel = '抖音'");
        var buyer = sql.single(
                fixture.tenant(),
                "select value from customer_identity where type = 'mobile' and customer_id = " + douyin,
                String.class);
        post(
                "/api/v1/orders",
                "{\"orders\": [%s, %s]}"
                        .formatted(
                                order("LTV-1", buyer, "HERO-1", 300, from.minusDays(1), true),
                                order("LTV-2", buyer, "HERO-1", 300, from, true)));
        post("/api/v1/orders/LTV-2/refunds", """
                {"refundNo": "LTV-R", "amount": 0.35, "refundedAt": "%s"}""".formatted(at(to, 12)));
        var month = to.withDayOfMonth(1).toString().substring(0, 7);
        admin.put("/api/v1/analytics/spend", """
                {"rows": [{"channel": "抖音", "month": "%s", "amount": 900}, {"channel": "视频号", "month": "%s", "amount": 50}]}""".formatted(month, month));
        var rows = get("/api/v1/analytics/channels?" + range()).path("rows");
        var start = "('" + from + "'::timestamp at time zone 'Asia/Shanghai')";
        for (var row : rows) {
            var channel = row.path("channel").asString();
            if (channel.equals("视频号")) {
                assertThat(row.path("adds").asLong())
                        .as("spend without adds is still shown")
                        .isZero();
                assertThat(row.path("spend").decimalValue()).isPositive();
                continue;
            }
            var ofChannel = firstAdd + " and c.source_channel = '" + channel + "'";
            assertThat(row.path("adds").asLong()).as(channel).isEqualTo(customers(ofChannel));
            var gmv = sql.single(
                    fixture.tenant(),
                    "select coalesce(sum(o.paid_amount - o.refunded_amount), 0) from"
                            + " customer_order o where o.paid_at >= " + start
                            + " and o.customer_id in (select c.id from event e"
                            + " join customer c on c.id = e.customer_id where " + ofChannel + ")",
                    BigDecimal.class);
            assertThat(row.path("gmv").decimalValue()).as(channel).isEqualByComparingTo(gmv);
            assertThat(row.path("buyers").asLong())
                    .as(channel)
                    .isEqualTo(sql.count(
                            fixture.tenant(),
                            "select count(distinct o.customer_id) from customer_order o where o.paid_at >= " + start
                                    + " and o.customer_id in (select c.id from event e"
                                    + " join customer c on c.id = e.customer_id where " + ofChannel + ")"));
            if (channel.equals("抖音")) {
                assertThat(gmv).as("the refunded order counts, net").isGreaterThanOrEqualTo(new BigDecimal("299.65"));
                assertThat(gmv.remainder(BigDecimal.ONE)).isNotZero();
            }
            if (row.path("adds").asLong() > 0) {
                assertThat(row.path("ltv").decimalValue())
                        .isEqualByComparingTo(gmv.divide(
                                BigDecimal.valueOf(row.path("adds").asLong()), 2, java.math.RoundingMode.HALF_UP));
            }
            if (channel.equals("抖音")) {
                assertThat(row.path("roi").decimalValue())
                        .isEqualByComparingTo(
                                gmv.divide(row.path("spend").decimalValue(), 2, java.math.RoundingMode.HALF_UP));
            }
        }
        assertThat(rows.findValuesAsString("channel")).contains("抖音", "小红书", "视频号");

        // the channel filter narrows revenue to the customers of that source channel
        Tenancy.runAs(fixture.tenant(), engine::rebuild);
        var paid = "(paid_at at time zone 'Asia/Shanghai')::date between '" + from + "' and '" + to + "'";
        var ofDouyin = " and customer_id in (select id from customer where source_channel = '抖音')";
        var filtered = metrics(get("/api/v1/analytics/funnel?" + range() + "&channel="
                + java.net.URLEncoder.encode("抖音", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(filtered.get("buyers").path("value").asLong())
                .isEqualTo(sql.count(
                        fixture.tenant(),
                        "select count(distinct customer_id) from customer_order where " + paid + ofDouyin))
                .isPositive();
        assertThat(filtered.get("gmv").path("value").decimalValue())
                .isEqualByComparingTo(sql.single(
                        fixture.tenant(),
                        "select coalesce(sum(paid_amount - refunded_amount), 0) from customer_order where " + paid
                                + ofDouyin,
                        BigDecimal.class));
        assertThat(filtered.get("activeCustomers").path("value").asLong())
                .isEqualTo(customers(BEHAVIOUR + " and " + between(from, to) + " and c.source_channel = '抖音'"));
    }

    @Test
    void contributionsAreLogMeanDivisiaAndAddUpExactly() {
        var before = GmvReport.Factors.of(1000, 500, 50, new BigDecimal("15000"));
        var after = GmvReport.Factors.of(1200, 480, 60, new BigDecimal("19800"));
        var parts = GmvReport.contributions(after, before);
        assertThat(parts.assets().add(parts.reachRate()).add(parts.conversion()).add(parts.aov()))
                .isEqualByComparingTo("4800");
        // assets grew by a fifth: ln(1.2) × L(19800, 15000)
        double weight = (19800 - 15000) / (Math.log(19800) - Math.log(15000));
        assertThat(parts.assets().doubleValue())
                .isCloseTo(weight * Math.log(1.2), org.assertj.core.data.Offset.offset(0.02));
        assertThat(parts.reachRate()).isNegative();
        assertThat(GmvReport.contributions(after, GmvReport.Factors.NONE)).isEqualTo(GmvReport.Contributions.NONE);
    }

    @Test
    void wecomFunnelComparesRatesWithTheBaselinesTheManagerSets() {
        generate();
        long adds = customers("e.type = 7 and " + between(from, to));
        eventually(() -> assertThat(get("/api/v1/analytics/wecom?" + range())
                        .path("rates")
                        .get(0)
                        .path("numerator")
                        .asLong())
                .isEqualTo(adds));
        var rates = get("/api/v1/analytics/wecom?" + range()).path("rates");
        assertThat(rates.findValuesAsString("key")).containsExactly("acquisition", "service", "monetisation");
        long views = customers("e.type = 0 and " + between(from, to));
        assertThat(rates.get(0).path("denominator").asLong()).isEqualTo(views);
        long served = customers("e.type = 5 and " + between(from, to));
        assertThat(rates.get(1).path("numerator").asLong()).isEqualTo(served);
        assertThat(rates.get(1).path("denominator").asLong()).isEqualTo(customers(asset(to)));
        long bought = customers("e.type = 5 and " + between(from, to) + " and exists (select 1 from event y where"
                + " y.customer_id = e.customer_id and y.type = 3 and (y.occurred_at at time zone 'Asia/Shanghai')::date"
                + " between '" + from + "' and '" + to + "')");
        assertThat(rates.get(2).path("numerator").asLong()).isEqualTo(bought);
        assertThat(rates.get(0).path("baseline").decimalValue()).isEqualByComparingTo("0.70");
        var days = get("/api/v1/analytics/wecom?" + range()).path("days");
        assertThat(days.size()).isEqualTo(30);
        for (var day : days) {
            var date = LocalDate.parse(day.path("date").asString());
            assertThat(day.path("newCustomers").asLong())
                    .as("adds on %s", date)
                    .isEqualTo(customers("e.type = 7 and " + between(date, date)));
            assertThat(day.path("lostCustomers").asLong())
                    .isEqualTo(customers("e.type = 8 and " + between(date, date)));
        }

        var manager = ApiClient.loggedIn(port, fixture.manager());
        var set = manager.put("/api/v1/analytics/settings", """
                {"baselines": {"acquisition": 0.01, "service": 1, "monetisation": 0.3}}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var after = get("/api/v1/analytics/wecom?" + range()).path("rates");
        assertThat(after.get(1).path("baseline").decimalValue()).isEqualByComparingTo("1");
        assertThat(after.get(1).path("below").asBoolean())
                .as("nothing but 100 %% meets a baseline of 1")
                .isEqualTo(after.get(1).path("value").decimalValue().compareTo(BigDecimal.ONE) < 0);
        var operator = ApiClient.loggedIn(port, fixture.operator());
        assertThat(operator.get("/api/v1/analytics/funnel").status()).isEqualTo(200);
        assertThat(operator.put(
                                "/api/v1/analytics/settings",
                                "{\"baselines\": {\"acquisition\": 0.5, \"service\": 0.5, \"monetisation\": 0.5}}")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/analytics/funnel")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void rejectsImpossibleRangesUnknownDimensionsAndBadSpendNamingEachField() {
        var reversed = admin.get("/api/v1/analytics/funnel?from=" + to + "&to=" + from);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("errors").findValuesAsString("field")).containsExactly("from");
        var future = admin.get("/api/v1/analytics/trends?from=" + from + "&to=" + today.plusDays(3));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").findValuesAsString("field")).containsExactly("to");
        var long_ = admin.get("/api/v1/analytics/funnel?from=" + today.minusDays(400) + "&to=" + today);
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().path("errors").get(0).path("code").asString()).isEqualTo("analytics.range.too-large");
        var english = admin.language("en").get("/api/v1/analytics/gmv?by=weather");
        admin.language("zh-CN");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("errors").get(0).path("field").asString())
                .isEqualTo("by");
        assertThat(english.json().path("errors").get(0).path("message").asString())
                .contains("weather", "staff");
        assertThat(admin.get("/api/v1/analytics/cohorts?grain=day").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/analytics/assets?layer=nope").status()).isEqualTo(400);
        var badDate = admin.get("/api/v1/analytics/funnel?from=2026-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        var spend = admin.put("/api/v1/analytics/spend", """
                {"rows": [{"channel": "", "month": "2026-11", "amount": 10},
                          {"channel": "抖音", "month": "11/2026", "amount": -1},
                          {"channel": "抖音", "month": "2026-10", "amount": 1.234}]}""");
        assertThat(spend.status()).isEqualTo(400);
        assertThat(spend.json().path("errors").findValuesAsString("field"))
                .containsExactly("rows[0].channel", "rows[1].month", "rows[1].amount", "rows[2].amount");
        var baselines = admin.put("/api/v1/analytics/settings", """
                {"baselines": {"acquisition": 0, "service": 1.5, "monetisation": 0.3}}""");
        assertThat(baselines.status()).isEqualTo(400);
        assertThat(baselines.json().path("errors").findValuesAsString("field"))
                .containsExactly("baselines.acquisition", "baselines.service");
        assertThat(admin.get("/api/v1/analytics/spend").json().path("rows").size())
                .isZero();
    }

    static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, java.math.RoundingMode.HALF_UP);
    }
}

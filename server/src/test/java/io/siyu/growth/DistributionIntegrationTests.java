package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 分销 over the API: commission for two levels only, at the product's, the category's or the default rate, held
 * until the refund window closes, cancelled or clawed back by refunds; withdrawals held under a lock, decided by
 * another operator and paid once; and a ledger whose balances are always the sums of its entries.
 */
class DistributionIntegrationTests extends IntegrationTest {

    @Autowired
    DistributionWork work;

    TestTenants.Fixture fixture;
    ApiClient admin;
    ApiClient manager;
    Instant now;
    int orders;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        manager = ApiClient.loggedIn(port, fixture.manager());
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sql.customers(fixture.tenant(), "客户", 60);
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "SERUM-1", "name": "精华液", "role": "hero", "category": "护肤", "price": 100},
                              {"sku": "CREAM-1", "name": "面霜", "role": "hero", "category": "护肤", "price": 100},
                              {"sku": "MUG-1", "name": "马克杯", "role": "lead", "category": "周边", "price": 100}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        ok(admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1}"""));
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response.json();
    }

    JsonNode appoint(long customer, String inviterCode) {
        var response = admin.post("/api/v1/distribution/distributors", """
                {"customerId": %d, "inviterCode": %s, "appoint": true}""".formatted(
                        customer, inviterCode == null ? "null" : "\"" + inviterCode + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    void bind(long customer, String code) {
        ok(admin.post("/api/v1/distribution/bindings", """
                {"customerId": %d, "code": "%s"}""".formatted(customer, code)));
    }

    String buy(long customer, String sku, int quantity) {
        var orderNo = "SO-" + (++orders);
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ok(admin.post(
                "/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"customerId": %d}, "placedAt": "%s",
                  "lines": [{"sku": "%s", "quantity": %d}],
                  "payments": [{"paymentNo": "P-%s", "amount": %d, "paidAt": "%s"}]}]}""".formatted(orderNo, customer, at, sku, quantity, orderNo, quantity * 100, at)));
        return orderNo;
    }

    ApiClient.Response refund(String orderNo, String refundNo, String amount) {
        return admin.post(
                "/api/v1/orders/" + orderNo + "/refunds", """
                {"refundNo": "%s", "amount": %s, "refundedAt": "%s"}""".formatted(refundNo, amount, now.plusSeconds(5)));
    }

    /** The order's refund window closes and the background round runs. */
    void windowCloses(String orderNo) {
        sql.update(
                fixture.tenant(),
                "update distribution_order set release_at = now() - interval '1 second' where order_no = '%s'"
                        .formatted(orderNo));
        round();
    }

    void round() {
        Tenancy.runAs(fixture.tenant(), () -> work.once());
    }

    JsonNode balances(long distributor) {
        return ok(admin.get("/api/v1/distribution/distributors/" + distributor)).path("balances");
    }

    void assertBalances(long distributor, String pending, String available, String debt) {
        var balances = balances(distributor);
        assertThat(balances.path("pending").decimalValue()).as("pending").isEqualByComparingTo(pending);
        assertThat(balances.path("available").decimalValue()).as("available").isEqualByComparingTo(available);
        assertThat(balances.path("debt").decimalValue()).as("debt").isEqualByComparingTo(debt);
    }

    void reconciles() {
        var report = ok(admin.get("/api/v1/distribution/reconciliation"));
        assertThat(report.path("mismatches")).as(report.toString()).isEmpty();
        assertThat(report.path("balanced").asBoolean()).isTrue();
    }

    @Test
    void aPaidOrderEarnsTheDistributorAndTheirInviterButNeverAThirdLevel() {
        var top = appoint(1, null);
        var middle = appoint(2, top.path("code").asString());
        var direct = appoint(3, middle.path("code").asString());
        bind(10, direct.path("code").asString());
        ok(admin.put("/api/v1/distribution/rates", """
                {"scope": "product", "target": "SERUM-1", "level1Rate": 20, "level2Rate": 8}"""));
        ok(admin.put("/api/v1/distribution/rates", """
                {"scope": "category", "target": "护肤", "level1Rate": 15, "level2Rate": 6}"""));

        buy(10, "SERUM-1", 2); // product rate: 40 and 16
        buy(10, "CREAM-1", 1); // category rate: 15 and 6
        var mug = buy(10, "MUG-1", 1); // default: 10 and 5
        buy(11, "SERUM-1", 1); // customer 11 is bound to no one

        assertBalances(direct.path("id").asLong(), "65", "0", "0");
        assertBalances(middle.path("id").asLong(), "27", "0", "0");
        assertBalances(top.path("id").asLong(), "0", "0", "0");
        assertThat(sql.count(fixture.tenant(), "select count(*) from distribution_entry where level = 2"))
                .isEqualTo(3);
        assertThat(sql.count(fixture.tenant(), "select count(*) from distribution_entry where level > 2"))
                .isZero();

        // the same order sent again earns nothing more
        ok(admin.post("/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"customerId": 10}, "placedAt": "%s",
                  "lines": [{"sku": "MUG-1", "quantity": 1}],
                  "payments": [{"paymentNo": "P-%s", "amount": 100, "paidAt": "%s"}]}]}""".formatted(mug, now, mug, now.plusSeconds(1))));
        assertBalances(direct.path("id").asLong(), "65", "0", "0");
        reconciles();
    }

    @Test
    void commissionIsHeldUntilTheRefundWindowClosesAndARefundBeforeThatCancelsItsShare() {
        var distributor = appoint(1, null);
        long id = distributor.path("id").asLong();
        bind(10, distributor.path("code").asString());
        var order = buy(10, "MUG-1", 4); // 400 paid: 40 pending

        round();
        assertBalances(id, "40", "0", "0");
        ok(refund(order, "R-1", "100"));
        assertBalances(id, "30", "0", "0");
        windowCloses(order);
        assertBalances(id, "0", "30", "0");
        windowCloses(order);
        assertBalances(id, "0", "30", "0");

        var ledger = ok(admin.get("/api/v1/distribution/distributors/" + id + "/entries"))
                .path("items");
        assertThat(ledger.findValuesAsString("kind")).containsExactly("release", "cancel", "commission");
        reconciles();
    }

    @Test
    void aRefundAfterTheReleaseClawsBackAndWhatIsNotAvailableBecomesDebtThatTheNextReleasePays() {
        var distributor = appoint(1, null);
        long id = distributor.path("id").asLong();
        bind(10, distributor.path("code").asString());
        var first = buy(10, "MUG-1", 5); // 50
        windowCloses(first);
        assertBalances(id, "0", "50", "0");
        ok(admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                {"amount": 45, "requestKey": "w-1"}"""));
        assertBalances(id, "0", "5", "0");

        ok(refund(first, "R-1", "200")); // takes back 20: 5 from available, 15 owed
        assertBalances(id, "0", "0", "15");
        ok(refund(first, "R-1", "200")); // the same refund again changes nothing
        assertBalances(id, "0", "0", "15");

        var second = buy(10, "MUG-1", 2); // 20, of which 15 pays the debt
        windowCloses(second);
        assertBalances(id, "0", "5", "0");
        ok(refund(first, "R-2", "300")); // the rest of the order: 30 more
        assertBalances(id, "0", "0", "25");
        reconciles();
    }

    @Test
    void aWithdrawalIsDecidedByAnotherOperatorAndPaidOnceEvenAfterACrash() {
        var distributor = appoint(1, null);
        long id = distributor.path("id").asLong();
        bind(10, distributor.path("code").asString());
        windowCloses(buy(10, "MUG-1", 10)); // 100 available

        var asked = ok(admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                {"amount": 60, "requestKey": "w-1"}"""));
        long withdrawal = asked.path("id").asLong();
        var again = ok(admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                {"amount": 60, "requestKey": "w-1"}"""));
        assertThat(again.path("id").asLong()).isEqualTo(withdrawal);
        assertThat(balances(id).path("frozen").decimalValue()).isEqualByComparingTo("60");
        var tooMuch = admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                {"amount": 41, "requestKey": "w-2"}""");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("40.00");

        var own = admin.post("/api/v1/distribution/withdrawals/" + withdrawal + "/approve", "{}");
        assertThat(own.status()).as("not by the one who asked").isEqualTo(409);
        var approved = ok(manager.post("/api/v1/distribution/withdrawals/" + withdrawal + "/approve", "{}"));
        assertThat(approved.path("decidedBy").asString()).isNotBlank();
        assertThat(manager.post("/api/v1/distribution/withdrawals/" + withdrawal + "/reject", """
                        {"reason": "晚了"}""")
                        .status())
                .isEqualTo(409);

        // the provider paid, then Siyu stopped before it wrote that down
        var key = Tenancy.callAs(fixture.tenant(), () -> WithdrawalPayouts.key(withdrawal));
        sql.update(
                fixture.tenant(),
                "insert into simulated_payout (payout_key, customer_id, amount, purpose) values ('%s', 1, 60, '佣金提现')"
                        .formatted(key));
        round();
        round();

        assertThat(sql.count(fixture.tenant(), "select calls from simulated_payout"))
                .isOne();
        var paid = ok(admin.get("/api/v1/distribution/withdrawals?distributorId=" + id));
        assertThat(paid.path("items").get(0).path("status").asString()).isEqualTo("paid");
        var balances = balances(id);
        assertThat(balances.path("withdrawn").decimalValue()).isEqualByComparingTo("60");
        assertThat(balances.path("frozen").decimalValue()).isEqualByComparingTo("0");
        assertThat(balances.path("available").decimalValue()).isEqualByComparingTo("40");

        long second = ok(admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                        {"amount": 40, "requestKey": "w-3"}"""))
                .path("id")
                .asLong();
        ok(manager.post("/api/v1/distribution/withdrawals/" + second + "/reject", """
                {"reason": "账户未实名"}"""));
        round();
        assertThat(balances(id).path("available").decimalValue()).isEqualByComparingTo("40");
        assertThat(sql.count(fixture.tenant(), "select count(*) from simulated_payout"))
                .isOne();
        reconciles();
    }

    @Test
    void manyWithdrawalsAtOnceNeverTakeMoreThanIsAvailable() throws Exception {
        var distributor = appoint(1, null);
        long id = distributor.path("id").asLong();
        bind(10, distributor.path("code").asString());
        windowCloses(buy(10, "MUG-1", 10)); // 100 available
        var pool = Executors.newFixedThreadPool(8);
        var tries = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            tries.add(() -> admin.post("/api/v1/distribution/distributors/" + id + "/withdrawals", """
                            {"amount": 30, "requestKey": "w-%d"}""".formatted(n))
                    .status());
        }
        var statuses = new ArrayList<Integer>();
        for (var future : pool.invokeAll(tries)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(3);
        assertThat(statuses.stream().filter(s -> s != 200)).containsOnly(409);
        var balances = balances(id);
        assertThat(balances.path("available").decimalValue()).isEqualByComparingTo("10");
        assertThat(balances.path("frozen").decimalValue()).isEqualByComparingTo("90");
        reconciles();
    }

    @Test
    void aRandomRunOfOrdersRefundsReleasesAndWithdrawalsAlwaysReconciles() {
        var random = new Random(20261201L);
        var top = appoint(1, null);
        var codes = new ArrayList<String>(List.of(top.path("code").asString()));
        var ids = new ArrayList<Long>(List.of(top.path("id").asLong()));
        for (long customer = 2; customer <= 6; customer++) {
            var made = appoint(customer, codes.get(random.nextInt(codes.size())));
            codes.add(made.path("code").asString());
            ids.add(made.path("id").asLong());
        }
        for (long customer = 20; customer < 50; customer++) {
            bind(customer, codes.get(random.nextInt(codes.size())));
        }
        var paidOrders = new ArrayList<String>();
        var refunded = new java.util.HashMap<String, Integer>();
        String[] skus = {"SERUM-1", "CREAM-1", "MUG-1"};
        for (int step = 0; step < 120; step++) {
            int action = random.nextInt(10);
            if (action < 4 || paidOrders.isEmpty()) {
                paidOrders.add(buy(20 + random.nextInt(30), skus[random.nextInt(3)], 1 + random.nextInt(5)));
            } else if (action < 6) {
                var order = paidOrders.get(random.nextInt(paidOrders.size()));
                var total = ok(admin.get("/api/v1/orders/" + order))
                        .path("totalAmount")
                        .decimalValue();
                int taken = refunded.getOrDefault(order, 0);
                int left = total.intValue() - taken;
                if (left > 0) {
                    int amount = 1 + random.nextInt(left);
                    ok(refund(order, "R-" + step, String.valueOf(amount)));
                    refunded.put(order, taken + amount);
                }
            } else if (action < 7) {
                windowCloses(paidOrders.get(random.nextInt(paidOrders.size())));
            } else if (action < 9) {
                long distributor = ids.get(random.nextInt(ids.size()));
                var available = balances(distributor).path("available").decimalValue();
                var amount = available
                        .multiply(BigDecimal.valueOf(random.nextInt(12)))
                        .divide(BigDecimal.TEN, 2, java.math.RoundingMode.DOWN)
                        .max(BigDecimal.ONE);
                var response =
                        admin.post("/api/v1/distribution/distributors/" + distributor + "/withdrawals", """
                        {"amount": %s, "requestKey": "w-%d"}""".formatted(
                                        amount.toPlainString(), step));
                assertThat(response.status())
                        .as(response.body())
                        .isEqualTo(amount.compareTo(available) <= 0 ? 200 : 409);
            } else {
                var requested = ok(admin.get("/api/v1/distribution/withdrawals?status=requested"))
                        .path("items");
                for (var withdrawal : requested) {
                    var path = "/api/v1/distribution/withdrawals/"
                            + withdrawal.path("id").asLong();
                    if (random.nextBoolean()) {
                        ok(manager.post(path + "/approve", "{}"));
                    } else {
                        ok(manager.post(path + "/reject", "{\"reason\": \"抽查\"}"));
                    }
                }
                round();
            }
            reconciles();
        }
        var report = ok(admin.get("/api/v1/distribution/reconciliation"));
        assertThat(report.path("entries").asLong()).isGreaterThan(50);
        assertThat(sql.single(
                        fixture.tenant(), "select coalesce(sum(amount), 0) from simulated_payout", BigDecimal.class))
                .as("paid out is what the ledger says was withdrawn")
                .isEqualByComparingTo(report.path("totals").path("withdrawn").decimalValue());
    }

    @Test
    void badRequestsAreRefusedNamingEachFieldInTheCallersLanguage() {
        var refused = admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 400, "level1Rate": 40, "level2Rate": 20, "minWithdrawal": 0.1}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("refundWindowDays", "level2Rate", "minWithdrawal");
        assertThat(refused.body()).contains("退款保护期");

        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");
        var rate = english.put("/api/v1/distribution/rates", """
                {"scope": "shop", "target": "", "level1Rate": -1, "level2Rate": 1.234}""");
        assertThat(rate.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("scope", "target", "level1Rate", "level2Rate");
        var top = appoint(1, null);
        var self = english.post(
                "/api/v1/distribution/bindings", """
                {"customerId": 1, "code": "%s"}""".formatted(top.path("code").asString()));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("their own code");
        var unknown = english.post("/api/v1/distribution/distributors", """
                {"customerId": 999999, "inviterCode": "NOPE1234"}""");
        assertThat(unknown.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("customerId", "inviterCode");
        var twice = english.post("/api/v1/distribution/distributors", """
                {"customerId": 1}""");
        assertThat(twice.status()).isEqualTo(409);
        var applied = ok(english.post("/api/v1/distribution/distributors", """
                {"customerId": 2, "inviterCode": "%s"}""".formatted(
                        top.path("code").asString())));
        assertThat(applied.path("status").asString()).isEqualTo("pending");
        assertThat(applied.path("parentCode").asString())
                .isEqualTo(top.path("code").asString());
        var notActive = english.post(
                "/api/v1/distribution/distributors/" + applied.path("id").asLong() + "/withdrawals", """
                {"amount": 5, "requestKey": "w-1"}""");
        assertThat(notActive.status()).isEqualTo(409);
        var badAmount = english.post(
                "/api/v1/distribution/distributors/" + top.path("id").asLong() + "/withdrawals", """
                {"amount": 0.5, "requestKey": "has space"}""");
        assertThat(badAmount.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("amount", "requestKey");
        ok(english.post(
                "/api/v1/distribution/distributors/" + applied.path("id").asLong() + "/approve", "{}"));
        assertThat(english.post(
                                "/api/v1/distribution/distributors/"
                                        + applied.path("id").asLong() + "/approve",
                                "{}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/distribution/withdrawals?status=done").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/distribution/distributors/999999").status())
                .isEqualTo(404);
    }
}

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
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 拼团 over the API, against the stand-in payment provider: teams succeed at the price of the tier they reach
 * and fail below the first; stock is never oversold however many join at once; each refund is paid once.
 */
class GroupBuyIntegrationTests extends IntegrationTest {

    @Autowired
    GroupBuys groupBuys;

    @Autowired
    GroupBuyRefunds refunds;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        sql.customers(fixture.tenant(), "团员", 200);
    }

    long offer(int stock, String tiers) {
        var created = admin.post(
                "/api/v1/group-buys", """
                {"name": "面膜三人团", "sku": "MASK-01", "productName": "补水面膜", "listPrice": 99,
                 "tiers": %s, "teamHours": 24, "stock": %d, "endsAt": "%s"}""".formatted(tiers, stock, Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    ApiClient.Response join(long offer, Long team, long customer, String price) {
        var path = "/api/v1/group-buys/" + offer + "/teams" + (team == null ? "" : "/" + team + "/members");
        return admin.post(path, """
                {"customerId": %d, "joinKey": "order-%d-%d", "paymentRef": "pay-%d", "paid": %s}""".formatted(customer, offer, customer, customer, price));
    }

    long open(long offer, long customer, String price) {
        var opened = join(offer, null, customer, price);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return opened.json().path("id").asLong();
    }

    /** The team's time runs out, and the background work's round runs now. */
    void timeRunsOut(long team) {
        sql.update(
                fixture.tenant(),
                "update group_buy_team set expires_at = now() - interval '1 second' where id = " + team);
        settleAndRefund();
    }

    void settleAndRefund() {
        Tenancy.runAs(fixture.tenant(), () -> {
            transactions.execute(s -> groupBuys.settleDue());
            refunds.round();
        });
    }

    JsonNode team(long offer, long team) {
        var teams = admin.get("/api/v1/group-buys/" + offer + "/teams").json().path("items");
        for (var t : teams) {
            if (t.path("id").asLong() == team) {
                return t;
            }
        }
        throw new AssertionError("no team " + team);
    }

    BigDecimal providerRefunded() {
        return sql.single(fixture.tenant(), "select coalesce(sum(amount), 0) from simulated_refund", BigDecimal.class);
    }

    @Test
    void aTeamThatReachesATierSucceedsAtItsPriceAndEachMemberGetsTheDifferenceBackOnce() {
        long offer =
                offer(50, "[{\"size\": 2, \"price\": 89}, {\"size\": 3, \"price\": 79}, {\"size\": 5, \"price\": 69}]");
        long team = open(offer, 1, "89");
        assertThat(join(offer, team, 2, "89").status()).isEqualTo(200);
        assertThat(join(offer, team, 3, "89").status()).isEqualTo(200);
        assertThat(join(offer, team, 4, "89").status()).isEqualTo(200);

        timeRunsOut(team);
        settleAndRefund();

        var closed = team(offer, team);
        assertThat(closed.path("status").asString()).isEqualTo("succeeded");
        assertThat(closed.path("price").decimalValue())
                .as("four reached the 3-person tier")
                .isEqualByComparingTo("79");
        assertThat(closed.path("members").findValuesAsString("refundStatus")).containsOnly("done");
        assertThat(closed.path("members").findValuesAsString("customerName"))
                .containsExactly("团员1", "团员2", "团员3", "团员4");
        assertThat(providerRefunded()).as("4 × (89 − 79)").isEqualByComparingTo("40");
        var buy = admin.get("/api/v1/group-buys/" + offer).json();
        assertThat(buy.path("held").asInt()).isZero();
        assertThat(buy.path("sold").asInt()).isEqualTo(4);
        assertThat(buy.path("teams").path("refunded").decimalValue()).isEqualByComparingTo("40");
    }

    @Test
    void aTeamShortOfTheFirstSizeFailsReleasesItsStockAndRefundsEveryoneInFull() {
        long offer = offer(10, "[{\"size\": 3, \"price\": 79}]");
        long team = open(offer, 1, "79");
        join(offer, team, 2, "79");
        assertThat(admin.get("/api/v1/group-buys/" + offer).json().path("held").asInt())
                .isEqualTo(2);

        timeRunsOut(team);

        var closed = team(offer, team);
        assertThat(closed.path("status").asString()).isEqualTo("failed");
        assertThat(closed.path("members").findValues("refund"))
                .extracting(JsonNode::decimalValue)
                .allSatisfy(refund -> assertThat(refund).isEqualByComparingTo("79"));
        assertThat(providerRefunded()).isEqualByComparingTo("158");
        var buy = admin.get("/api/v1/group-buys/" + offer).json();
        assertThat(buy.path("held").asInt()).as("stock released").isZero();
        assertThat(buy.path("sold").asInt()).isZero();
        assertThat(join(offer, team, 3, "79").status())
                .as("a failed team takes no one")
                .isEqualTo(409);
    }

    @Test
    void aTeamSucceedsTheMomentItIsFullAndTakesNoOneMore() {
        long offer = offer(10, "[{\"size\": 2, \"price\": 59}]");
        long team = open(offer, 1, "59");
        var full = join(offer, team, 2, "59");

        assertThat(full.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(full.json().path("price").decimalValue()).isEqualByComparingTo("59");
        assertThat(join(offer, team, 3, "59").status()).isEqualTo(409);
        settleAndRefund();
        assertThat(providerRefunded())
                .as("everyone paid the final price already")
                .isEqualByComparingTo("0");
    }

    @Test
    void concurrentJoinsNeverTakeMoreThanTheStock() throws Exception {
        long offer = offer(30, "[{\"size\": 2, \"price\": 49}, {\"size\": 10, \"price\": 39}]");
        var pool = Executors.newFixedThreadPool(8);
        var tries = new ArrayList<Callable<Integer>>();
        for (long customer = 1; customer <= 120; customer++) {
            long c = customer;
            tries.add(() -> join(offer, null, c, "49").status());
        }
        var statuses = new ArrayList<Integer>();
        for (var future : pool.invokeAll(tries)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(30);
        assertThat(statuses.stream().filter(s -> s != 200)).containsOnly(409);
        var buy = admin.get("/api/v1/group-buys/" + offer).json();
        assertThat(buy.path("held").asInt()).isEqualTo(30);
        assertThat(sql.count(fixture.tenant(), "select count(*) from group_buy_member"))
                .isEqualTo(30);
    }

    @Test
    void aRefundTheProviderPaidBeforeACrashIsRecordedNotPaidAgain() {
        long offer = offer(10, "[{\"size\": 3, \"price\": 79}]");
        long team = open(offer, 1, "79");
        sql.update(
                fixture.tenant(),
                "update group_buy_team set expires_at = now() - interval '1 second' where id = " + team);
        Tenancy.runAs(fixture.tenant(), () -> transactions.execute(s -> groupBuys.settleDue()));
        // the provider paid, then Siyu stopped before it wrote that down
        long refund = sql.single(fixture.tenant(), "select id from group_buy_refund", Long.class);
        var key = Tenancy.callAs(fixture.tenant(), () -> GroupBuyRefunds.key(refund));
        sql.update(
                fixture.tenant(),
                "insert into simulated_refund (refund_key, payment_ref, amount) values ('%s', 'pay-1', 79)"
                        .formatted(key));

        settleAndRefund();
        settleAndRefund();

        assertThat(sql.count(fixture.tenant(), "select count(*) from simulated_refund"))
                .isOne();
        assertThat(sql.count(fixture.tenant(), "select calls from simulated_refund"))
                .as("the provider was asked, not told to pay again")
                .isOne();
        assertThat(providerRefunded()).isEqualByComparingTo("79");
        assertThat(team(offer, team).path("members").get(0).path("refundStatus").asString())
                .isEqualTo("done");
    }

    @Test
    void theSameJoinKeyAgainAnswersTheSameTeamAndTakesNothingMore() {
        long offer = offer(10, "[{\"size\": 3, \"price\": 79}]");
        long team = open(offer, 1, "79");
        var again = join(offer, null, 1, "79");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(team);
        assertThat(admin.get("/api/v1/group-buys/" + offer).json().path("held").asInt())
                .isOne();
    }

    @Test
    void badOffersAndJoinsAreRefusedNamingEachFieldInTheCallersLanguage() {
        var refused = admin.post("/api/v1/group-buys", """
                {"name": "", "sku": "S", "productName": "面膜", "listPrice": 50, "teamHours": 500, "stock": 0,
                 "tiers": [{"size": 3, "price": 60}, {"size": 2, "price": 40}],
                 "endsAt": "2020-01-01T00:00:00Z"}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "teamHours", "stock", "tiers[0].price", "tiers[1].size", "endsAt");
        assertThat(refused.body()).contains("成团时限");

        long offer = offer(1, "[{\"size\": 2, \"price\": 79}]");
        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");
        var wrongPrice = english.post("/api/v1/group-buys/" + offer + "/teams", """
                {"customerId": 1, "joinKey": "k1", "paymentRef": "p1", "paid": 99}""");
        assertThat(wrongPrice.status()).isEqualTo(400);
        assertThat(wrongPrice.body()).contains("first tier's price, 79");
        var badFields = english.post("/api/v1/group-buys/" + offer + "/teams", """
                {"customerId": 999999, "joinKey": "has space", "paid": -1}""");
        assertThat(badFields.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("customerId", "joinKey", "paymentRef", "paid");
        open(offer, 1, "79");
        var soldOut = english.post("/api/v1/group-buys/" + offer + "/teams", """
                {"customerId": 2, "joinKey": "k2", "paymentRef": "p2", "paid": 79}""");
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.body()).contains("All 1 units are taken");
        assertThat(admin.get("/api/v1/group-buys/" + offer + "/teams?status=done")
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/group-buys/999999").status()).isEqualTo(404);
    }
}

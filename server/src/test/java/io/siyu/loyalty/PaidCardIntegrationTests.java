package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Paid membership cards: a reported purchase makes the customer a member holding the card, once per key; buying
 * again while valid extends the card; a refund ends it and the tier falls back; the scheduled work ends expired
 * cards and reminds holders once before; plans refuse bad input field by field.
 */
class PaidCardIntegrationTests extends IntegrationTest {

    static final int CARD_EXPIRING = 15;

    @Autowired
    CardExpiry expiry;

    TestTenants.Fixture fixture;
    ApiClient admin;
    long plan;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        program("free");
        var made = admin.post("/api/v1/loyalty/cards/plans", """
                {"name": "黑金年卡", "price": 199, "validity": 30, "validityUnit": "days", "floorTier": 2,
                 "benefits": "全场 95 折，每月免邮券"}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        plan = made.json().path("id").asLong();
    }

    void program(String joinRule) {
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "%s", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "黑金", "minGrowth": 5000, "multiplier": 1, "discountPercent": 5,
                            "freeShipping": true, "birthdayPoints": 0}]}""".formatted(joinRule));
        assertThat(program.status()).as(program.body()).isEqualTo(200);
    }

    long customer(String mobile) {
        var made = admin.post("/api/v1/customers", """
                {"name": "顾客", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    ApiClient.Response buy(long customer, String key) {
        return admin.post("/api/v1/loyalty/cards/purchases", """
                {"customerId": %d, "planId": %d, "purchaseKey": "%s"}""".formatted(customer, plan, key));
    }

    JsonNode member(long customer) {
        var response = admin.get("/api/v1/loyalty/members/" + customer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    long count(String query) {
        return sql.count(fixture.tenant(), query);
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    @Test
    void aPurchaseMakesTheCustomerAMemberHoldingTheCardAndItsTier() {
        long ann = customer("13900010001");
        var bought = buy(ann, "CARD-1");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().path("amount").decimalValue()).isEqualByComparingTo("199");
        var from = instant(bought.json().path("validFrom"));
        assertThat(Duration.between(from, instant(bought.json().path("validUntil"))))
                .isEqualTo(Duration.ofDays(30));

        var member = member(ann);
        assertThat(member.path("source").asString()).isEqualTo("card");
        assertThat(member.path("tier").asInt()).as("the card's floor tier").isEqualTo(2);
        var card = member.path("card");
        assertThat(card.path("planName").asString()).isEqualTo("黑金年卡");
        assertThat(card.path("valid").asBoolean()).isTrue();
        assertThat(card.path("benefits").asString()).isEqualTo("全场 95 折，每月免邮券");
        assertThat(count("select count(*) from member_tier_change where key = 'card:"
                        + bought.json().path("id").asLong() + "'"))
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/loyalty/cards/plans/" + plan)
                        .json()
                        .path("sold")
                        .asLong())
                .isEqualTo(1);
        var stats = admin.get("/api/v1/loyalty/cards/stats").json();
        assertThat(stats.path("active").asLong()).isEqualTo(1);
        assertThat(stats.path("revenue").decimalValue()).isEqualByComparingTo("199");
        assertThat(stats.path("months").get(11).path("sold").asLong()).isEqualTo(1);
    }

    @Test
    void theSamePurchaseKeyTwiceRecordsOneCard() {
        long bob = customer("13900010002");
        assertThat(buy(bob, "CARD-2").status()).isEqualTo(201);
        var again = buy(bob, "CARD-2");
        assertThat(again.status()).as("a retried report answers the first").isEqualTo(200);
        assertThat(count("select count(*) from member_card where customer_id = " + bob))
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/loyalty/members/" + bob + "/cards").json().size())
                .isEqualTo(1);

        long other = customer("13900010003");
        var stolen = buy(other, "CARD-2");
        assertThat(stolen.status())
                .as("the key belongs to another customer's purchase")
                .isEqualTo(409);
    }

    @Test
    void buyingAgainWhileValidExtendsFromTheCurrentEnd() {
        long cat = customer("13900010004");
        var first = buy(cat, "CARD-3").json();
        var renewal = buy(cat, "CARD-4");
        assertThat(renewal.status()).isEqualTo(201);
        assertThat(renewal.json().path("renewal").asBoolean()).isTrue();
        assertThat(instant(renewal.json().path("validFrom"))).isEqualTo(instant(first.path("validUntil")));
        var end = instant(renewal.json().path("validUntil"));
        assertThat(Duration.between(instant(first.path("validFrom")), end)).isEqualTo(Duration.ofDays(60));
        assertThat(instant(member(cat).path("card").path("validUntil"))).isEqualTo(end);
        assertThat(admin.get("/api/v1/loyalty/cards/stats")
                        .json()
                        .path("active")
                        .asLong())
                .as("one holder, however many periods")
                .isEqualTo(1);
    }

    @Test
    void aRefundEndsThePeriodMovesTheRenewalUpAndTheTierFallsBackWhenNoneIsLeft() {
        long dan = customer("13900010005");
        var first = buy(dan, "CARD-5").json();
        var second = buy(dan, "CARD-6").json();

        var refunded = admin.post("/api/v1/loyalty/cards/refunds", "{\"purchaseKey\": \"CARD-5\"}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("status").asString()).isEqualTo("refunded");
        var moved = admin.get("/api/v1/loyalty/members/" + dan + "/cards").json();
        var renewal = moved.get(0);
        assertThat(renewal.path("purchaseKey").asString()).isEqualTo("CARD-6");
        assertThat(instant(renewal.path("validFrom")))
                .as("the renewal starts now, not after the refunded period")
                .isBefore(instant(second.path("validFrom")).minus(Duration.ofDays(29)));
        assertThat(member(dan).path("tier").asInt())
                .as("still held by the renewal")
                .isEqualTo(2);
        assertThat(admin.post("/api/v1/loyalty/cards/refunds", "{\"purchaseKey\": \"CARD-5\"}")
                        .status())
                .as("a refund again changes nothing")
                .isEqualTo(200);

        assertThat(admin.post("/api/v1/loyalty/cards/refunds", "{\"purchaseKey\": \"CARD-6\"}")
                        .status())
                .isEqualTo(200);
        var member = member(dan);
        assertThat(member.path("tier").asInt()).as("no card holds the tier").isEqualTo(1);
        assertThat(member.path("card").path("valid").asBoolean()).isFalse();
        assertThat(member.path("memberNo").asString())
                .as("a member still, with points and growth")
                .isNotEmpty();
        assertThat(admin.get("/api/v1/loyalty/cards/stats")
                        .json()
                        .path("revenue")
                        .decimalValue())
                .as("refunded cards bring nothing")
                .isEqualByComparingTo("0");
        assertThat(first.path("id").asLong()).isNotEqualTo(second.path("id").asLong());
        assertThat(admin.post("/api/v1/loyalty/cards/refunds", "{\"purchaseKey\": \"NOPE\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theScheduledWorkRemindsOnceAndEndsTheExpiredCard() {
        long eve = customer("13900010006");
        long id = buy(eve, "CARD-7").json().path("id").asLong();
        sql.update(fixture.tenant(), "update member_card set valid_until = now() + interval '3 days' where id = " + id);

        Tenancy.callAs(fixture.tenant(), expiry::remind);
        Tenancy.callAs(fixture.tenant(), expiry::remind);
        assertThat(count("select count(*) from event where type = " + CARD_EXPIRING + " and customer_id = " + eve))
                .as("reminded once")
                .isEqualTo(1);
        assertThat(count("select (properties ->> 'daysLeft')::int from event where type = " + CARD_EXPIRING
                        + " and customer_id = " + eve))
                .isBetween(2L, 3L);
        assertThat(count("select count(*) from member_card where status = 'expired'"))
                .as("not ended yet")
                .isZero();

        sql.update(
                fixture.tenant(),
                "update member_card set valid_from = now() - interval '31 days', valid_until = now() - interval"
                        + " '1 minute' where id = " + id);
        assertThat(member(eve).path("card").path("valid").asBoolean())
                .as("ended when its time is up, before the work marks it")
                .isFalse();
        Tenancy.callAs(fixture.tenant(), expiry::end);
        assertThat(count("select count(*) from member_card where status = 'expired' and id = " + id))
                .isEqualTo(1);
        var member = member(eve);
        assertThat(member.path("tier").asInt()).isEqualTo(1);
        assertThat(member.path("card").path("valid").asBoolean()).isFalse();
        assertThat(Tenancy.callAs(fixture.tenant(), expiry::end))
                .as("nothing left to end")
                .isZero();
        assertThat(Tenancy.callAs(fixture.tenant(), expiry::remind)).isZero();
    }

    @Test
    void underThePaidCardRuleOnlyCardHoldersJoinAndEarn() {
        program("paid_card");
        long fay = customer("13900010007");
        var joined = admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(fay));
        assertThat(joined.status()).as("joining is by card").isEqualTo(409);
        assertThat(buy(fay, "CARD-8").status()).isEqualTo(201);
        assertThat(member(fay).path("card").path("valid").asBoolean()).isTrue();
        long gus = customer("13900010009");
        assertThat(buy(gus, "CARD-10").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/loyalty/cards/refunds", "{\"purchaseKey\": \"CARD-10\"}")
                        .status())
                .isEqualTo(200);

        assertThat(admin.post("/api/v1/products", """
                        {"products": [{"sku": "SERUM-1", "name": "精华液", "role": "hero", "price": 100}]}""").status()).isEqualTo(200);
        order("SO-FAY", "13900010007");
        order("SO-GUS", "13900010009");
        order("SO-HAL", "13900010010");
        assertThat(member(fay).path("points").asLong()).as("a holder earns").isEqualTo(100);
        assertThat(member(gus).path("points").asLong())
                .as("a member whose card ended does not")
                .isZero();
        assertThat(count("select count(*) from member"))
                .as("an order makes nobody a member")
                .isEqualTo(2);
    }

    void order(String orderNo, String mobile) {
        var placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var response =
                admin.post("/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"mobile": "%s"}, "placedAt": "%s",
                  "lines": [{"sku": "SERUM-1", "quantity": 1}],
                  "payments": [{"paymentNo": "P-%s", "amount": 100, "paidAt": "%s", "method": "wechat"}]}]}""".formatted(orderNo, mobile, placed, orderNo, placed.plusSeconds(30)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void plansRefuseBadFieldsInTheCallersLanguage() {
        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");
        var bad = english.post("/api/v1/loyalty/cards/plans", """
                {"name": "", "price": -1, "validity": 0, "validityUnit": "days", "floorTier": 3,
                 "benefits": "%s"}""".formatted("好".repeat(501)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "price", "validity", "floorTier", "benefits");
        assertThat(bad.body()).contains("The program has no tier 3");

        var unit = admin.post("/api/v1/loyalty/cards/plans", """
                {"name": "月卡", "price": 19.9, "validity": 121, "validityUnit": "months"}""");
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.json().path("errors").get(0).path("message").asString()).contains("1 到 120 个月");

        var purchase = admin.post("/api/v1/loyalty/cards/purchases", """
                {"customerId": 999999, "planId": 999999, "purchaseKey": "bad key!", "amount": -5}""");
        assertThat(purchase.status()).isEqualTo(400);
        assertThat(purchase.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("customerId", "planId", "purchaseKey", "amount");

        var off = admin.put("/api/v1/loyalty/cards/plans/" + plan, """
                {"name": "黑金年卡", "price": 199, "validity": 1, "validityUnit": "months", "active": false}""");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(buy(customer("13900010008"), "CARD-9").status())
                .as("a plan no longer sold")
                .isEqualTo(409);
        assertThat(admin.delete("/api/v1/loyalty/cards/plans/" + plan).status())
                .as("never sold: it may go")
                .isEqualTo(204);
    }
}

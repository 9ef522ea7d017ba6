package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Earning rules over the API: events other than purchases earn points once per event id, within a daily and a
 * total cap that hold however many events arrive at once, multiplied by the member's tier and, inside its window,
 * by a campaign; a bad rule is refused with every bad field named.
 */
class EarningRulesIntegrationTests extends IntegrationTest {

    @Autowired
    Points points;

    TestTenants.Fixture fixture;
    ApiClient admin;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "free", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "end_of_next_year",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 500, "multiplier": 1.5, "discountPercent": 5,
                            "freeShipping": false, "birthdayPoints": 0}]}""");
        assertThat(program.status()).as(program.body()).isEqualTo(200);
    }

    long rule(String body) {
        var created = admin.post("/api/v1/loyalty/rules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A customer by mobile who is a member. */
    long member(String mobile) {
        var made = admin.post("/api/v1/customers", """
                {"name": "会员", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long customer = made.json().path("id").asLong();
        var joined = admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return customer;
    }

    ApiClient.Response send(String id, String type, String mobile, Instant at, String properties) {
        return admin.post("/api/v1/events", """
                {"events": [{"eventId": "%s", "type": "%s", "occurredAt": "%s", "customer": {"mobile": "%s"},
                             "properties": %s}]}""".formatted(id, type, at, mobile, properties));
    }

    JsonNode memberView(long customer) {
        var response = admin.get("/api/v1/loyalty/members/" + customer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    long balance(long customer) {
        return memberView(customer).path("points").asLong();
    }

    void reconciles() {
        assertThat(Tenancy.callAs(fixture.tenant(), points::reconcile)).isEmpty();
    }

    @Test
    void aCheckInEarnsOncePerEventIdAndResendingItChangesNothing() {
        rule("""
                {"name": "每日签到", "eventType": "check_in", "points": 10, "growth": 5, "dailyCap": 10}""");
        long ann = member("13900007001");
        var sent = send("ci-1", "check_in", "13900007001", now.minusSeconds(60), "{\"place\": \"mini_program\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(balance(ann)).isEqualTo(10);
        assertThat(memberView(ann).path("growth").asLong()).isEqualTo(5);

        send("ci-1", "check_in", "13900007001", now.minusSeconds(60), "{\"place\": \"mini_program\"}");
        send("ci-1", "check_in", "13900007001", now.minusSeconds(30), "{\"place\": \"store\"}");
        assertThat(balance(ann))
                .as("the same event id again, even at another time, earns nothing")
                .isEqualTo(10);
        assertThat(memberView(ann).path("growth").asLong()).isEqualTo(5);
        var ledger =
                admin.get("/api/v1/loyalty/members/" + ann + "/points").json().path("items");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).path("source").asString()).isEqualTo("rule");
        assertThat(ledger.get(0).path("ref").asString()).isEqualTo("ci-1");
        assertThat(ledger.get(0).path("reason").asString()).isEqualTo("每日签到");
        assertThat(ledger.get(0).path("expiresAt").isNull())
                .as("expires like purchase points")
                .isFalse();

        send("ci-2", "check_in", "13900007001", now.minusSeconds(20), "{}");
        assertThat(balance(ann)).as("the day's cap of 10 is used up").isEqualTo(10);
        send("ci-3", "check_in", "13900007002", now.minusSeconds(20), "{}");
        assertThat(sql.count(fixture.tenant(), "select count(*) from points_entry"))
                .as("a customer who is not a member earns nothing")
                .isEqualTo(1);
        reconciles();
    }

    @Test
    void theDailyAndTotalCapsHoldWhenManyCheckInsArriveAtOnce() throws Exception {
        rule("""
                {"name": "签到", "eventType": "check_in", "points": 10, "dailyCap": 50, "totalCap": 80}""");
        long bo = member("13900007010");
        var sends = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 24; i++) {
            var id = "burst-" + i;
            var at = now.minusSeconds(100 + i);
            sends.add(() -> send(id, "check_in", "13900007010", at, "{}").status());
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var outcome : pool.invokeAll(sends)) {
                assertThat(outcome.get()).isEqualTo(200);
            }
        }
        assertThat(balance(bo)).as("five check-ins earn, nineteen are capped").isEqualTo(50);
        assertThat(sql.count(fixture.tenant(), "select count(*) from earning_rule_grant where points = 10"))
                .isEqualTo(5);
        assertThat(sql.count(fixture.tenant(), "select count(*) from earning_rule_grant where points = 0"))
                .isEqualTo(19);

        // the day before has its own daily cap, but only 30 are left of the total of 80: the grants are cut
        var yesterday = now.minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < 5; i++) {
            send("early-" + i, "check_in", "13900007010", yesterday.minusSeconds(i), "{}");
        }
        assertThat(balance(bo)).isEqualTo(80);
        reconciles();
    }

    @Test
    void aCampaignMultipliesOnlyEventsInsideItsWindowAndAFilterPicksTheEvents() {
        rule("""
                {"name": "好评有礼", "eventType": "review", "points": 20, "dailyCap": 1000,
                 "filter": {"property": "rating", "op": "gte", "value": "4"},
                 "campaign": {"from": "%s", "to": "%s", "multiplier": 2}}""".formatted(now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS)));
        long cai = member("13900007020");
        send("rv-in", "review", "13900007020", now.minus(90, ChronoUnit.MINUTES), "{\"rating\": 5}");
        assertThat(balance(cai)).as("inside the window: ×2").isEqualTo(40);
        send("rv-after", "review", "13900007020", now.minus(30, ChronoUnit.MINUTES), "{\"rating\": 4}");
        assertThat(balance(cai)).as("after it: ×1").isEqualTo(60);
        send("rv-before", "review", "13900007020", now.minus(3, ChronoUnit.HOURS), "{\"rating\": 5}");
        assertThat(balance(cai)).as("before it: ×1").isEqualTo(80);
        send("rv-low", "review", "13900007020", now.minus(90, ChronoUnit.MINUTES), "{\"rating\": 3}");
        assertThat(balance(cai)).as("a rating under 4 does not pass the filter").isEqualTo(80);
        reconciles();
    }

    @Test
    void theMembersTierMultipliesWhatARuleGrants() {
        rule("""
                {"name": "分享", "eventType": "share", "points": 10, "growth": 600, "dailyCap": 1000}""");
        long dan = member("13900007030");
        send("sh-1", "share", "13900007030", now.minusSeconds(60), "{\"channel\": \"moments\"}");
        var first = memberView(dan);
        assertThat(first.path("points").asLong()).as("tier 1: ×1").isEqualTo(10);
        assertThat(first.path("tier").asInt()).as("600 growth: silver").isEqualTo(2);
        send("sh-2", "share", "13900007030", now.minusSeconds(30), "{\"channel\": \"chat\"}");
        assertThat(balance(dan)).as("silver: ×1.5").isEqualTo(25);
        reconciles();
    }

    @Test
    void aRuleIsListedChangedAndRemovedByThoseWhoManageTheProgram() {
        long id = rule("""
                {"name": "签到", "eventType": "check_in", "points": 5, "dailyCap": 5}""");
        var changed = admin.put("/api/v1/loyalty/rules/" + id, """
                {"name": "双11签到", "eventType": "check_in", "points": 8, "dailyCap": 16, "active": false,
                 "campaign": {"from": "2026-11-11T00:00:00+08:00", "to": "2026-11-12T00:00:00+08:00",
                              "multiplier": 2}}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        var listed = admin.get("/api/v1/loyalty/rules").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asString()).isEqualTo("双11签到");
        assertThat(listed.get(0).path("active").asBoolean()).isFalse();
        assertThat(listed.get(0).path("campaign").path("multiplier").decimalValue())
                .isEqualByComparingTo("2");
        long eve = member("13900007040");
        send("ci-off", "check_in", "13900007040", now.minusSeconds(10), "{}");
        assertThat(balance(eve)).as("an inactive rule earns nothing").isZero();

        var operator = ApiClient.loggedIn(port, fixture.operator());
        assertThat(operator.delete("/api/v1/loyalty/rules/" + id).status()).isEqualTo(403);
        assertThat(admin.delete("/api/v1/loyalty/rules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/loyalty/rules").json()).isEmpty();
        assertThat(admin.delete("/api/v1/loyalty/rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aBadRuleIsRefusedWithEveryBadFieldNamedInTheCallersLanguage() {
        var bad = ApiClient.loggedIn(port, fixture.admin()).language("en").post("/api/v1/loyalty/rules", """
                {"name": " ", "eventType": "purchase", "points": 0, "growth": -1, "totalCap": 0,
                 "filter": {"property": "nope", "op": "gt", "value": ""},
                 "campaign": {"from": "%s", "to": "%s", "multiplier": 20}}""".formatted(
                        now, now.minusSeconds(1)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly(
                        "name",
                        "eventType",
                        "points",
                        "growth",
                        "dailyCap",
                        "totalCap",
                        "filter.property",
                        "filter.op",
                        "filter.value",
                        "campaign.to",
                        "campaign.multiplier");
        assertThat(bad.json().path("errors").get(1).path("message").asString()).startsWith("Pick an event type");

        var zh = admin.post("/api/v1/loyalty/rules", """
                {"name": "好评", "eventType": "review", "points": 10, "dailyCap": 10,
                 "filter": {"property": "rating", "op": "gte", "value": "four"}}""");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.json().path("errors").findValuesAsString("field")).containsExactly("filter.value");
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("数字");
        assertThat(admin.get("/api/v1/loyalty/rules").json()).isEmpty();
    }
}

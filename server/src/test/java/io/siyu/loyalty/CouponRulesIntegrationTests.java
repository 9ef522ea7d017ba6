package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coupons issued by rule over the API: an event of the rule's type (passing its filter) issues the template's coupon
 * to a member once per rule and event id, at most the rule's per-member number and its total however many events
 * arrive at once; a bad rule is refused with every bad field named.
 */
class CouponRulesIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "REVIEW-5", "name": "好评返券", "kind": "amount", "value": 5, "threshold": 50,
                 "validDays": 30, "perCustomer": 100}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
    }

    long rule(String body) {
        var created = admin.post("/api/v1/loyalty/coupon-rules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    long member(String mobile) {
        var made = admin.post("/api/v1/customers", """
                {"name": "会员", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long customer = made.json().path("id").asLong();
        var joined = admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return customer;
    }

    ApiClient.Response send(String id, String type, String mobile, String properties) {
        return admin.post("/api/v1/events", """
                {"events": [{"eventId": "%s", "type": "%s", "occurredAt": "%s", "customer": {"mobile": "%s"},
                             "properties": %s}]}""".formatted(id, type, now.minusSeconds(60), mobile, properties));
    }

    long coupons(long customer) {
        return sql.count(
                fixture.tenant(), "select count(*) from coupon where source = 'rule' and customer_id = " + customer);
    }

    @Test
    void aMatchingEventIssuesTheCouponOnceEvenWhenSentAgain() {
        long id = rule("""
                {"name": "五星好评送券", "templateCode": "REVIEW-5", "eventType": "review",
                 "filter": {"property": "rating", "op": "gte", "value": "5"}, "perCustomer": 3}""");
        long ann = member("13900008001");
        assertThat(send("rv-1", "review", "13900008001", "{\"rating\": 5}").status())
                .isEqualTo(200);
        assertThat(send("rv-1", "review", "13900008001", "{\"rating\": 5}").status())
                .isEqualTo(200);
        assertThat(coupons(ann)).as("the resent event").isEqualTo(1);
        send("rv-2", "review", "13900008001", "{\"rating\": 3}");
        assertThat(coupons(ann)).as("filtered out").isEqualTo(1);
        send("rv-3", "review", "13900008001", "{\"rating\": 5}");
        send("rv-4", "review", "13900008001", "{\"rating\": 5}");
        send("rv-5", "review", "13900008001", "{\"rating\": 5}");
        assertThat(coupons(ann)).as("three per member").isEqualTo(3);
        var shown = admin.get("/api/v1/loyalty/coupon-rules/" + id).json();
        assertThat(shown.path("issued").asLong()).isEqualTo(3);
        assertThat(shown.path("templateCode").asString()).isEqualTo("REVIEW-5");

        send("ci-1", "check_in", "13900008009", "{}");
        assertThat(sql.count(fixture.tenant(), "select count(*) from member"))
                .as("not a member: nothing")
                .isEqualTo(1);
    }

    @Test
    void theRulesTotalHoldsWhenManyEventsArriveAtOnce() throws Exception {
        rule("""
                {"name": "签到送券", "templateCode": "REVIEW-5", "eventType": "check_in", "perCustomer": 1,
                 "totalLimit": 4}""");
        var mobiles = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            mobiles.add("1390000810" + i);
            member(mobiles.getLast());
        }
        var sends = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 10; i++) {
            var mobile = mobiles.get(i);
            var id = "burst-" + i;
            sends.add(() -> send(id, "check_in", mobile, "{}").status());
        }
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var outcome : pool.invokeAll(sends)) {
                assertThat(outcome.get()).isEqualTo(200);
            }
        }
        assertThat(sql.count(fixture.tenant(), "select count(*) from coupon where source = 'rule'"))
                .isEqualTo(4);
        assertThat(sql.count(fixture.tenant(), "select count(*) from coupon_rule_grant"))
                .as("every event is recorded, so none issues later")
                .isEqualTo(10);
    }

    @Test
    void aBadRuleIsRefusedWithEveryBadFieldNamedAndARuleCanBeChangedAndRemoved() {
        var bad = ApiClient.loggedIn(port, fixture.admin()).language("en").post("/api/v1/loyalty/coupon-rules", """
                {"name": "", "templateCode": "NOPE", "eventType": "refund", "perCustomer": 0, "totalLimit": 0}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "templateCode", "eventType", "perCustomer", "totalLimit");

        long id = rule("""
                {"name": "签到送券", "templateCode": "REVIEW-5", "eventType": "check_in"}""");
        var changed = admin.put("/api/v1/loyalty/coupon-rules/" + id, """
                {"name": "签到送券", "templateCode": "REVIEW-5", "eventType": "check_in", "active": false}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("active").asBoolean()).isFalse();
        long bo = member("13900008201");
        send("ci-9", "check_in", "13900008201", "{}");
        assertThat(coupons(bo)).as("an inactive rule").isZero();
        assertThat(admin.delete("/api/v1/loyalty/coupon-rules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/loyalty/coupon-rules").json().size()).isZero();
    }
}

package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exclusive tier coupons (issue 9): a tier's coupons come on reaching it and, when monthly, each month in it —
 * once per member, tier and period however often the move is heard or the job runs.
 */
class TierCouponsIntegrationTests extends IntegrationTest {

    @Autowired
    TierCoupons tierCoupons;

    TestTenants.Fixture fixture;
    ApiClient admin;
    Instant placed;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "精华液", "role": "hero", "price": 300}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        template("SILVER-WELCOME", 1);
        template("GOLD-MONTHLY", 100);
    }

    void template(String code, int perCustomer) {
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "%s", "name": "等级券", "kind": "amount", "value": 20, "threshold": 100,
                 "validDays": 30, "perCustomer": %d}""".formatted(code, perCustomer));
        assertThat(template.status()).as(template.body()).isEqualTo(201);
    }

    ApiClient.Response program(String silverCoupons, String goldCoupons) {
        return admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "purchase", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 500, "multiplier": 1, "discountPercent": 5,
                            "freeShipping": false, "birthdayPoints": 0, "coupons": %s},
                           {"level": 3, "name": "金卡", "minGrowth": 1000, "multiplier": 1, "discountPercent": 10,
                            "freeShipping": true, "birthdayPoints": 0, "coupons": %s}]}""".formatted(silverCoupons, goldCoupons));
    }

    long buy(String orderNo, String mobile, int heroes) {
        var response = admin.post("/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"mobile": "%s"}, "placedAt": "%s",
                  "lines": [{"sku": "HERO-1", "quantity": %d}],
                  "payments": [{"paymentNo": "P-%s", "amount": %d, "paidAt": "%s", "method": "wechat"}]}]}""".formatted(
                        orderNo, mobile, placed, heroes, orderNo, heroes * 300, placed.plusSeconds(30)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("results").get(0).path("customerId").asLong();
    }

    long coupons(long customer, String code) {
        return sql.count(
                fixture.tenant(),
                "select count(*) from coupon c join coupon_template t on t.id = c.template_id where c.customer_id = "
                        + customer + " and t.code = '" + code + "' and c.source = 'tier'");
    }

    int monthly(LocalDate day) {
        return Tenancy.callAs(fixture.tenant(), () -> tierCoupons.monthly(day));
    }

    @Test
    void theProgramKeepsEachTiersCouponsAndRefusesAnUnknownTemplate() {
        var saved = program("[{\"templateCode\": \"SILVER-WELCOME\", \"monthly\": false}]", """
                [{"templateCode": "GOLD-MONTHLY", "monthly": true}]""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var tiers = admin.get("/api/v1/loyalty/program").json().path("tiers");
        assertThat(tiers.get(0).path("coupons").size()).isZero();
        assertThat(tiers.get(1).path("coupons").get(0).path("templateCode").asString())
                .isEqualTo("SILVER-WELCOME");
        assertThat(tiers.get(2).path("coupons").get(0).path("monthly").asBoolean())
                .isTrue();

        var bad = program("[{\"templateCode\": \"NOPE\", \"monthly\": false}]", "[]");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly("tiers[1].coupons[0].templateCode");
        assertThat(bad.json().path("errors").get(0).path("message").asString()).contains("NOPE");
    }

    @Test
    void aMemberReachingATierReceivesItsCouponsOnceEvenWhenTheOrderIsSentAgain() {
        assertThat(program("[{\"templateCode\": \"SILVER-WELCOME\", \"monthly\": false}]", """
                        [{"templateCode": "GOLD-MONTHLY", "monthly": true}]""")
                        .status())
                .isEqualTo(200);
        long ann = buy("SO-1", "13900007001", 2);
        assertThat(coupons(ann, "SILVER-WELCOME")).isEqualTo(1);
        buy("SO-1", "13900007001", 2);
        assertThat(coupons(ann, "SILVER-WELCOME")).as("the resent order").isEqualTo(1);
        assertThat(coupons(ann, "GOLD-MONTHLY")).as("not gold yet").isZero();

        buy("SO-2", "13900007001", 2);
        assertThat(coupons(ann, "GOLD-MONTHLY"))
                .as("reaching gold: this month's")
                .isEqualTo(1);
        assertThat(monthly(LocalDate.now()))
                .as("this month's was given on reaching")
                .isZero();
        assertThat(coupons(ann, "GOLD-MONTHLY")).isEqualTo(1);
    }

    @Test
    void monthlyCouponsComeOncePerMonthToMembersInTheTier() {
        assertThat(program("[]", "[{\"templateCode\": \"GOLD-MONTHLY\", \"monthly\": true}]")
                        .status())
                .isEqualTo(200);
        long bob = buy("SO-10", "13900007010", 4);
        long cat = buy("SO-11", "13900007011", 1);
        assertThat(coupons(bob, "GOLD-MONTHLY"))
                .as("this month's, on reaching gold")
                .isEqualTo(1);
        var next = LocalDate.now().plusMonths(1).withDayOfMonth(1);
        assertThat(monthly(next)).isEqualTo(1);
        assertThat(monthly(next.plusDays(1)))
                .as("a later day of the same month")
                .isZero();
        assertThat(monthly(next)).as("a re-run").isZero();
        assertThat(coupons(bob, "GOLD-MONTHLY")).isEqualTo(2);
        assertThat(monthly(next.plusMonths(1))).as("the month after").isEqualTo(1);
        assertThat(coupons(bob, "GOLD-MONTHLY")).isEqualTo(3);
        assertThat(coupons(cat, "GOLD-MONTHLY")).as("not in the tier").isZero();
    }
}

package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member page over its own API: staff hand out a link, and whoever opens it sees that member's card, points
 * and coupons (nobody else's) and redeems mall items once per redemption id, however often the page sends it.
 */
class MemberPageIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "精华液", "role": "hero", "price": 300}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "purchase", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "end_of_next_year",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 1000, "multiplier": 1, "discountPercent": 5,
                            "freeShipping": false, "birthdayPoints": 100}]}""");
        assertThat(program.status()).as(program.body()).isEqualTo(200);
    }

    long buy(String orderNo, String mobile, String name) {
        var customer = admin.post("/api/v1/customers", """
                {"identities": [{"type": "mobile", "value": "%s", "verified": true}], "name": "%s"}""".formatted(mobile, name));
        assertThat(customer.status()).as(customer.body()).isIn(200, 201);
        var placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var response =
                admin.post("/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"mobile": "%s"}, "placedAt": "%s",
                  "lines": [{"sku": "HERO-1", "quantity": 1}],
                  "payments": [{"paymentNo": "P-%s", "amount": 300, "paidAt": "%s", "method": "wechat"}]}]}""".formatted(orderNo, mobile, placed, orderNo, placed.plusSeconds(30)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("results").get(0).path("customerId").asLong())
                .as(response.body())
                .isEqualTo(customer.json().path("id").asLong());
        return customer.json().path("id").asLong();
    }

    /** A browser that opened the member's link: no session, only the link's token. */
    ApiClient page(long customer) {
        var link = admin.post("/api/v1/loyalty/members/" + customer + "/page-link", "{}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var url = URI.create(link.text("url"));
        assertThat(url.getPath()).isEqualTo("/h5/member");
        assertThat(link.text("qr")).startsWith("data:image/png;base64,");
        return new ApiClient(port).apiKey(url.getFragment());
    }

    @Test
    void theLinkShowsTheMembersOwnCardPointsAndCouponsAndNobodyElses() {
        long anna = buy("SO-1", "13900007001", "Anna");
        long bo = buy("SO-2", "13900007002", "Bo");
        buy("SO-3", "13900007002", "Bo");
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "H5-20", "name": "满 200 减 20", "kind": "amount", "value": 20, "threshold": 200,
                 "skus": ["HERO-1"], "validDays": 30, "perCustomer": 1}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        admin.post(
                "/api/v1/loyalty/coupon-templates/" + template.json().path("id").asLong() + "/issue",
                """
                {"customerIds": [%d], "key": "h5-1"}""".formatted(bo));

        var annas = page(anna);
        var card = annas.get("/api/h5/v1/member");
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.text("name")).isEqualTo("Anna");
        assertThat(card.json().path("points").asLong()).isEqualTo(300);
        assertThat(card.json().path("tierName").asString()).isEqualTo("普通");
        assertThat(card.json().path("topTier").asInt()).isEqualTo(2);
        assertThat(card.json().path("nextTier").path("growthNeeded").asLong()).isEqualTo(700);
        var ledger = annas.get("/api/h5/v1/member/points").json();
        assertThat(ledger.findValuesAsString("kind")).containsExactly("earn");
        assertThat(ledger.get(0).has("actor")).as("no staff names").isFalse();
        assertThat(annas.get("/api/h5/v1/member/coupons").json()).isEmpty();

        var bos = page(bo);
        assertThat(bos.get("/api/h5/v1/member").json().path("points").asLong()).isEqualTo(600);
        assertThat(bos.get("/api/h5/v1/member/points").json().size()).isEqualTo(2);
        var coupons = bos.get("/api/h5/v1/member/coupons").json();
        assertThat(coupons.findValuesAsString("status")).containsExactly("available");
        assertThat(coupons.get(0).path("threshold").decimalValue()).isEqualByComparingTo("200");
        assertThat(coupons.get(0).path("skus").get(0).asString()).isEqualTo("HERO-1");
    }

    @Test
    void aRedemptionSentTwiceOrAtOnceRedeemsOnceAndANewAttemptRedeemsAgain() throws Exception {
        long cai = buy("SO-9", "13900007009", "Cai");
        var item = admin.post("/api/v1/loyalty/mall/items", """
                {"name": "保温杯", "points": 100, "stock": 5, "perMember": 3}""");
        long itemId = item.json().path("id").asLong();
        var page = page(cai);
        var items = page.get("/api/h5/v1/member/mall/items").json();
        assertThat(items.findValuesAsString("name")).containsExactly("保温杯");
        assertThat(items.get(0).path("left").asInt()).isEqualTo(5);

        var body = """
                {"itemId": %d, "redemptionId": "0b6f4a8e-6a43-4d0e-9a51-3b2c6d7e8f90"}""".formatted(itemId);
        var taps = new ArrayList<Callable<ApiClient.Response>>();
        for (int i = 0; i < 4; i++) {
            taps.add(() -> page.post("/api/h5/v1/member/mall/redemptions", body));
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            var orders = new ArrayList<Long>();
            for (var f : pool.invokeAll(taps)) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
                orders.add(f.get().json().path("orderId").asLong());
            }
            assertThat(orders).as("one order for one attempt").containsOnly(orders.getFirst());
        }
        assertThat(page.get("/api/h5/v1/member").json().path("points").asLong()).isEqualTo(200);
        assertThat(sql.count(fixture.tenant(), "select count(*) from mall_order"))
                .isEqualTo(1);
        assertThat(sql.single(fixture.tenant(), "select actor from points_entry where kind = 'spend'", String.class))
                .isEqualTo("H5");

        var again = page.post("/api/h5/v1/member/mall/redemptions", """
                {"itemId": %d, "redemptionId": "5d1c2b3a-0000-4000-8000-00000000000a"}""".formatted(itemId));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("balance").asLong()).isEqualTo(100);
        assertThat(page.get("/api/h5/v1/member/mall/items")
                        .json()
                        .get(0)
                        .path("left")
                        .asInt())
                .isEqualTo(3);
        assertThat(admin.get("/api/v1/loyalty/mall/orders").json().path("items").size())
                .as("the console sees the member's orders")
                .isEqualTo(2);
    }

    @Test
    void aRedemptionWithoutAUsableRedemptionIdIsRefused() {
        long dai = buy("SO-11", "13900007011", "Dai");
        var item = admin.post("/api/v1/loyalty/mall/items", """
                {"name": "帆布袋", "points": 50, "stock": 5}""");
        var refused = page(dai).language("en").post("/api/h5/v1/member/mall/redemptions", """
                {"itemId": %d, "redemptionId": "x"}""".formatted(
                        item.json().path("id").asLong()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("redemptionId");
        assertThat(sql.count(fixture.tenant(), "select count(*) from mall_order"))
                .isZero();
    }
}

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
 * Membership and loyalty over the API: purchases earn points and growth once, refunds take their share back,
 * tiers follow growth, lots expire and are spent first-in first-out, adjustments need a second person, coupons
 * and mall items are never given beyond their stock or twice for one request, and the ledger always reconciles.
 */
class LoyaltyIntegrationTests extends IntegrationTest {

    @Autowired
    Points points;

    @Autowired
    LoyaltyWork work;

    TestTenants.Fixture fixture;
    ApiClient admin;
    ApiClient manager;
    Instant placed;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        manager = ApiClient.loggedIn(port, fixture.manager());
        placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "HERO-1", "name": "精华液", "role": "hero", "price": 300},
                              {"sku": "TRIAL-1", "name": "体验装", "role": "lead", "price": 10}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "purchase", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "end_of_next_year",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 500, "multiplier": 2, "discountPercent": 5,
                            "freeShipping": false, "birthdayPoints": 100}]}""");
        assertThat(program.status()).as(program.body()).isEqualTo(200);
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

    JsonNode member(long customer) {
        var response = admin.get("/api/v1/loyalty/members/" + customer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    void reconciles() {
        assertThat(Tenancy.callAs(fixture.tenant(), points::reconcile)).isEmpty();
    }

    @Test
    void aPurchaseEarnsPointsAndGrowthOnceMovesTheTierAndARefundTakesItsShareBack() {
        long anna = buy("SO-1", "13900006001", 1); // 300: tier 1 earns ×1
        assertThat(member(anna).path("points").asLong()).isEqualTo(300);
        long again = buy("SO-1", "13900006001", 1);
        assertThat(again).isEqualTo(anna);
        buy("SO-2", "13900006001", 1); // growth 600: silver from now on
        var silver = member(anna);
        assertThat(silver.path("points").asLong()).isEqualTo(600);
        assertThat(silver.path("tier").asInt()).isEqualTo(2);
        assertThat(silver.path("tiers").findValuesAsString("reason")).containsExactly("upgrade", "join");
        assertThat(sql.count(fixture.tenant(), "select member_level from customer where id = " + anna))
                .as("the tier is mirrored on the profile segments read")
                .isEqualTo(2);
        buy("SO-3", "13900006001", 1); // silver earns ×2
        assertThat(member(anna).path("points").asLong()).isEqualTo(1200);

        // a shop spends 1,000 of them; the same request again spends nothing
        var spend = admin.post("/api/v1/loyalty/points/spend", """
                {"customerId": %d, "points": 1000, "requestId": "POS-77"}""".formatted(anna));
        assertThat(spend.status()).as(spend.body()).isEqualTo(200);
        assertThat(admin.post("/api/v1/loyalty/points/spend", """
                        {"customerId": %d, "points": 1000, "requestId": "POS-77"}""".formatted(anna))
                        .json()
                        .path("id")
                        .asLong())
                .isEqualTo(spend.json().path("id").asLong());
        assertThat(member(anna).path("points").asLong()).isEqualTo(200);

        // SO-3 (600 points) is refunded in full: 200 are left to take, 400 are a shortfall; growth goes back to 600
        var refund = admin.post("/api/v1/orders/SO-3/refunds", """
                {"refundNo": "R-3", "amount": 300, "refundedAt": "%s"}""".formatted(placed.plusSeconds(600)));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        var after = member(anna);
        assertThat(after.path("points").asLong()).isZero();
        assertThat(after.path("growth").asLong()).isEqualTo(600);
        var ledger =
                admin.get("/api/v1/loyalty/members/" + anna + "/points").json().path("items");
        assertThat(ledger.get(0).path("kind").asString()).isEqualTo("reverse");
        assertThat(ledger.get(0).path("points").asLong()).isEqualTo(-200);
        assertThat(ledger.get(0).path("shortfall").asLong()).isEqualTo(400);
        assertThat(ledger.findValuesAsString("kind")).containsExactly("reverse", "spend", "earn", "earn", "earn");
        reconciles();

        // SO-2 half refunded twice: 300 points' growth back in two steps, down to silver's edge and below it
        admin.post("/api/v1/orders/SO-2/refunds", """
                {"refundNo": "R-2a", "amount": 150, "refundedAt": "%s"}""".formatted(placed.plusSeconds(700)));
        assertThat(member(anna).path("growth").asLong()).isEqualTo(450);
        assertThat(member(anna).path("tier").asInt()).as("down with its growth").isEqualTo(1);
        assertThat(sql.list(
                        fixture.tenant(),
                        "select properties ->> 'direction' from event where type = 10 and customer_id = " + anna
                                + " order by received_at, event_id",
                        String.class))
                .as("journeys hear each move")
                .containsExactly("up", "down");
        reconciles();
    }

    @Test
    void pointsAreSpentOldestExpiryFirstAndLotsExpireOnTheirOwn() {
        long bo = buy("SO-10", "13900006002", 1); // 300 points, expiring at the end of next year
        var expiring = sql.single(
                fixture.tenant(),
                "select (l.expires_at at time zone t.time_zone)::text from points_lot l join tenant t on t.id = l.tenant_id"
                        + " where l.customer_id = " + bo,
                String.class);
        assertThat(expiring)
                .as("the end of next year in the tenant's zone")
                .isEqualTo((java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai"))
                                        .getValue()
                                + 1) + "-12-31 23:59:59");
        // an older grant that expires sooner, and one already past its end
        sql.update(
                fixture.tenant(),
                "update points_lot set expires_at = now() + interval '10 days' where customer_id = " + bo);
        assertThat(Tenancy.callAs(fixture.tenant(), care::expiring)).isEqualTo(1);
        assertThat(Tenancy.callAs(fixture.tenant(), care::expiring))
                .as("once per member and date")
                .isZero();
        assertThat(sql.single(
                        fixture.tenant(),
                        "select properties ->> 'points' from event where type = 9 and customer_id = " + bo,
                        String.class))
                .isEqualTo("300");
        buy("SO-11", "13900006002", 1);
        var spend = admin.post("/api/v1/loyalty/points/spend", """
                {"customerId": %d, "points": 350, "requestId": "POS-1"}""".formatted(bo));
        assertThat(spend.status()).as(spend.body()).isEqualTo(200);
        assertThat(sql.list(
                        fixture.tenant(),
                        "select remaining from points_lot where customer_id = " + bo + " order by id",
                        Long.class))
                .as("the lot that expires first is used up first")
                .containsExactly(0L, 250L);
        sql.update(
                fixture.tenant(),
                "update points_lot set expires_at = now() - interval '1 second' where customer_id = " + bo);
        assertThat(member(bo).path("expiring").path("points").asLong())
                .as("due, shown as expiring until the sweep takes them")
                .isEqualTo(250);
        Tenancy.callAs(fixture.tenant(), work::expire);
        var member = member(bo);
        assertThat(member.path("points").asLong()).isZero();
        var ledger =
                admin.get("/api/v1/loyalty/members/" + bo + "/points").json().path("items");
        assertThat(ledger.get(0).path("kind").asString()).isEqualTo("expire");
        assertThat(ledger.get(0).path("points").asLong()).isEqualTo(-250);
        var refused = admin.language("en").post("/api/v1/loyalty/points/spend", """
                {"customerId": %d, "points": 1, "requestId": "POS-2"}""".formatted(bo));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("loyalty.points.insufficient");
        reconciles();
    }

    @Test
    void anAdjustmentIsAppliedOnlyWhenSomeoneElseApprovesIt() {
        long cai = buy("SO-20", "13900006003", 1);
        var asked = admin.post("/api/v1/loyalty/members/" + cai + "/adjustments", """
                {"points": 500, "reason": "客服补偿：物流延误"}""");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long id = asked.json().path("id").asLong();
        var own = admin.language("en").post("/api/v1/loyalty/adjustments/" + id + "/approve", "{}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().path("code").asString()).isEqualTo("loyalty.adjustment.own");
        assertThat(member(cai).path("points").asLong()).isEqualTo(300);

        var approved = manager.post("/api/v1/loyalty/adjustments/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("applied");
        assertThat(manager.post("/api/v1/loyalty/adjustments/" + id + "/approve", "{}")
                        .status())
                .as("decided already")
                .isEqualTo(409);
        assertThat(member(cai).path("points").asLong()).isEqualTo(800);
        var entry = admin.get("/api/v1/loyalty/members/" + cai + "/points")
                .json()
                .path("items")
                .get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("adjust");
        assertThat(entry.path("reason").asString()).isEqualTo("客服补偿：物流延误");
        assertThat(entry.path("approver").asString()).isEqualTo(fixture.manager());

        var tooMuch = admin.post("/api/v1/loyalty/members/" + cai + "/adjustments", """
                {"points": -900, "reason": "误发"}""")
                .json()
                .path("id")
                .asLong();
        assertThat(manager.post("/api/v1/loyalty/adjustments/" + tooMuch + "/approve", "{}")
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("loyalty.points.insufficient");
        var bad = admin.language("en").post("/api/v1/loyalty/members/" + cai + "/adjustments", """
                {"points": 0, "reason": ""}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("points", "reason");
        assertThat(admin.post("/api/v1/loyalty/members/999999999/adjustments", """
                        {"points": 5, "reason": "x"}""")
                        .status())
                .as("unknown member")
                .isEqualTo(404);
        reconciles();
    }

    @Test
    void aCouponIsRedeemedOnceByItsHolderWithinItsRulesAndIssuingKeepsToStockAndLimits() {
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "SPRING20", "name": "春季满 200 减 20", "kind": "amount", "value": 20, "threshold": 200,
                 "skus": ["HERO-1"], "validDays": 30, "perCustomer": 1, "stock": 2}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        long id = template.json().path("id").asLong();
        long dan = buy("SO-30", "13900006004", 1);
        long eve = buy("SO-31", "13900006005", 1);
        long fay = buy("SO-32", "13900006006", 1);
        var issued = admin.post("/api/v1/loyalty/coupon-templates/" + id + "/issue", """
                {"customerIds": [%d, %d, %d], "key": "spring-1"}""".formatted(dan, eve, fay));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().path("issued").asInt()).isEqualTo(2);
        assertThat(issued.json().path("skipped").path("stock").asInt()).isEqualTo(1);
        assertThat(admin.post("/api/v1/loyalty/coupon-templates/" + id + "/issue", """
                        {"customerIds": [%d], "key": "spring-1"}""".formatted(dan))
                        .json()
                        .path("issued")
                        .asInt())
                .as("the same key issues nothing again")
                .isZero();
        var code = admin.get("/api/v1/loyalty/members/" + dan + "/coupons")
                .json()
                .get(0)
                .path("code")
                .asString();

        var foreign = admin.post("/api/v1/loyalty/coupons/redeem", redeem(code, eve, "250", "R-1"));
        assertThat(foreign.json().path("code").asString()).isEqualTo("loyalty.coupon.foreign");
        assertThat(admin.post("/api/v1/loyalty/coupons/redeem", redeem(code, dan, "150", "R-1"))
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("loyalty.coupon.threshold");
        var ok = admin.post("/api/v1/loyalty/coupons/redeem", redeem(code, dan, "250", "R-1"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("discount").decimalValue()).isEqualByComparingTo("20");
        assertThat(admin.post("/api/v1/loyalty/coupons/redeem", redeem(code, dan, "250", "R-1"))
                        .status())
                .as("the same redemption again answers the same")
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/loyalty/coupons/redeem", redeem(code, dan, "250", "R-2"))
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("loyalty.coupon.used");
        var shown = admin.get("/api/v1/loyalty/coupon-templates/" + id).json();
        assertThat(shown.path("issued").asInt()).isEqualTo(2);
        assertThat(shown.path("redeemed").asLong()).isEqualTo(1);

        sql.update(
                fixture.tenant(), "update coupon set expires_at = now() - interval '1 second' where status = 'issued'");
        var eveCode = admin.get("/api/v1/loyalty/members/" + eve + "/coupons")
                .json()
                .get(0)
                .path("code")
                .asString();
        assertThat(admin.post("/api/v1/loyalty/coupons/redeem", redeem(eveCode, eve, "250", "R-3"))
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("loyalty.coupon.expired");
        assertThat(admin.post("/api/v1/loyalty/coupons/redeem", redeem("NOSUCHCODE", eve, "250", "R-4"))
                        .status())
                .isEqualTo(404);
        var bad = admin.language("en").post("/api/v1/loyalty/coupon-templates", """
                {"code": "bad code", "name": "", "kind": "percent", "value": 120, "validDays": 0, "perCustomer": 0}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly("code", "name", "value", "validDays", "perCustomer");
    }

    static String redeem(String code, long customer, String amount, String redemptionId) {
        return """
                {"code": "%s", "customerId": %d, "orderAmount": %s, "skus": ["HERO-1"], "orderNo": "SO-X",
                 "redemptionId": "%s"}""".formatted(code, customer, amount, redemptionId);
    }

    @Test
    void aThousandMembersRedeemingAHundredItemsAtOnceGetExactlyAHundredAndPayOnce() throws Exception {
        var item = admin.post("/api/v1/loyalty/mall/items", """
                {"name": "保温杯", "points": 100, "stock": 100, "perMember": 1}""");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        long itemId = item.json().path("id").asLong();
        // 1,000 members with 150 points each, written straight into the ledger's tables
        sql.update(fixture.tenant(), """
                insert into member (customer_id, member_no, source, points, referral_code)
                select g, 'M' || g, 'api', 150, 'R' || g from generate_series(1000001, 1001000) g""");
        sql.update(fixture.tenant(), """
                insert into points_entry (customer_id, kind, points, balance, key, source)
                select customer_id, 'earn', 150, 150, 'seed:' || customer_id, 'manual' from member
                where customer_id > 1000000""");
        sql.update(fixture.tenant(), """
                insert into points_lot (customer_id, entry_id, points, remaining)
                select customer_id, id, 150, 150 from points_entry where key like 'seed:%'""");
        var customers =
                sql.list(fixture.tenant(), "select customer_id from member where customer_id > 1000000", Long.class);
        var outcomes = new ArrayList<Callable<Integer>>();
        for (var c : customers) {
            outcomes.add(() -> admin.post("/api/v1/loyalty/mall/orders", """
                    {"customerId": %d, "itemId": %d, "requestId": "mall-%d"}""".formatted(c, itemId, c))
                    .status());
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var statuses = pool.invokeAll(outcomes).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(100);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(900);
        }
        assertThat(sql.count(fixture.tenant(), "select redeemed from mall_item where id = " + itemId))
                .isEqualTo(100);
        assertThat(sql.count(fixture.tenant(), "select count(*) from mall_order"))
                .isEqualTo(100);
        assertThat(sql.count(fixture.tenant(), "select count(*) from points_entry where kind = 'spend'"))
                .isEqualTo(100);
        reconciles();

        // a retried request answers the same order; a cancelled one gives the stock and the points back
        long buyer = sql.count(fixture.tenant(), "select customer_id from mall_order order by id limit 1");
        var retried = admin.post("/api/v1/loyalty/mall/orders", """
                {"customerId": %d, "itemId": %d, "requestId": "mall-%d"}""".formatted(buyer, itemId, buyer));
        assertThat(retried.status()).isEqualTo(201);
        long order = retried.json().path("id").asLong();
        assertThat(admin.post("/api/v1/loyalty/mall/orders/" + order + "/cancel", "{}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(member(buyer).path("points").asLong()).isEqualTo(150);
        assertThat(admin.post("/api/v1/loyalty/mall/orders/" + order + "/ship", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(sql.count(fixture.tenant(), "select redeemed from mall_item where id = " + itemId))
                .isEqualTo(99);
        reconciles();
    }

    @Autowired
    Care care;

    @Test
    void aReferrerEarnsOnceOnTheRefereesFirstPaidOrderAndABirthdayBringsTheTiersPointsOnce() {
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "purchase", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never", "referralPoints": 200,
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 700, "multiplier": 1, "discountPercent": 5,
                            "freeShipping": false, "birthdayPoints": 100}]}""");
        assertThat(program.status()).as(program.body()).isEqualTo(200);
        long ann = buy("SO-50", "13900006010", 3); // 900: silver, 900 points
        var code = member(ann).path("referralCode").asString();
        assertThat(code).as("the id in hex, then four random characters").matches("[0-9A-F]{5,}");
        var made = admin.post("/api/v1/customers", """
                {"name": "本", "identities": [{"type": "mobile", "value": "13900006011"}]}""");
        long ben = made.json().path("id").asLong();
        var own = admin.language("en").post("/api/v1/loyalty/members", """
                {"customerId": %d, "referralCode": "%s"}""".formatted(ann, code));
        assertThat(own.status()).as("a member cannot refer themselves").isEqualTo(400);
        var unknown = admin.post("/api/v1/loyalty/members", """
                {"customerId": %d, "referralCode": "NOSUCH00"}""".formatted(ben));
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("referralCode");
        var joined = admin.post("/api/v1/loyalty/members", """
                {"customerId": %d, "referralCode": "%s"}""".formatted(ben, code.toLowerCase()));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.json().path("referredBy").asLong()).isEqualTo(ann);

        buy("SO-51", "13900006011", 1);
        buy("SO-52", "13900006011", 1);
        assertThat(member(ann).path("points").asLong())
                .as("200 for ben's first order, none for the second")
                .isEqualTo(1100);
        assertThat(member(ann).path("referrals").asLong()).isEqualTo(1);

        sql.update(
                fixture.tenant(),
                "update customer set birthday = (now() at time zone 'Asia/Shanghai')::date"
                        + " - interval '30 years' where id in (" + ann + ", " + ben + ")");
        int first = Tenancy.callAs(fixture.tenant(), () -> care.birthdays(care.today()));
        Tenancy.callAs(fixture.tenant(), () -> care.birthdays(care.today()));
        assertThat(first).as("ben's tier has no birthday points").isEqualTo(1);
        assertThat(member(ann).path("points").asLong()).as("once a year").isEqualTo(1200);
        assertThat(member(ben).path("points").asLong()).isEqualTo(600);
        reconciles();
    }

    @Test
    void statsShowMembersByTierOverTimeAndThePointsFlow() {
        long gus = buy("SO-40", "13900006007", 2); // 600: silver
        buy("SO-41", "13900006008", 1);
        admin.post("/api/v1/loyalty/points/spend", """
                {"customerId": %d, "points": 100, "requestId": "POS-40"}""".formatted(gus));
        var stats = admin.get("/api/v1/loyalty/stats").json();
        assertThat(stats.path("members").asLong()).isEqualTo(2);
        assertThat(stats.path("byTier").findValues("members").stream().map(JsonNode::asLong))
                .containsExactly(1L, 1L);
        assertThat(stats.path("liability").asLong()).isEqualTo(800);
        assertThat(stats.path("last30").path("issued").asLong()).isEqualTo(900);
        assertThat(stats.path("last30").path("spent").asLong()).isEqualTo(100);
        var days = stats.path("daily");
        assertThat(days).hasSize(30);
        var today = days.get(29);
        assertThat(today.path("joined").asLong()).isEqualTo(2);
        assertThat(today.path("tiers").path("2").asLong()).isEqualTo(1);
        assertThat(days.get(28).path("tiers").path("1").asLong())
                .as("no members yesterday")
                .isZero();
    }
}

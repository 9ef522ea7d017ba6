package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tiers kept over a growth window (seed 003): growth older than the window stops counting, a member moves up as
 * soon as the window's growth reaches a tier, and the daily review drops a member below their tier's keep
 * threshold to the highest tier whose keep threshold they meet — once a day. A lifetime window never drops anyone
 * on schedule.
 */
class TierKeepIntegrationTests extends IntegrationTest {

    @Autowired
    TierReview review;

    @Autowired
    Members members;

    @Autowired
    TierDropWarnings warnings;

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
    }

    void program(String growthWindow) {
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "purchase", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "end_of_next_year", "growthWindow": %s,
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 500, "keepGrowth": 300, "multiplier": 1,
                            "discountPercent": 5, "freeShipping": false, "birthdayPoints": 0},
                           {"level": 3, "name": "金卡", "minGrowth": 1000, "keepGrowth": 800, "multiplier": 1,
                            "discountPercent": 10, "freeShipping": true, "birthdayPoints": 0}]}""".formatted(growthWindow));
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

    /** Moves all the member's growth so far 13 months back: out of a 12-month window. */
    void ageGrowth(long customer) {
        sql.update(
                fixture.tenant(),
                "update member_growth set at = at - interval '13 months' where customer_id = " + customer);
    }

    int tier(long customer) {
        var response = admin.get("/api/v1/loyalty/members/" + customer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("tier").asInt();
    }

    int review() {
        return Tenancy.callAs(fixture.tenant(), () -> review.review(members.today()));
    }

    long reviewDrops() {
        return sql.count(fixture.tenant(), "select count(*) from member_tier_change where reason = 'downgrade-review'");
    }

    long downEvents() {
        return sql.count(
                fixture.tenant(), "select count(*) from event where type = 10 and properties ->> 'direction' = 'down'");
    }

    @Test
    void theProgramKeepsItsWindowAndKeepThresholdsAndSaysLifetimeByDefault() {
        assertThat(admin.get("/api/v1/loyalty/program")
                        .json()
                        .path("growthWindow")
                        .asString())
                .isEqualTo("lifetime");
        program("12");
        var saved = admin.get("/api/v1/loyalty/program").json();
        assertThat(saved.path("growthWindow").asString()).isEqualTo("12");
        assertThat(saved.path("tiers").get(0).path("keepGrowth").isNull())
                .as("none given: the threshold")
                .isTrue();
        assertThat(saved.path("tiers").get(1).path("keepGrowth").asLong()).isEqualTo(300);
        assertThat(saved.path("tiers").get(2).path("keepGrowth").asLong()).isEqualTo(800);
        program("\"lifetime\"");
        assertThat(admin.get("/api/v1/loyalty/program")
                        .json()
                        .path("growthWindow")
                        .asString())
                .isEqualTo("lifetime");
    }

    @Test
    void aBadWindowOrKeepThresholdIsRefusedWithItsFieldNamedInTheCallersLanguage() {
        var bad = ApiClient.loggedIn(port, fixture.admin()).language("en").put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "free", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never", "growthWindow": 37,
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "keepGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0},
                           {"level": 2, "name": "银卡", "minGrowth": 500, "keepGrowth": 501, "multiplier": 1,
                            "discountPercent": 5, "freeShipping": false, "birthdayPoints": 0}]}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly("growthWindow", "tiers[1].keepGrowth");
        assertThat(bad.json().path("errors").get(1).path("message").asString()).contains("500");

        var zh = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "free", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never", "growthWindow": "forever",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0}]}""");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.json().path("errors").findValuesAsString("field")).containsExactly("growthWindow");
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("终身");
    }

    @Test
    void theDailyReviewDropsMembersBelowTheirKeepThresholdToTheTierTheyStillKeepOnceADay() {
        program("12");
        long anna = buy("SO-A1", "13900007001", 4); // 1,200: gold at once
        assertThat(tier(anna)).as("up as soon as growth reaches the tier").isEqualTo(3);
        ageGrowth(anna);
        buy("SO-A2", "13900007001", 1); // 300 within the window: below gold's keep, at silver's
        assertThat(tier(anna)).as("no drop before the review").isEqualTo(3);

        long bo = buy("SO-B1", "13900007002", 4);
        ageGrowth(bo);
        buy("SO-B2", "13900007002", 3); // 900: below gold's 1,000, above its keep of 800

        long cy = buy("SO-C1", "13900007003", 2); // 600: silver
        ageGrowth(cy); // nothing within the window

        long dan = buy("SO-D1", "13900007004", 3); // 900: silver
        ageGrowth(dan);
        buy("SO-D2", "13900007004", 2); // 1,500 in all, 600 within the window
        assertThat(tier(dan))
                .as("growth older than the window does not lift a member")
                .isEqualTo(2);

        assertThat(review()).isEqualTo(2);
        assertThat(tier(anna))
                .as("down to silver, whose keep 300 is met, not to the first tier")
                .isEqualTo(2);
        assertThat(tier(bo)).as("keeps gold with 800 of growth").isEqualTo(3);
        assertThat(tier(cy)).isEqualTo(1);
        assertThat(tier(dan)).isEqualTo(2);
        var history = admin.get("/api/v1/loyalty/members/" + anna).json().path("tiers");
        assertThat(history.get(0).path("reason").asString()).isEqualTo("downgrade-review");
        assertThat(history.get(0).path("from").asInt()).isEqualTo(3);
        assertThat(history.get(0).path("to").asInt()).isEqualTo(2);
        assertThat(sql.count(fixture.tenant(), "select member_level from customer where id = " + cy))
                .as("the profile's member level follows")
                .isEqualTo(1);
        assertThat(downEvents()).as("journeys hear each drop").isEqualTo(2);

        // the same day again, after anna's recent growth has aged out too: below silver's keep, but reviewed today
        sql.update(
                fixture.tenant(),
                "update member_growth set at = at - interval '13 months' where customer_id = " + anna);
        assertThat(review()).as("once per member and day").isZero();
        assertThat(tier(anna)).isEqualTo(2);
        assertThat(reviewDrops()).isEqualTo(2);
        assertThat(downEvents()).isEqualTo(2);
    }

    /** Moves all the member's growth so far back to leave a 12-month window in {@code days} days. */
    void leaveWindowIn(long customer, int days) {
        sql.update(
                fixture.tenant(),
                "update member_growth set at = at - interval '12 months' + interval '%d days' where customer_id = %d"
                        .formatted(days, customer));
    }

    int warn() {
        return Tenancy.callAs(fixture.tenant(), warnings::warn);
    }

    @Test
    void aMemberWhoseGrowthLeavesTheWindowWithinAWeekIsWarnedOnceOfTheDrop() {
        program("12");
        long eve = buy("SO-E1", "13900007021", 4); // 1,200: gold; it leaves the window in 3 days
        leaveWindowIn(eve, 3);
        buy("SO-E2", "13900007021", 1); // 300 stays: 1,500 now, 300 in 3 days — below gold's keep of 800

        long fay = buy("SO-F1", "13900007022", 4); // the same, but leaving in 10 days: not yet
        leaveWindowIn(fay, 10);
        buy("SO-F2", "13900007022", 1);

        long gus = buy("SO-G1", "13900007023", 4); // leaves in 3 days, but 900 stay: gold is kept
        leaveWindowIn(gus, 3);
        buy("SO-G2", "13900007023", 3);

        assertThat(warn()).isEqualTo(1);
        assertThat(warn()).as("once per member and crossing").isZero();
        assertThat(review()).as("nobody drops yet").isZero();
        var warned = sql.list(
                fixture.tenant(),
                "select customer_id || ' ' || (properties ->> 'tier') || ' ' || (properties ->> 'keepGrowth') || ' '"
                        + " || (properties ->> 'windowGrowth') || ' ' || (properties ->> 'growthNeeded')"
                        + " from event where type = 13",
                String.class);
        assertThat(warned).containsExactly(eve + " 3 800 1500 500");

        // with a lifetime window nobody is warned
        program("\"lifetime\"");
        sql.update(fixture.tenant(), "delete from tier_drop_warning");
        assertThat(warn()).isZero();
    }

    @Test
    void aLifetimeWindowNeverDropsAnyoneOnSchedule() {
        program("\"lifetime\"");
        long anna = buy("SO-L1", "13900007011", 4);
        ageGrowth(anna);
        assertThat(review()).isZero();
        assertThat(tier(anna)).isEqualTo(3);
        assertThat(reviewDrops()).isZero();
    }
}

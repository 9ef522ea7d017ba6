package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Purchase earning keeps the program in memory; a saved change must still apply to the very next purchase. */
class ProgramChangeIntegrationTests extends IntegrationTest {

    static final String PROGRAM = """
            {"name": "会员计划", "joinRule": "free", "pointsPerYuan": %d, "growthPerYuan": 1,
             "pointsExpiry": "end_of_next_year",
             "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                        "freeShipping": false, "birthdayPoints": 0}]}""";

    @Test
    void aSavedRateAppliesToTheNextPurchaseAtOnce() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(admin.put("/api/v1/loyalty/program", PROGRAM.formatted(1)).status())
                .isEqualTo(200);
        var made = admin.post("/api/v1/customers", """
                {"name": "会员", "identities": [{"type": "mobile", "value": "13900008801"}]}""");
        long customer = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer))
                        .status())
                .isEqualTo(201);

        purchase(admin, "o-1", now.minusSeconds(120));
        assertThat(points(admin, customer)).isEqualTo(100);

        assertThat(admin.put("/api/v1/loyalty/program", PROGRAM.formatted(3)).status())
                .isEqualTo(200);
        purchase(admin, "o-2", now.minusSeconds(60));

        assertThat(points(admin, customer))
                .as("100 at the old rate, then 300 at the new")
                .isEqualTo(400);
    }

    private static void purchase(ApiClient admin, String order, Instant at) {
        var sent = admin.post("/api/v1/events", """
                {"events": [{"eventId": "%s", "type": "purchase", "occurredAt": "%s",
                             "customer": {"mobile": "13900008801"},
                             "properties": {"orderId": "%s", "amount": 100}}]}""".formatted(order, at, order));
        assertThat(sent.json().path("accepted").asInt()).as(sent.body()).isOne();
    }

    private static long points(ApiClient admin, long customer) {
        return admin.get("/api/v1/loyalty/members/" + customer)
                .json()
                .path("points")
                .asLong();
    }
}

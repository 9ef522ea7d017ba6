package io.siyu.layering;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LayerIntegrationTests extends IntegrationTest {

    @Autowired
    LayerManagement layers;

    @Autowired
    LayerSnapshots snapshots;

    @Test
    void theDailyCheckTakesEachTenantsSnapshotForItsToday() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        customer(admin, "13600000001", 1);
        assertThat(Tenancy.callAs(fixture.tenant(), layers::snapshotTakenToday)).isFalse();

        snapshots.check();

        assertThat(Tenancy.callAs(fixture.tenant(), layers::snapshotTakenToday)).isTrue();
        var transitions = admin.get("/api/v1/layers/circle/transitions").json();
        assertThat(transitions.path("days").size()).isEqualTo(1);
        assertThat(transitions.path("matrix").get(2).get(2).asLong()).isEqualTo(1); // outer stays outer
    }

    @Test
    void rfmPutsEachBuyerInOneGroupUnderTheTenantsScoring() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        var products = admin.post(
                "/api/v1/products",
                "{\"products\": [{\"sku\": \"P1\", \"name\": \"精华\", \"role\": \"hero\", \"price\": 100}]}");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        customer(admin, "13800000001", 1);
        orders(admin, "13800000001", "A", 3);
        orders(admin, "13800000002", "B", 1);
        customer(admin, "13800000003", 1);
        var scoring = admin.put(
                "/api/v1/layers/rfm/scoring",
                "{\"mode\": \"thresholds\", \"frequency\": [2, 3, 4, 5], \"monetary\": [100, 250, 500, 1000], \"highFrom\": 3}");
        assertThat(scoring.status()).as(scoring.body()).isEqualTo(200);

        eventually(() -> {
            var grid = admin.get("/api/v1/layers/rfm/grid").json();
            assertThat(grid.path("buyers").asLong()).isEqualTo(2);
            assertThat(group(grid, "important_value")).isEqualTo(1);
            assertThat(group(grid, "general_develop")).isEqualTo(1);
            long inGroups = grid.path("groups")
                    .valueStream()
                    .mapToLong(g -> g.path("count").asLong())
                    .sum();
            assertThat(inGroups).isEqualTo(2);
            // Recency 5 (bought today): frequency 3 for A, 1 for B.
            assertThat(grid.path("cells").get(0).get(2).asLong()).isEqualTo(1);
            assertThat(grid.path("cells").get(0).get(4).asLong()).isEqualTo(1);
            assertThat(grid.path("monetaryHigh").get(0).get(2).asLong()).isEqualTo(1);
        });
        assertThat(count(admin, "{\"attribute\": \"layers.rfm\", \"op\": \"eq\", \"value\": \"important_value\"}"))
                .isEqualTo(1);
        assertThat(count(admin, "{\"attribute\": \"layers.rfmF\", \"op\": \"in\", \"values\": [\"3\", \"1\"]}"))
                .isEqualTo(2);

        var quintiles = admin.put("/api/v1/layers/rfm/scoring", "{\"mode\": \"quintiles\"}");
        assertThat(quintiles.status()).as(quintiles.body()).isEqualTo(200);
        assertThat(quintiles.json().path("computedAt").isString()).isTrue();
        assertThat(quintiles.json().path("frequency").get(3).asInt()).isEqualTo(3);
        var bad = admin.language("en")
                .put("/api/v1/layers/rfm/scoring", "{\"recency\": [90, 30, 180, 365], \"highFrom\": 7}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("recency", "highFrom");
    }

    @Test
    void everyCustomerIsInExactlyOneLevelOfALayer() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        for (int i = 0; i < 5; i++) {
            customer(admin, "1390000000" + i, i);
        }
        var overview = admin.get("/api/v1/layers").json();
        for (var key : new String[] {"lifecycle", "growth", "circle", "intent"}) {
            var layer = overview.valueStream()
                    .filter(l -> l.path("key").asString().equals(key))
                    .findFirst()
                    .orElseThrow();
            long total = layer.path("levels")
                    .valueStream()
                    .mapToLong(l -> l.path("count").asLong())
                    .sum();
            assertThat(total).as(key).isEqualTo(5);
        }
        assertThat(count(admin, "{\"attribute\": \"layers.lifecycle\", \"op\": \"eq\", \"value\": \"new\"}"))
                .isEqualTo(5);
    }

    @Test
    void ownLevelRulesAreCheckedAndTransitionsFollowThem() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long a = customer(admin, "13700000001", 5);
        customer(admin, "13700000002", 7);

        var bad = admin.put("/api/v1/layers/lifecycle", """
                {"levels": [{"key": "new", "rule": {"attribute": "shoeSize", "op": "eq", "value": 1}},
                            {"key": "active", "rule": null}, {"key": "silent", "rule": null}, {"key": "churned", "rule": null}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("levels[0].rule.attribute", "levels[1].rule", "levels[2].rule");
        var wrongKeys = admin.put("/api/v1/layers/lifecycle", "{\"levels\": [{\"key\": \"vip\", \"rule\": null}]}");
        assertThat(wrongKeys.status()).isEqualTo(400);

        var own = admin.put("/api/v1/layers/lifecycle", """
                {"levels": [{"key": "new", "rule": {"attribute": "city", "op": "eq", "value": 5}},
                            {"key": "active", "rule": {"attribute": "city", "op": "eq", "value": 6}},
                            {"key": "silent", "rule": {"attribute": "city", "op": "eq", "value": 7}},
                            {"key": "churned", "rule": null}]}""");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("customized").asBoolean()).isTrue();

        var yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        Tenancy.runAs(fixture.tenant(), () -> layers.snapshot(yesterday));
        // asked once before the move: today's answer must still follow it afterwards
        assertThat(admin.get("/api/v1/layers/lifecycle/transitions?from=" + yesterday)
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/customers/" + a, "{\"city\": 6}").status())
                .isEqualTo(200);

        // the index takes the change after the commit, on one upkeep thread that every tenant's changes share: in
        // the whole suite on a busy machine it can be behind another test's bulk changes for a while
        eventually(java.time.Duration.ofSeconds(60), () -> {
            var transitions = admin.get("/api/v1/layers/lifecycle/transitions?from=" + yesterday)
                    .json();
            assertThat(transitions.path("levels").get(0).asString()).isEqualTo("new");
            var matrix = transitions.path("matrix");
            assertThat(matrix.get(0).get(1).asLong()).as(transitions.toString()).isEqualTo(1); // new → active
            assertThat(matrix.get(2).get(2).asLong()).isEqualTo(1); // silent stays
        });
        var missing = admin.get("/api/v1/layers/lifecycle/transitions?from=2001-01-01");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/layers/lifecycle").status()).isEqualTo(204);
    }

    private static long group(JsonNode grid, String key) {
        return grid.path("groups")
                .valueStream()
                .filter(g -> g.path("key").asString().equals(key))
                .findFirst()
                .orElseThrow()
                .path("count")
                .asLong();
    }

    private static long count(ApiClient admin, String rule) {
        var response = admin.post("/api/v1/segments/evaluate", "{\"rule\": " + rule + ", \"preview\": 0}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }

    private static void orders(ApiClient admin, String mobile, String prefix, int count) {
        var placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var orders = new StringBuilder();
        for (int i = 0; i < count; i++) {
            orders.append(i == 0 ? "" : ",")
                    .append("""
                            {"orderNo": "%s-%d", "customer": {"mobile": "%s"}, "placedAt": "%s",
                             "lines": [{"sku": "P1", "quantity": 1}],
                             "payments": [{"paymentNo": "%s-%d-p", "amount": 100, "paidAt": "%s", "method": "wechat"}]}""".formatted(prefix, i, mobile, placed, prefix, i, placed.plusSeconds(60)));
        }
        var response = admin.post("/api/v1/orders", "{\"orders\": [" + orders + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static long customer(ApiClient admin, String mobile, int city) {
        var response = admin.post(
                "/api/v1/customers",
                "{\"identities\": [{\"type\": \"mobile\", \"value\": \"%s\"}], \"name\": \"客户\", \"city\": %d}"
                        .formatted(mobile, city));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}

package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 分销 订单归属 over the API: an order may carry the share code it came through; the program's attribution setting
 * says whether that code or the buyer's binding earns; a code that cannot earn is passed over with a note and never
 * refuses the order; a resent order earns nothing more.
 */
class DistributionAttributionIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;
    int orders;
    JsonNode top;
    JsonNode direct;
    JsonNode other;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        sql.customers(fixture.tenant(), "客户", 40);
        ok(admin.post("/api/v1/products", """
                {"products": [{"sku": "SERUM-1", "name": "精华液", "role": "hero", "category": "护肤", "price": 100}]}"""));
        top = appoint(1, null);
        direct = appoint(2, top.path("code").asString());
        other = appoint(3, null);
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response.json();
    }

    JsonNode appoint(long customer, @Nullable String inviterCode) {
        var response = admin.post("/api/v1/distribution/distributors", """
                {"customerId": %d, "inviterCode": %s, "appoint": true}""".formatted(
                        customer, inviterCode == null ? "null" : "\"" + inviterCode + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    void attribution(String mode) {
        var saved = ok(admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1,
                 "attribution": "%s"}""".formatted(mode)));
        assertThat(saved.path("attribution").asString()).isEqualTo(mode);
    }

    void bind(long customer, JsonNode distributor) {
        ok(admin.post("/api/v1/distribution/bindings", """
                {"customerId": %d, "code": "%s"}""".formatted(
                        customer, distributor.path("code").asString())));
    }

    /** A paid order of ¥100 with the code (or none); answers its number. */
    String buy(long customer, @Nullable String code) {
        var orderNo = "SO-" + (++orders);
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var written = ok(admin.post("/api/v1/orders", order(orderNo, customer, code, at)));
        assertThat(written.path("results").get(0).path("status").asString())
                .as(written.toString())
                .isEqualTo("created");
        return orderNo;
    }

    static String order(String orderNo, long customer, @Nullable String code, Instant at) {
        return """
                {"orders": [{"orderNo": "%s", "customer": {"customerId": %d}, "placedAt": "%s",
                  "lines": [{"sku": "SERUM-1", "quantity": 1}], %s
                  "payments": [{"paymentNo": "P-%s", "amount": 100, "paidAt": "%s"}]}]}""".formatted(
                orderNo, customer, at, code == null ? "" : "\"distributorCode\": \"" + code + "\",", orderNo, at);
    }

    String code(JsonNode distributor) {
        return distributor.path("code").asString();
    }

    String pending(JsonNode distributor) {
        return ok(admin.get("/api/v1/distribution/distributors/"
                        + distributor.path("id").asLong()))
                .path("balances")
                .path("pending")
                .decimalValue()
                .stripTrailingZeros()
                .toPlainString();
    }

    JsonNode outcome(String orderNo) {
        return ok(admin.get("/api/v1/distribution/orders/" + orderNo + "/attribution"));
    }

    @Test
    void underOrderFirstTheOrdersCodeEarnsItsDistributorAndTheirInviterAndBindsABuyerNotYetBound() {
        attribution("order_first");

        var orderNo = buy(20, code(direct));

        assertThat(pending(direct)).as("10% of ¥100").isEqualTo("10");
        assertThat(pending(top)).as("level 2: 5%").isEqualTo("5");
        var noted = outcome(orderNo);
        assertThat(noted.path("via").asString()).isEqualTo("order");
        assertThat(noted.path("earnerId").asLong()).isEqualTo(direct.path("id").asLong());
        assertThat(noted.path("bound").asBoolean()).isTrue();
        assertThat(noted.path("note").isNull()).isTrue();
        assertThat(ok(admin.get("/api/v1/orders/" + orderNo))
                        .path("distributorCode")
                        .asString())
                .isEqualTo(code(direct));

        buy(20, null);
        assertThat(pending(direct))
                .as("the binding the code made earns the next order")
                .isEqualTo("20");
    }

    @Test
    void underOrderFirstTheCodeWinsItsOrderWhileTheBuyersBindingStaysAndEarnsTheOthers() {
        attribution("order_first");
        bind(21, other);

        var coded = buy(21, code(direct));
        buy(21, null);

        assertThat(pending(direct)).isEqualTo("10");
        assertThat(pending(top)).isEqualTo("5");
        assertThat(pending(other)).as("the order without a code").isEqualTo("10");
        assertThat(outcome(coded).path("bound").asBoolean()).isFalse();
        var again = admin.post("/api/v1/distribution/bindings", """
                {"customerId": 21, "code": "%s"}""".formatted(code(direct)));
        assertThat(again.json().path("distributorId").asLong())
                .as("the binding is as it was")
                .isEqualTo(other.path("id").asLong());
    }

    @Test
    void underBindingFirstTheBindingWinsAndABuyerNotYetBoundIsBoundByTheCode() {
        attribution("binding_first");
        bind(22, other);

        var bound = buy(22, code(direct));
        var unbound = buy(23, code(direct));

        assertThat(pending(other)).isEqualTo("10");
        assertThat(outcome(bound).path("via").asString()).isEqualTo("binding");
        assertThat(outcome(bound).path("earnerId").asLong())
                .isEqualTo(other.path("id").asLong());
        assertThat(pending(direct)).as("the unbound buyer's order").isEqualTo("10");
        assertThat(outcome(unbound).path("via").asString()).isEqualTo("order");
        assertThat(outcome(unbound).path("bound").asBoolean()).isTrue();
    }

    @Test
    void underTheDefaultBindingAnOrdersCodeIsKeptButChangesNothing() {
        assertThat(ok(admin.get("/api/v1/distribution/settings"))
                        .path("attribution")
                        .asString())
                .isEqualTo("binding");

        var orderNo = buy(24, code(direct));

        assertThat(pending(direct)).isEqualTo("0");
        var noted = outcome(orderNo);
        assertThat(noted.path("attribution").asString()).isEqualTo("binding");
        assertThat(noted.path("earnerId").isNull()).isTrue();
        assertThat(noted.path("bound").asBoolean()).isFalse();
        var binding = ok(admin.post("/api/v1/distribution/bindings", """
                {"customerId": 24, "code": "%s"}""".formatted(code(other))));
        assertThat(binding.path("created").asBoolean())
                .as("the code bound no one")
                .isTrue();
    }

    @Test
    void anUnknownInactiveOrOwnCodeIsPassedOverWithANoteAndTheOrderIsStillTaken() {
        attribution("order_first");
        bind(26, other);
        var suspended = appoint(4, null);
        ok(admin.post(
                "/api/v1/distribution/distributors/" + suspended.path("id").asLong() + "/suspend", "{}"));

        var unknown = buy(25, "NOSUCH99");
        var inactive = buy(26, code(suspended));
        var own = buy(2, code(direct));

        assertThat(outcome(unknown).path("note").asString()).isEqualTo("unknown");
        assertThat(outcome(unknown).path("earnerId").isNull()).isTrue();
        assertThat(outcome(unknown).path("codeDistributorId").isNull()).isTrue();
        assertThat(outcome(inactive).path("note").asString()).isEqualTo("inactive");
        assertThat(outcome(inactive).path("via").asString())
                .as("the buyer's binding earns instead")
                .isEqualTo("binding");
        assertThat(pending(other)).isEqualTo("10");
        assertThat(outcome(own).path("note").asString()).isEqualTo("own");
        assertThat(pending(direct)).as("no commission on one's own order").isEqualTo("0");
        assertThat(ok(admin.get("/api/v1/orders/" + unknown)).path("status").asString())
                .isEqualTo("paid");
        assertThat(sql.count(fixture.tenant(), "select count(*) from distribution_binding where customer_id = 25"))
                .as("an unknown code binds no one")
                .isZero();
    }

    @Test
    void aResentOrderWithItsCodeEarnsNothingMore() {
        attribution("order_first");
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ok(admin.post("/api/v1/orders", order("SO-R", 27, code(direct), at)));

        var again = ok(admin.post("/api/v1/orders", order("SO-R", 27, code(other), at)));

        assertThat(again.path("results").get(0).path("status").asString()).isEqualTo("duplicate");
        assertThat(pending(direct)).isEqualTo("10");
        assertThat(pending(other)).isEqualTo("0");
        assertThat(sql.count(fixture.tenant(), "select count(*) from distribution_entry where order_no = 'SO-R'"))
                .as("level 1 and level 2, once")
                .isEqualTo(2);
        assertThat(outcome("SO-R").path("code").asString()).isEqualTo(code(direct));
    }

    @Test
    void theSettingIsKeptWhenLeftOutAndAnUnknownOneOrABadCodeIsRefusedNamingTheField() {
        attribution("binding_first");
        var kept = ok(admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 3, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1}"""));
        assertThat(kept.path("attribution").asString()).isEqualTo("binding_first");

        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");
        var refused = english.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1, "attribution": "last"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("attribution");
        assertThat(refused.body()).contains("binding, binding_first, order_first");

        var tooLong = ok(admin.post(
                "/api/v1/orders",
                order("SO-L", 28, "X".repeat(65), Instant.now().truncatedTo(ChronoUnit.MILLIS))));
        assertThat(tooLong.path("results").get(0).path("errors").findValuesAsString("field"))
                .containsExactly("orders[0].distributorCode");
        assertThat(admin.get("/api/v1/distribution/orders/SO-NONE/attribution").status())
                .isEqualTo(404);
    }
}

package io.siyu.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommerceIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;
    Instant placed;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        placed = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var products = admin.post("/api/v1/products", """
                {"products": [
                  {"sku": "TRIAL-1", "name": "体验装", "role": "引流品", "category": "护肤", "price": 9.9},
                  {"sku": "HERO-1", "name": "精华液", "role": "hero", "category": "护肤", "price": "299.00"}
                ]}""");
        assertThat(products.json().path("written").asInt()).as(products.body()).isEqualTo(2);
    }

    String order(String orderNo, String mobile, String payments) {
        return """
                {"orderNo": "%s", "customer": {"mobile": "%s"}, "placedAt": "%s", "store": "杭州西湖店",
                 "lines": [{"sku": "TRIAL-1", "quantity": 2}, {"sku": "HERO-1", "quantity": 1}],
                 "payments": %s}""".formatted(orderNo, mobile, placed, payments);
    }

    String payment(String paymentNo, String amount) {
        return "{\"paymentNo\": \"%s\", \"amount\": %s, \"paidAt\": \"%s\", \"method\": \"wechat\"}"
                .formatted(paymentNo, amount, placed.plusSeconds(60));
    }

    JsonNode send(String... orders) {
        var response = admin.post("/api/v1/orders", "{\"orders\": [" + String.join(",", orders) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void productsAreUpsertedBySkuAndBadRecordsAreNamed() {
        var response = admin.language("en").post("/api/v1/products", """
                        {"products": [
                          {"sku": "HERO-1", "name": "精华液 升级版", "role": "hero", "price": 329},
                          {"sku": "bad sku", "name": "", "role": "gift", "price": -1}
                        ]}""").json();

        assertThat(response.path("results").get(0).path("status").asString()).isEqualTo("updated");
        assertThat(response.path("results")
                        .get(1)
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("products[1].sku", "products[1].name", "products[1].role", "products[1].price");
        var list = admin.get("/api/v1/products?role=hero").json().path("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("name").asString()).isEqualTo("精华液 升级版");
        assertThat(list.get(0).path("price").decimalValue()).isEqualByComparingTo("329");
        assertThat(admin.get("/api/v1/products/categories").json().get(0).asString())
                .isEqualTo("护肤");
    }

    @Test
    void aPaidOrderIsOnePurchaseEventAndMovesTheCustomersTotalsOnce() {
        var first = send(order("SO-1", "13900005001", "[" + payment("PAY-1", "318.8") + "]"));
        var again = send(order("SO-1", "13900005001", "[" + payment("PAY-1", "318.8") + "]"));

        assertThat(first.path("results").get(0).path("status").asString()).isEqualTo("created");
        assertThat(again.path("results").get(0).path("status").asString()).isEqualTo("duplicate");
        long customer = first.path("results").get(0).path("customerId").asLong();
        var profile = admin.get("/api/v1/customers/" + customer).json();
        assertThat(profile.path("totals").path("orderCount").asInt()).isEqualTo(1);
        assertThat(profile.path("totals").path("gmv").decimalValue()).isEqualByComparingTo("318.80");
        assertThat(profile.path("totals").path("firstPurchaseAt").asString())
                .isEqualTo(placed.plusSeconds(60).toString());
        assertThat(count("select count(*) from event where type = 3 and event_id = 'order:SO-1' and customer_id = "
                        + customer))
                .isEqualTo(1);
        var order = admin.get("/api/v1/orders/SO-1").json();
        assertThat(order.path("status").asString()).isEqualTo("paid");
        assertThat(order.path("lines").get(0).path("name").asString()).isEqualTo("体验装");
        assertThat(admin.get("/api/v1/customers/" + customer + "/orders").json().path("items"))
                .hasSize(1);
        var timeline =
                admin.get("/api/v1/customers/" + customer + "/events").json().path("items");
        assertThat(timeline.get(0).path("type").asString()).isEqualTo("purchase");
        assertThat(timeline.get(0).path("properties").path("orderId").asString())
                .isEqualTo("SO-1");
    }

    @Test
    void anOrderStaysPendingUntilItsPaymentsCoverIt() {
        send(order("SO-2", "13900005002", "[" + payment("PAY-2a", "100") + "]"));
        assertThat(admin.get("/api/v1/orders/SO-2").json().path("status").asString())
                .isEqualTo("pending");
        assertThat(count("select count(*) from event where event_id = 'order:SO-2'"))
                .isZero();

        var paid = admin.post("/api/v1/orders/SO-2/payments", payment("PAY-2b", "218.8"));
        admin.post("/api/v1/orders/SO-2/payments", payment("PAY-2b", "218.8"));

        assertThat(paid.json().path("status").asString()).isEqualTo("paid");
        assertThat(paid.json().path("paidAmount").decimalValue()).isEqualByComparingTo("318.8");
        assertThat(count("select count(*) from event where event_id = 'order:SO-2'"))
                .isEqualTo(1);
    }

    @Test
    void refundsReduceTotalsOnceAndNeverExceedWhatWasPaid() {
        var result = send(order("SO-3", "13900005003", "[" + payment("PAY-3", "318.8") + "]"));
        long customer = result.path("results").get(0).path("customerId").asLong();
        var refund = "{\"refundNo\": \"RF-%s\", \"amount\": %s, \"refundedAt\": \"%s\", \"reason\": \"不喜欢\"}";

        var partial =
                admin.post("/api/v1/orders/SO-3/refunds", refund.formatted("1", "19.8", placed.plusSeconds(3600)));
        admin.post("/api/v1/orders/SO-3/refunds", refund.formatted("1", "19.8", placed.plusSeconds(3600)));
        var tooMuch = admin.post("/api/v1/orders/SO-3/refunds", refund.formatted("2", "300", placed.plusSeconds(7200)));

        assertThat(partial.json().path("status").asString()).isEqualTo("partially_refunded");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().path("code").asString()).isEqualTo("commerce.refund.too-much");
        var totals = admin.get("/api/v1/customers/" + customer).json().path("totals");
        assertThat(totals.path("gmv").decimalValue()).isEqualByComparingTo("299.00");
        assertThat(totals.path("orderCount").asInt()).isEqualTo(1);

        var rest = admin.post("/api/v1/orders/SO-3/refunds", refund.formatted("3", "299", placed.plusSeconds(7200)));

        assertThat(rest.json().path("status").asString()).isEqualTo("refunded");
        var after = admin.get("/api/v1/customers/" + customer).json().path("totals");
        assertThat(after.path("gmv").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.path("orderCount").asInt()).isZero();
        assertThat(after.path("lastPurchaseAt").isNull()).isTrue();
        assertThat(count("select count(*) from event where type = 6")).isEqualTo(2);
    }

    @Test
    void aCustomersOrdersComeNewestPlacedFirstAcrossPagesEvenWhenHistoryArrivesLater() {
        var recent = send(order("SO-new", "13900005009", "[]"));
        long customer = recent.path("results").get(0).path("customerId").asLong();
        placed = placed.minus(300, ChronoUnit.DAYS);
        send(order("SO-old", "13900005009", "[]"));
        placed = placed.plus(100, ChronoUnit.DAYS);
        send(order("SO-mid", "13900005009", "[]"));

        var first =
                admin.get("/api/v1/customers/" + customer + "/orders?limit=2").json();
        var rest = admin.get("/api/v1/customers/" + customer + "/orders?limit=2&cursor="
                        + first.path("nextCursor").asString())
                .json();

        assertThat(first.path("items").valueStream().map(o -> o.path("orderNo").asString()))
                .containsExactly("SO-new", "SO-mid");
        assertThat(rest.path("items").valueStream().map(o -> o.path("orderNo").asString()))
                .containsExactly("SO-old");
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        assertThat(admin.get("/api/v1/orders?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void badOrdersAreRejectedRecordByRecordWithEachFieldNamed() {
        var result = admin.language("en")
                .post("/api/v1/orders", """
                        {"orders": [
                          {"orderNo": "SO-ok", "customer": {"memberNo": "M-9"}, "placedAt": "%s",
                           "lines": [{"sku": "NEW-1", "name": "定制礼盒", "quantity": 1, "unitPrice": 88}]},
                          {"orderNo": "", "customer": {"fax": "1"}, "placedAt": "yesterday", "currency": "EUR",
                           "lines": [{"sku": "NOPE", "quantity": 0}], "payments": [{"paymentNo": "P", "amount": "1.234", "paidAt": "%s"}]}
                        ]}""".formatted(placed, placed))
                .json();

        assertThat(result.path("written").asInt()).isEqualTo(1);
        assertThat(result.path("results")
                        .get(1)
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder(
                        "orders[1].orderNo",
                        "orders[1].customer.fax",
                        "orders[1].placedAt",
                        "orders[1].currency",
                        "orders[1].lines[0].quantity",
                        "orders[1].payments[0].amount");
        assertThat(admin.post("/api/v1/orders", "{\"orders\": {}}").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/orders?status=lost").status()).isEqualTo(400);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}

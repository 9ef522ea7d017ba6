package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The distributor's own page over its API: staff hand a customer a link; the customer applies there (with an
 * inviter's code), sees the application pending, and once approved their code, share link, the ledger's balances,
 * their commissions (order numbers masked, buyers never named) and their team; a withdrawal asked twice with one
 * key holds the amount once. Forged and misdirected links are refused; nobody sees another's figures.
 */
class DistributorPageIntegrationTests extends IntegrationTest {

    @Autowired
    DistributionWork work;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        sql.customers(fixture.tenant(), "客户", 10);
        var products = admin.post("/api/v1/products", """
                {"products": [{"sku": "SERUM-1", "name": "精华液", "role": "hero", "category": "护肤", "price": 100}]}""");
        assertThat(products.status()).as(products.body()).isEqualTo(200);
        ok(admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1,
                 "shareUrl": "https://shop.example.cn/home?from=siyu"}"""));
    }

    @Test
    void aCustomerAppliesWithAnInviterCodeAndOnceApprovedSeesCodeShareLinkBalancesCommissionsAndTeam() {
        var inviter = appoint(1);
        var anna = page(2);
        var none = ok(anna.get("/api/h5/v1/distributor"));
        assertThat(none.path("status").asString()).isEqualTo("none");
        assertThat(none.path("code").isNull()).isTrue();
        assertThat(none.path("minWithdrawal").decimalValue()).isEqualByComparingTo("1");

        var unknown = anna.post("/api/h5/v1/distributor/application", "{\"inviterCode\": \"NOSUCH99\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("inviterCode");
        var applied = ok(anna.post(
                "/api/h5/v1/distributor/application",
                "{\"inviterCode\": \"" + inviter.path("code").asString().toLowerCase() + "\"}"));
        assertThat(applied.path("status").asString()).isEqualTo("pending");
        assertThat(applied.path("appliedAt").isNull()).isFalse();
        assertThat(applied.path("balances").isNull())
                .as("nothing to show while pending")
                .isTrue();
        assertThat(ok(anna.post("/api/h5/v1/distributor/application", "{}"))
                        .path("status")
                        .asString())
                .as("a double tap answers the same application")
                .isEqualTo("pending");
        assertThat(sql.count(fixture.tenant(), "select count(*) from distributor where customer_id = 2"))
                .isEqualTo(1);
        assertThat(anna.get("/api/h5/v1/distributor/commissions").status()).isEqualTo(200);

        long annaId = ok(admin.get("/api/v1/distribution/distributors?status=pending"))
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertThat(annaId).isPositive();
        ok(admin.post("/api/v1/distribution/distributors/" + annaId + "/approve", "{}"));
        bind(3, ok(anna.get("/api/h5/v1/distributor")).path("code").asString());
        buy(3, "SO-H5-1", 2);
        buy(3, "SO-H5-2", 1);
        windowCloses("SO-H5-1");

        var active = ok(anna.get("/api/h5/v1/distributor"));
        assertThat(active.path("status").asString()).isEqualTo("active");
        var code = active.path("code").asString();
        assertThat(code).matches("[A-Z0-9]{8}");
        assertThat(active.path("shareUrl").asString())
                .isEqualTo("https://shop.example.cn/home?from=siyu&distributor=" + code);
        assertThat(active.path("shareQr").asString()).startsWith("data:image/png;base64,");
        assertThat(active.path("balances").path("available").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(active.path("balances").path("pending").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(active.path("customers").asLong()).isEqualTo(1);
        assertThat(active.path("team").asLong()).isZero();
        var inviters = ok(page(1).get("/api/h5/v1/distributor"));
        assertThat(inviters.path("team").asLong())
                .as("Anna is in the inviter's team")
                .isEqualTo(1);
        assertThat(inviters.path("balances").path("pending").decimalValue())
                .as("level 2: 5 % of the unreleased order")
                .isEqualByComparingTo("5.00");

        var first = ok(anna.get("/api/h5/v1/distributor/commissions?limit=1"));
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("orderNo").asString()).isEqualTo("****H5-2");
        assertThat(first.path("items").get(0).path("status").asString()).isEqualTo("pending");
        var rest = ok(anna.get("/api/h5/v1/distributor/commissions?limit=1&cursor="
                + first.path("nextCursor").asString()));
        assertThat(rest.path("items").get(0).path("status").asString()).isEqualTo("released");
        assertThat(rest.path("items").get(0).path("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        assertThat(first.toString() + rest).doesNotContain("客户3").doesNotContain("SO-H5");
    }

    @Test
    void aWithdrawalAskedTwiceWithOneKeyHoldsTheAmountOnceAndBadAmountsNameTheField() {
        appoint(1);
        var anna = page(1);
        var code = ok(anna.get("/api/h5/v1/distributor")).path("code").asString();
        bind(3, code);
        buy(3, "SO-W-1", 3);
        windowCloses("SO-W-1");

        var bad = anna.post("/api/h5/v1/distributor/withdrawals", "{\"amount\": 0.5, \"requestKey\": \"bad key!\"}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("amount", "requestKey");
        var tooMuch = anna.post(
                "/api/h5/v1/distributor/withdrawals", "{\"amount\": 31, \"requestKey\": \"k-too-much-0001\"}");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().path("errors").findValuesAsString("field")).containsExactly("amount");
        assertThat(tooMuch.body()).contains("30.00");

        var body = "{\"amount\": 12.5, \"requestKey\": \"3f1c2d9e-0b7a-4c55-9e21-6a1d2b3c4d5e\"}";
        var asked = ok(anna.post("/api/h5/v1/distributor/withdrawals", body));
        var again = ok(anna.post("/api/h5/v1/distributor/withdrawals", body));
        assertThat(again.path("id").asLong()).isEqualTo(asked.path("id").asLong());
        assertThat(asked.path("status").asString()).isEqualTo("requested");
        var balances = ok(anna.get("/api/h5/v1/distributor")).path("balances");
        assertThat(balances.path("available").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(balances.path("frozen").decimalValue()).isEqualByComparingTo("12.50");
        var view = ok(anna.get("/api/h5/v1/distributor"));
        assertThat(view.path("withdrawals")).hasSize(1);
        assertThat(view.toString()).doesNotContain(fixture.admin());
        var queue = ok(admin.get("/api/v1/distribution/withdrawals?status=requested"));
        assertThat(queue.path("items")).hasSize(1);
        assertThat(queue.path("items").get(0).path("requestedBy").isNull())
                .as("asked by the distributor, so any operator may decide it")
                .isTrue();
        ok(admin.post("/api/v1/distribution/withdrawals/" + asked.path("id").asLong() + "/approve", "{}"));
        reconciles();
    }

    @Test
    void forgedExpiredOrMisdirectedLinksAreRefusedAndNoLinkShowsAnotherCustomersFigures() {
        appoint(1);
        var token = token(2);
        var forged = new ApiClient(port)
                .apiKey(token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA"))
                .get("/api/h5/v1/distributor");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asString()).isEqualTo("link.invalid");
        assertThat(new ApiClient(port).get("/api/h5/v1/distributor").status())
                .as("no link at all")
                .isEqualTo(401);
        var member = new ApiClient(port).apiKey(token).get("/api/h5/v1/member");
        assertThat(member.status())
                .as("a distributor link is not a member link")
                .isEqualTo(403);
        assertThat(member.json().path("code").asString()).isEqualTo("link.wrong-purpose");
        assertThat(ApiClient.loggedIn(port, fixture.admin())
                        .get("/api/h5/v1/distributor")
                        .status())
                .as("a staff session counts for nothing")
                .isEqualTo(401);

        var bo = new ApiClient(port).apiKey(token);
        var bos = ok(bo.get("/api/h5/v1/distributor"));
        assertThat(bos.path("status").asString()).as("Bo is no distributor").isEqualTo("none");
        assertThat(bos.toString())
                .doesNotContain(
                        ok(page(1).get("/api/h5/v1/distributor")).path("code").asString());
        var commissions = bo.get("/api/h5/v1/distributor/commissions");
        assertThat(commissions.status()).isEqualTo(404);
        assertThat(commissions.json().path("code").asString()).isEqualTo("growth.distributor-page.none");
        var withdraw = bo.post("/api/h5/v1/distributor/withdrawals", "{\"amount\": 1, \"requestKey\": \"k-00000001\"}");
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(sql.count(fixture.tenant(), "select count(*) from distribution_withdrawal"))
                .isZero();

        var other = tenants.create();
        var theirs = ApiClient.loggedIn(port, other.admin()).post("/api/v1/distribution/customers/2/page-link", "{}");
        assertThat(theirs.status())
                .as("customer 2 is ours, not the other tenant's")
                .isEqualTo(404);
        var unknown = admin.post("/api/v1/distribution/customers/999/page-link", "{}");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theShareUrlMustBeAnHttpAddressAndLeavingItOutRemovesIt() {
        var bad = admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1,
                 "shareUrl": "javascript:alert(1)"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("shareUrl");
        ok(admin.put("/api/v1/distribution/settings", """
                {"refundWindowDays": 7, "level1Rate": 10, "level2Rate": 5, "minWithdrawal": 1}"""));
        appoint(1);
        var view = ok(page(1).get("/api/h5/v1/distributor"));
        assertThat(view.path("code").asString()).isNotBlank();
        assertThat(view.path("shareUrl").isNull()).isTrue();
        assertThat(view.path("shareQr").isNull()).isTrue();
    }

    private JsonNode appoint(long customer) {
        var response = admin.post("/api/v1/distribution/distributors", """
                {"customerId": %d, "appoint": true}""".formatted(customer));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private void bind(long customer, String code) {
        ok(admin.post("/api/v1/distribution/bindings", """
                {"customerId": %d, "code": "%s"}""".formatted(customer, code)));
    }

    private void buy(long customer, String orderNo, int quantity) {
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ok(admin.post("/api/v1/orders", """
                {"orders": [{"orderNo": "%s", "customer": {"customerId": %d}, "placedAt": "%s",
                  "lines": [{"sku": "SERUM-1", "quantity": %d}],
                  "payments": [{"paymentNo": "P-%s", "amount": %d, "paidAt": "%s"}]}]}""".formatted(orderNo, customer, at, quantity, orderNo, quantity * 100, at)));
    }

    private void windowCloses(String orderNo) {
        sql.update(
                fixture.tenant(),
                "update distribution_order set release_at = now() - interval '1 second' where order_no = '%s'"
                        .formatted(orderNo));
        Tenancy.runAs(fixture.tenant(), () -> work.once());
    }

    private void reconciles() {
        var report = ok(admin.get("/api/v1/distribution/reconciliation"));
        assertThat(report.path("balanced").asBoolean()).as(report.toString()).isTrue();
    }

    /** The token of a fresh distributor page link for the customer. */
    private String token(long customer) {
        var link = admin.post("/api/v1/distribution/customers/" + customer + "/page-link", "{}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var url = URI.create(link.text("url"));
        assertThat(url.getPath()).isEqualTo("/h5/distributor");
        assertThat(link.text("qr")).startsWith("data:image/png;base64,");
        return url.getFragment();
    }

    /** A phone that opened the customer's link: no session, only the link's token. */
    private ApiClient page(long customer) {
        return new ApiClient(port).apiKey(token(customer));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response.json();
    }
}

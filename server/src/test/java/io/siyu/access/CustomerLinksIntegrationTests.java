package io.siyu.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer links are the only key to the customer-facing API: a forged, altered, expired or other-purpose token is
 * refused with a problem, a token of one tenant never shows another's rows, staff sessions count for nothing, and
 * one client's calls are limited.
 */
class CustomerLinksIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerLinks links;

    @Autowired
    CustomerLinkSecret secret;

    @Autowired
    AccessProperties properties;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Fixture fixture;
    ApiClient admin;
    long customer;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        var program = admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "free", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never",
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0}]}""");
        assertThat(program.status()).as(program.body()).isEqualTo(200);
        var created =
                admin.post("/api/v1/customers", """
                {"identities": [{"type": "mobile", "value": "1390000%04d"}], "name": "链接客户"}""".formatted(fixture.tenant().value() % 10_000));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        customer = created.json().path("id").asLong();
        var joined = admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer));
        assertThat(joined.status()).as(joined.body()).isIn(200, 201);
    }

    String token(String purpose) {
        return Tenancy.callAs(
                fixture.tenant(),
                () -> links.issue(customer, purpose, Duration.ofDays(1)).token());
    }

    ApiClient.Response card(String token) {
        return new ApiClient(port).apiKey(token).language("en").get("/api/h5/v1/member");
    }

    @Test
    void aValidTokenOpensTheMembersPageAndWhoMadeItIsAudited() {
        var link = admin.post("/api/v1/loyalty/members/" + customer + "/page-link", "{}");
        var url = java.net.URI.create(link.text("url"));
        var card = card(url.getFragment());
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.text("name")).isEqualTo("链接客户");
        var audited = admin.get("/api/v1/audit-events").json().path("items").get(0);
        assertThat(audited.path("action").asString()).isEqualTo("customer-link.issued");
        assertThat(audited.path("actor").asString()).isEqualTo(fixture.admin());
        assertThat(audited.path("target").asString()).isEqualTo("#" + customer);
    }

    @Test
    void aTokenWithAnAlteredPayloadOrSignatureIsRefused() {
        var token = token("member");
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        var otherCustomer = payload.replace("." + customer + ".", "." + (customer + 1) + ".");
        var altered = Base64.getUrlEncoder().withoutPadding().encodeToString(otherCustomer.getBytes())
                + token.substring(token.indexOf('.'));
        var signature = token.substring(token.indexOf('.') + 1);
        var forged = token.substring(0, token.indexOf('.') + 1)
                + (signature.charAt(0) == 'A' ? 'B' : 'A')
                + signature.substring(1);
        for (var bad : new String[] {altered, forged, "not-a-token", ""}) {
            var refused = card(bad);
            assertThat(refused.status()).as(bad).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("link.invalid");
            assertThat(refused.text("detail")).isEqualTo("This link is not valid; ask us for a new link.");
        }
        assertThat(new ApiClient(port).get("/api/h5/v1/member").text("detail"))
                .as("in Chinese by default")
                .isEqualTo("链接无效，请联系客服获取新链接。");
    }

    @Test
    void anExpiredTokenIsRefused() {
        var monthAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-31));
        String old = Tenancy.callAs(
                fixture.tenant(),
                () -> transactions.execute(status -> new CustomerLinks(secret, audit, monthAgo)
                        .issue(customer, "member", Duration.ofDays(30))
                        .token()));
        var refused = card(old);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("link.expired");
    }

    @Test
    void aTokenForAnotherPurposeIsRefused() {
        var refused = card(token("campaign"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("link.wrong-purpose");
    }

    @Test
    void aTokenOfAnotherTenantNeverShowsThisTenantsMember() {
        var other = tenants.create();
        var foreign = Tenancy.callAs(
                other.tenant(),
                () -> links.issue(customer, "member", Duration.ofDays(1)).token());
        var refused = card(foreign);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("链接客户");
    }

    @Test
    void aStaffSessionWithoutATokenOpensNothing() {
        var refused = admin.get("/api/h5/v1/member");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("link.invalid");
    }

    @Test
    void oneClientIsLimitedPerLinkHolder() {
        var page = new ApiClient(port).apiKey(token("member"));
        int limit = properties.linkRequestsPerMinute();
        int ok = 0;
        ApiClient.Response answer = page.get("/api/h5/v1/member");
        // the bucket refills as the minute goes by: a few more than the limit may pass, never twice as many
        while (answer.status() == 200 && ok < 2 * limit) {
            ok++;
            answer = page.get("/api/h5/v1/member");
        }
        assertThat(ok).isBetween(limit, 2 * limit - 1);
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.text("code")).isEqualTo("link.too-many-requests");
    }
}

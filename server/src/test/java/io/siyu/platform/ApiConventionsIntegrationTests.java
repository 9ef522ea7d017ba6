package io.siyu.platform;

import static io.siyu.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets the right status and a problem-details body, never a 500. */
class ApiConventionsIntegrationTests extends IntegrationTest {

    ApiClient admin;

    @BeforeEach
    void setUp() {
        var fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    @Test
    void namesEveryInvalidFieldInTheCallersLanguage() {
        var body = json("username", "x", "role", "boss", "password", "short");
        var chinese = admin.post("/api/v1/accounts", body);
        var english = admin.language("en").post("/api/v1/accounts", body);

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.text("code")).isEqualTo("problem.invalid-request");
        assertThat(chinese.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("username", "displayName", "role", "password");
        assertThat(chinese.body()).contains("用户名须为");
        assertThat(english.body()).contains("A username is 3–64 letters");
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = admin.post("/api/v1/accounts", "{\"username\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("problem.malformed-json");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        var response = admin.patch("/api/v1/accounts/1", "{\"enabled\": \"maybe\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("enabled");
    }

    @Test
    void aWrongContentTypeIs415() {
        var response = admin.send("POST", "/api/v1/accounts", BodyPublishers.ofString("hello"), "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405() {
        assertThat(admin.get("/api/v1/no-such-thing").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/no-such-thing").text("code")).isEqualTo("problem.no-route");
        assertThat(admin.delete("/api/v1/accounts").status()).isEqualTo(405);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked() {
        var big = "{\"username\":\"" + "a".repeat(1_100_000) + "\"}";
        var declared = admin.post("/api/v1/accounts", big);
        var chunked = admin.send(
                "POST",
                "/api/v1/accounts",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())),
                "application/json");

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text("detail")).contains("1,048,576");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.text("code")).isEqualTo("problem.payload-too-large");
    }

    @Test
    void aBadPagingRequestIsNamed() {
        var tooMany = admin.get("/api/v1/audit-events?limit=1000");
        var badCursor = admin.get("/api/v1/audit-events?cursor=zzz");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
        assertThat(badCursor.status()).isEqualTo(400);
    }

    @Test
    void cursorPagingWalksEveryRowOnceNewestFirst() {
        for (int i = 0; i < 5; i++) {
            admin.post(
                    "/api/v1/accounts",
                    json(
                            "username",
                            "pager-" + i + "-" + System.nanoTime(),
                            "displayName",
                            "p",
                            "role",
                            "staff",
                            "password",
                            TestTenants.PASSWORD));
        }
        var seen = new java.util.ArrayList<Long>();
        String cursor = null;
        do {
            var page = admin.get("/api/v1/accounts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()
                    ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).hasSize(9).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void everyResponseCarriesARequestIdThatProblemsRepeat() {
        var response = admin.get("/api/v1/no-such-thing");

        assertThat(response.text("requestId")).isNotBlank();
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var document = new ApiClient(port).get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(document.json().path("paths").has("/api/v1/dashboard/overview"))
                .isTrue();
    }

    @Test
    void healthReportsTheDatabaseAndMetricsNeedAPermission() {
        var anonymous = new ApiClient(port);
        var health = anonymous.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }
}

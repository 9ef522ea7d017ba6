package io.siyu.access;

import static io.siyu.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    @Test
    void aNewKeyIsShownOnceAndAuthenticatesWithItsRole() {
        var created = admin.post("/api/v1/api-keys", json("name", "crm sync", "role", "manager"));
        var key = created.text("key");
        var machine = new ApiClient(port).apiKey(key);

        assertThat(created.status()).isEqualTo(201);
        assertThat(key).startsWith("siyu_" + fixture.tenant() + "_");
        assertThat(admin.get("/api/v1/api-keys").body()).doesNotContain(key);
        assertThat(machine.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(machine.get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(machine.get("/api/v1/auth/me").text("role")).isEqualTo("manager");
    }

    @Test
    void storesOnlyAHashOfTheKey() {
        var key = admin.post("/api/v1/api-keys", json("name", "hash check", "role", "staff"))
                .text("key");

        var stored =
                sql.list(fixture.tenant(), "select encode(secret_hash, 'escape') || prefix from api_key", String.class);
        assertThat(stored).noneMatch(row -> row.contains(key.substring(8)));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var created = admin.post("/api/v1/api-keys", json("name", "temporary", "role", "operator"));
        var machine = new ApiClient(port).apiKey(created.text("key"));
        assertThat(machine.get("/api/v1/dashboard/overview").status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/api-keys/" + created.json().path("id").asLong())
                        .status())
                .isEqualTo(204);

        var refused = machine.get("/api/v1/dashboard/overview");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("auth.invalid-api-key");
    }

    @Test
    void refusesMalformedForgedAndForeignSchemeCredentials() {
        var forged = "siyu_" + fixture.tenant() + "_" + "A".repeat(40);

        assertThat(new ApiClient(port).apiKey("garbage").get("/api/v1/auth/me").status())
                .isEqualTo(401);
        assertThat(new ApiClient(port).apiKey(forged).get("/api/v1/auth/me").status())
                .isEqualTo(401);
        assertThat(new ApiClient(port)
                        .apiKey("siyu_999999_" + "B".repeat(40))
                        .get("/api/v1/auth/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void machineClientsNeedNoCsrfTokenButBrowsersDo() {
        var key = admin.post("/api/v1/api-keys", json("name", "writer", "role", "admin"))
                .text("key");
        var machine = new ApiClient(port).apiKey(key);

        var byKey = machine.post("/api/v1/api-keys", json("name", "from machine", "role", "staff"));
        assertThat(byKey.status()).isEqualTo(201);

        var crossSite = ApiClient.loggedIn(port, fixture.admin());
        crossSite.withoutCsrfEcho();
        var forged = crossSite.post("/api/v1/api-keys", json("name", "x", "role", "staff"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text("code")).isEqualTo("auth.csrf");
    }

    @Test
    void everyKeyChangeIsAudited() {
        var created = admin.post("/api/v1/api-keys", json("name", "audited", "role", "staff"));
        admin.delete("/api/v1/api-keys/" + created.json().path("id").asLong());

        var actions = admin.get("/api/v1/audit-events?limit=10")
                .json()
                .path("items")
                .valueStream()
                .map(e -> e.path("action").asString())
                .toList();
        assertThat(actions).contains("api-key.created", "api-key.revoked");
    }
}

package io.siyu.access;

import static io.siyu.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient browser;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        browser = new ApiClient(port);
    }

    @Test
    void logsInWithTheRightPasswordAndShowsTheAccountAndTenant() {
        var response = browser.login(fixture.admin(), TestTenants.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("username")).isEqualTo(fixture.admin());
        assertThat(response.text("role")).isEqualTo("admin");
        assertThat(response.json().path("tenant").path("id").asString())
                .isEqualTo(fixture.tenant().toString());
        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/auth/session")
                        .json()
                        .path("authenticated")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refusesAWrongPasswordWithALocalizedProblem() {
        var chinese = browser.login(fixture.admin(), "not the password");
        var english = new ApiClient(port).language("en").login(fixture.admin(), "not the password");

        assertThat(chinese.status()).isEqualTo(401);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        assertThat(chinese.text("code")).isEqualTo("auth.bad-credentials");
        assertThat(chinese.text("detail")).isEqualTo("用户名或密码不正确。");
        assertThat(english.text("detail")).isEqualTo("Wrong username or password.");
    }

    @Test
    void refusesAnUnknownUsernameExactlyLikeAWrongPassword() {
        var response = browser.login("nobody-" + System.nanoTime(), "whatever password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("auth.bad-credentials");
    }

    @Test
    void locksTheAccountAfterFiveWrongPasswordsEvenForTheRightOne() {
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login(fixture.manager(), "wrong password").status())
                    .isEqualTo(401);
        }
        var fifth = browser.login(fixture.manager(), "wrong password");
        var right = browser.login(fixture.manager(), TestTenants.PASSWORD);

        assertThat(fifth.status()).isEqualTo(423);
        assertThat(right.status()).isEqualTo(423);
        assertThat(right.text("code")).isEqualTo("auth.locked");
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        for (int i = 0; i < 5; i++) {
            browser.login(fixture.operator(), "wrong password");
        }
        var admin = ApiClient.loggedIn(port, fixture.admin());
        var operatorId = admin.get("/api/v1/accounts?limit=200")
                .json()
                .path("items")
                .valueStream()
                .filter(a -> a.path("username").asString().equals(fixture.operator()))
                .findFirst()
                .orElseThrow();
        assertThat(operatorId.path("locked").asBoolean()).isTrue();

        assertThat(admin.post("/api/v1/accounts/" + operatorId.path("id").asLong() + "/unlock", "")
                        .status())
                .isEqualTo(204);
        assertThat(new ApiClient(port)
                        .login(fixture.operator(), TestTenants.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredSessionIsToldApartFromNoSession() {
        browser.useSessionCookie("no-such-session");
        var response = browser.get("/api/v1/auth/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("auth.session-expired");
        assertThat(new ApiClient(port).get("/api/v1/auth/me").text("code")).isEqualTo("auth.required");
    }

    @Test
    void logoutEndsTheSession() {
        browser.login(fixture.admin(), TestTenants.PASSWORD);
        assertThat(browser.post("/api/v1/auth/logout", "").status()).isEqualTo(204);

        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/auth/session")
                        .json()
                        .path("authenticated")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void checksPermissionsOnEveryEndpointByRole() {
        var operator = ApiClient.loggedIn(port, fixture.operator());
        var manager = ApiClient.loggedIn(port, fixture.manager());

        assertThat(operator.get("/api/v1/dashboard/overview").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/accounts").text("code")).isEqualTo("problem.forbidden");
        assertThat(manager.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(manager.post(
                                "/api/v1/accounts",
                                json(
                                        "username",
                                        "x-new",
                                        "displayName",
                                        "x",
                                        "role",
                                        "staff",
                                        "password",
                                        TestTenants.PASSWORD))
                        .status())
                .isEqualTo(403);
        assertThat(manager.get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(manager.put("/api/v1/tenant", json("name", "x", "timeZone", "UTC"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() {
        browser.login(fixture.staff(), TestTenants.PASSWORD);
        var wrong = browser.put(
                "/api/v1/auth/me/password",
                json("currentPassword", "not it at all", "newPassword", "a brand new passphrase"));
        var changed = browser.put(
                "/api/v1/auth/me/password",
                json("currentPassword", TestTenants.PASSWORD, "newPassword", "a brand new passphrase"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(new ApiClient(port)
                        .login(fixture.staff(), TestTenants.PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(new ApiClient(port)
                        .login(fixture.staff(), "a brand new passphrase")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theFirstStartCreatedTheConfiguredAdministrator() {
        var response = browser.login("root-admin", "test-admin-password");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("tenant").path("name").asString()).isEqualTo("测试品牌");
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionsAtOnce() {
        var staff = ApiClient.loggedIn(port, fixture.staff());
        assertThat(staff.get("/api/v1/dashboard/overview").status()).isEqualTo(200);

        var admin = ApiClient.loggedIn(port, fixture.admin());
        admin.patch("/api/v1/accounts/" + idOf(admin, fixture.staff()), json("enabled", false));

        assertThat(staff.get("/api/v1/dashboard/overview").status()).isEqualTo(401);
        assertThat(new ApiClient(port)
                        .login(fixture.staff(), TestTenants.PASSWORD)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aChangedRoleAppliesToTheNextRequestOfAnOpenSession() {
        var operator = ApiClient.loggedIn(port, fixture.operator());
        assertThat(operator.get("/api/v1/accounts").status()).isEqualTo(403);

        var admin = ApiClient.loggedIn(port, fixture.admin());
        admin.patch("/api/v1/accounts/" + idOf(admin, fixture.operator()), json("role", "manager"));

        assertThat(operator.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/auth/me").text("role")).isEqualTo("manager");
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        var admin = ApiClient.loggedIn(port, fixture.admin());
        var response = admin.patch("/api/v1/accounts/" + idOf(admin, fixture.admin()), json("role", "staff"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("errors").get(0).path("code").asString())
                .isEqualTo("account.last-admin");
    }

    private static long idOf(ApiClient admin, String username) {
        return admin.get("/api/v1/accounts?limit=200")
                .json()
                .path("items")
                .valueStream()
                .filter(a -> a.path("username").asString().equals(username))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
    }
}

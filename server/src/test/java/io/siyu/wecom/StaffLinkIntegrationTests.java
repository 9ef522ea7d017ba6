package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** WeCom staff members ↔ Siyu staff accounts: linked where they agree, set by an administrator, audit-logged. */
class StaffLinkIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;
    String suffix;
    long app;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        suffix = "" + fixture.tenant().value();
        app = sql.single(fixture.tenant(), """
                insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key, callback_key)
                values (siyu_current_tenant(), '测试应用', 'ww-test', '1000002', 'secret', 'token',
                        'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'cb-' || siyu_current_tenant())
                returning id""", Long.class);
        sql.update(fixture.tenant(), """
                insert into wecom_staff (app_id, user_id, name, mobile, email) values
                    (%1$d, 'ZhangSan%2$s', '张三', null, null),
                    (%1$d, 'lisi', '李四', '+86 139 0000 0001', null),
                    (%1$d, 'wangwu', '王五', null, 'WangWu@Example.com'),
                    (%1$d, 'left', '离职', null, null)""".formatted(app, suffix));
        sql.update(fixture.tenant(), "update wecom_staff set removed = true where user_id = 'left'");
    }

    /** 赵六 joins the directory (a sync would write them so). */
    void addZhaoliu() {
        sql.update(fixture.tenant(), """
                insert into wecom_staff (app_id, user_id, name, mobile) values (%d, 'zhaoliu', '赵六', '13900000009')""".formatted(app));
    }

    long account(String username, String mobile, String email) {
        var response = admin.post("/api/v1/accounts", """
                {"username": "%s", "displayName": "%s", "role": "staff", "password": "%s"%s%s}""".formatted(
                        username + suffix,
                        username,
                        TestTenants.PASSWORD,
                        mobile == null ? "" : ", \"mobile\": \"" + mobile + "\"",
                        email == null ? "" : ", \"email\": \"" + email + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    Map<String, JsonNode> links() {
        var response = admin.get("/api/v1/wecom/staff-links");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var links = new HashMap<String, JsonNode>();
        response.json().forEach(link -> links.put(link.path("userId").asString(), link));
        return links;
    }

    @Test
    void accountsAreLinkedWhereExactlyOneAgreesWithTheDirectoryByUseridMobileOrEmail() {
        long zhang = account("zhangsan", null, null);
        long li = account("li-account", "139-0000-0001", null);
        long wang = account("wang-account", null, "wangwu@example.COM");
        // two accounts with 赵六's mobile before the directory has them: which is 赵六 is for an administrator
        account("zhao-a", "13900000009", null);
        account("zhao-b", "+8613900000009", null);
        addZhaoliu();
        account("later", null, null);

        var links = links();
        assertThat(links).doesNotContainKey("left");
        assertThat(links.get("ZhangSan" + suffix).path("accountId").asLong()).isEqualTo(zhang);
        assertThat(links.get("lisi").path("accountId").asLong()).isEqualTo(li);
        assertThat(links.get("wangwu").path("accountId").asLong()).isEqualTo(wang);
        assertThat(links.get("wangwu").path("source").asString()).isEqualTo("auto");
        assertThat(links.get("zhaoliu").path("accountId").isNull()).isTrue();

        var audit = admin.get("/api/v1/audit-events?limit=50").json().path("items");
        var how = new HashMap<String, String>();
        for (var entry : audit) {
            if (entry.path("action").asString().equals("account.wecom-linked")) {
                how.put(
                        entry.path("detail").path("userId").asString(),
                        entry.path("detail").path("by").asString());
            }
        }
        assertThat(how)
                .containsEntry("lisi", "mobile")
                .containsEntry("wangwu", "email")
                .hasSize(3);
    }

    @Test
    void anAdministratorLinksAndUnlinksAndAutomaticLinkingKeepsToTheirChoice() {
        addZhaoliu();
        long zhao = account("zhao", null, null);
        var linked = admin.put("/api/v1/accounts/" + zhao + "/wecom-user", "{\"userId\": \"zhaoliu\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("link").path("name").asString()).isEqualTo("赵六");
        assertThat(links().get("zhaoliu").path("source").asString()).isEqualTo("admin");

        long other = account("other", null, null);
        var taken = admin.language("en").put("/api/v1/accounts/" + other + "/wecom-user", "{\"userId\": \"zhaoliu\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("errors").get(0).path("field").asString()).isEqualTo("userId");
        assertThat(taken.json().path("errors").get(0).path("message").asString())
                .isEqualTo("WeCom member \"赵六\" is linked to account \"zhao\"; unlink it first.");
        var unknown =
                admin.language("zh-CN").put("/api/v1/accounts/" + other + "/wecom-user", "{\"userId\": \"left\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("userId");
        assertThat(unknown.json().path("errors").get(0).path("message").asString())
                .isEqualTo("企业微信通讯录里没有成员“left”。");
        assertThat(admin.put("/api/v1/accounts/99999999/wecom-user", "{\"userId\": \"zhaoliu\"}")
                        .status())
                .isEqualTo(404);
        assertThat(ApiClient.loggedIn(port, fixture.operator())
                        .put("/api/v1/accounts/" + zhao + "/wecom-user", "{\"userId\": null}")
                        .status())
                .isEqualTo(403);

        var unlinked = admin.put("/api/v1/accounts/" + zhao + "/wecom-user", "{\"userId\": null}");
        assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
        assertThat(unlinked.json().path("link").isNull()).isTrue();
        // a new account with 赵六's mobile would agree with them, but the administrator said 赵六 has none
        account("zhao-mobile", "13900000009", null);
        assertThat(links().get("zhaoliu").path("accountId").isNull()).isTrue();

        var actions =
                admin.get("/api/v1/audit-events?limit=50").json().path("items").findValuesAsString("action");
        assertThat(actions).contains("account.wecom-linked", "account.wecom-unlinked");
    }
}

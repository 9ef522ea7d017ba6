package io.siyu.customer;

import static io.siyu.customer.IdentityMergeIntegrationTests.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerProfileIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        define("{\"key\": \"level\", \"label\": \"会员等级\", \"type\": \"enum\", \"options\": [\"银卡\", \"金卡\"]}");
        define(
                "{\"key\": \"skinType\", \"label\": \"肤质\", \"type\": \"multi_enum\", \"options\": [\"干\", \"油\", \"敏感\"]}");
        define("{\"key\": \"budget\", \"label\": \"预算\", \"type\": \"number\"}");
        define("{\"key\": \"lastVisit\", \"label\": \"最近到店\", \"type\": \"date\"}");
        define("{\"key\": \"vip\", \"label\": \"VIP\", \"type\": \"boolean\"}");
    }

    void define(String body) {
        var response = admin.post("/api/v1/customer-attributes", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    ApiClient.Response upsert(String body) {
        return admin.post("/api/v1/customers", body);
    }

    @Test
    void createsAProfileWithStandardAndCustomAttributesAndConsent() {
        var response = upsert("""
                {"identities": [{"type": "mobile", "value": "+86 139-0000-1111", "verified": true}],
                 "name": "王芳", "gender": "female", "birthday": "1992-03-08", "city": "杭州",
                 "sourceChannel": "门店海报", "ownerId": %d,
                 "attributes": {"level": "金卡", "skinType": ["干", "敏感", "干"], "budget": "800", "lastVisit": "2026-10-01", "vip": true},
                 "consent": {"sms": false, "wecom": true}}""".formatted(fixture.staffId()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var customer = response.json();
        assertThat(customer.path("name").asString()).isEqualTo("王芳");
        assertThat(customer.path("gender").asString()).isEqualTo("female");
        assertThat(customer.path("birthday").asString()).isEqualTo("1992-03-08");
        assertThat(customer.path("city").path("name").asString()).isEqualTo("杭州");
        assertThat(customer.path("owner").path("id").asLong()).isEqualTo(fixture.staffId());
        assertThat(customer.path("attributes").path("skinType").valueStream().map(JsonNode::asString))
                .containsExactly("干", "敏感");
        assertThat(customer.path("attributes").path("budget").asInt()).isEqualTo(800);
        assertThat(customer.path("consent").path("sms").path("granted").asBoolean())
                .isFalse();
        assertThat(customer.path("consent").path("wecom").path("by").asString()).isEqualTo(fixture.admin());
        assertThat(customer.path("identities").get(0).path("value").asString()).isEqualTo("13900001111");
        assertThat(customer.path("identities").get(0).path("verified").asBoolean())
                .isTrue();

        var again = upsert(
                "{\"identities\": [{\"type\": \"mobile\", \"value\": \"13900001111\"}], \"attributes\": {\"level\": null}}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong())
                .isEqualTo(customer.path("id").asLong());
        assertThat(again.json().path("attributes").has("level"))
                .as("null removes a value")
                .isFalse();
        assertThat(again.json().path("attributes").path("vip").asBoolean()).isTrue();
    }

    @Test
    void refusesBadValuesNamingEachField() {
        var response = admin.language("en").post("/api/v1/customers", """
                        {"identities": [{"type": "mobile", "value": "12345"}, {"type": "fax", "value": "1"}],
                         "gender": "x", "birthday": "1992-13-01", "city": "Atlantis", "shoeSize": 42,
                         "attributes": {"level": "钻石卡", "budget": "lots", "lastVisit": "yesterday", "vip": "yes", "nope": 1},
                         "consent": {"pigeon": true}}""");

        assertThat(response.status()).isEqualTo(400);
        var fields = new ArrayList<String>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "identities[0].value",
                        "identities[1].type",
                        "gender",
                        "birthday",
                        "city",
                        "shoeSize",
                        "attributes.level",
                        "attributes.budget",
                        "attributes.lastVisit",
                        "attributes.vip",
                        "attributes.nope",
                        "consent.pigeon");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .doesNotContain("须");
        assertThat(sql.count(fixture.tenant(), "select count(*) from customer")).isZero();
    }

    @Test
    void aBatchKeepsTheGoodRecordsAndReportsTheBadOnes() {
        var response = admin.post("/api/v1/customers/batch", """
                {"customers": [
                  {"identities": [{"type": "memberNo", "value": "M1"}], "name": "甲"},
                  {"identities": [{"type": "memberNo", "value": "M2"}], "attributes": {"level": "铜卡"}},
                  {"name": "no identity"},
                  {"identities": [{"type": "memberNo", "value": "M1"}], "city": "北京"}
                ]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var results = response.json().path("results");
        assertThat(results.valueStream().map(r -> r.path("status").asString()))
                .containsExactly("created", "rejected", "rejected", "updated");
        assertThat(results.get(1).path("errors").get(0).path("field").asString())
                .isEqualTo("customers[1].attributes.level");
        assertThat(results.get(2).path("errors").get(0).path("field").asString())
                .isEqualTo("customers[2].identities");
        assertThat(sql.count(fixture.tenant(), "select count(*) from customer")).isEqualTo(1);
        assertThat(sql.count(fixture.tenant(), "select count(*) from customer_identity"))
                .isEqualTo(1);
    }

    @Test
    void searchesByNamePrefixMobileNumberAndAttributeWithCursorPaging() {
        for (int i = 0; i < 5; i++) {
            upsert("{\"identities\": [%s], \"name\": \"张%d\", \"attributes\": {\"level\": \"%s\"}}"
                    .formatted(identity("mobile", "1390000200" + i), i, i % 2 == 0 ? "金卡" : "银卡"));
        }
        upsert("{\"identities\": [%s], \"name\": \"李雷\"}".formatted(identity("email", "li@example.com")));

        var first = admin.get("/api/v1/customers?q=张&limit=2").json();
        assertThat(first.path("items").valueStream().map(c -> c.path("name").asString()))
                .containsExactly("张0", "张1");
        assertThat(first.path("items").get(0).path("mobile").asString()).isEqualTo("139****2000");
        var second = admin.get("/api/v1/customers?q=张&limit=2&cursor="
                        + first.path("nextCursor").asString())
                .json();
        assertThat(second.path("items").valueStream().map(c -> c.path("name").asString()))
                .containsExactly("张2", "张3");
        assertThat(admin.get("/api/v1/customers?q=13900002003")
                        .json()
                        .path("items")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("张3");
        assertThat(admin.get("/api/v1/customers?q=LI@example.com")
                        .json()
                        .path("items")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("李雷");
        assertThat(admin.get("/api/v1/customers?attr.level=金卡").json().path("items"))
                .hasSize(3);
        var all = admin.get("/api/v1/customers?limit=4").json();
        assertThat(all.path("items").get(0).path("name").asString())
                .as("newest first")
                .isEqualTo("李雷");
        var rest = admin.get("/api/v1/customers?limit=4&cursor="
                        + all.path("nextCursor").asString())
                .json();
        assertThat(rest.path("items")).hasSize(2);
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        var bad = admin.get("/api/v1/customers?attr.nope=1&gender=x");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void whoeverReadsCustomersCanPickAnOwnerFromTheStaffDirectory() {
        var staff = ApiClient.loggedIn(port, fixture.staff());

        var everyone = staff.get("/api/v1/staff").json();
        var matching = staff.get("/api/v1/staff?q=" + fixture.staff().toUpperCase(java.util.Locale.ROOT))
                .json();

        assertThat(everyone.valueStream().map(e -> e.path("id").asLong())).contains(fixture.staffId());
        assertThat(everyone.size()).isGreaterThanOrEqualTo(4);
        assertThat(matching.valueStream().map(e -> e.path("id").asLong())).containsExactly(fixture.staffId());
        assertThat(staff.get("/api/v1/accounts").status()).isEqualTo(403);
    }

    @Test
    void staffSeeOnlyTheirOwnCustomersWithMaskedIdentities() {
        upsert("{\"identities\": [%s], \"name\": \"自己的\", \"ownerId\": %d}"
                .formatted(identity("mobile", "13900003001"), fixture.staffId()));
        var other = upsert("{\"identities\": [%s], \"name\": \"别人的\"}".formatted(identity("mobile", "13900003002")))
                .json()
                .path("id")
                .asLong();
        var staff = ApiClient.loggedIn(port, fixture.staff());

        var list = staff.get("/api/v1/customers").json().path("items");

        assertThat(list.valueStream().map(c -> c.path("name").asString())).containsExactly("自己的");
        long own = list.get(0).path("id").asLong();
        assertThat(staff.get("/api/v1/customers/" + own)
                        .json()
                        .path("identities")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("139****3001");
        assertThat(staff.get("/api/v1/customers/" + other).status()).isEqualTo(404);
        assertThat(staff.post("/api/v1/customers", "{}").status()).isEqualTo(403);
    }

    @Test
    void anAttributeOptionInUseCannotBeRemovedAndTheTypeCannotChange() {
        upsert("{\"identities\": [%s], \"attributes\": {\"level\": \"金卡\"}}".formatted(identity("memberNo", "A1")));

        var removing = admin.put(
                "/api/v1/customer-attributes/level", "{\"label\": \"等级\", \"type\": \"enum\", \"options\": [\"银卡\"]}");
        assertThat(removing.status()).isEqualTo(400);
        assertThat(removing.json().path("errors").get(0).path("code").asString())
                .isEqualTo("customer.attribute.option-in-use");
        assertThat(admin.put("/api/v1/customer-attributes/level", "{\"label\": \"等级\", \"type\": \"string\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/api/v1/customer-attributes",
                                "{\"key\": \"level\", \"label\": \"x\", \"type\": \"string\"}")
                        .status())
                .isEqualTo(409);

        assertThat(admin.delete("/api/v1/customer-attributes/level").status()).isEqualTo(204);
        assertThat(sql.count(fixture.tenant(), "select count(*) from customer where jsonb_exists(attributes, 'level')"))
                .isZero();
    }
}

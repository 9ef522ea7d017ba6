package io.siyu.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagIntegrationTests extends IntegrationTest {

    @Test
    void groupsAndTagsAreManagedAndNamesAreUniqueWithinAGroup() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        int group = createGroup(admin, "跟进状态", "followUp");
        int tag = createTag(admin, group, "有意向", false);

        var duplicate = admin.post("/api/v1/tags", "{\"groupId\": %d, \"name\": \" 有意向 \"}".formatted(group));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.json().path("errors").get(0).path("field").asString())
                .isEqualTo("name");
        assertThat(duplicate.json().path("errors").get(0).path("message").asString())
                .contains("有意向");

        var badKind = admin.language("en").post("/api/v1/tag-groups", "{\"name\": \"X\", \"kind\": \"mood\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").get(0).path("field").asString())
                .isEqualTo("kind");
        var tooLong =
                admin.post("/api/v1/tag-groups", "{\"name\": \"%s\", \"kind\": \"source\"}".formatted("长".repeat(31)));
        assertThat(tooLong.status()).isEqualTo(400);

        var notEmpty = admin.delete("/api/v1/tag-groups/" + group);
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.json().path("code").asString()).isEqualTo("tag.group.not-empty");

        var renamed = admin.patch("/api/v1/tags/" + tag, "{\"name\": \"高意向\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var groups = admin.get("/api/v1/tag-groups").json();
        assertThat(groups.get(0).path("kind").asString()).isEqualTo("followUp");
        assertThat(groups.get(0).path("tags").get(0).path("name").asString()).isEqualTo("高意向");

        assertThat(admin.delete("/api/v1/tags/" + tag).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/tag-groups/" + group).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/tag-groups").json().size()).isZero();
    }

    @Test
    void taggingCustomersKeepsHistoryAndTheSegmentIndexFollows() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        long a = customer(admin, "T1");
        long b = customer(admin, "T2");
        int group = createGroup(admin, "属性", "attribute");
        int tag = createTag(admin, group, "宝妈", false);

        var first = assign(admin, "[%d, %d, 999999]".formatted(a, b), "\"add\": [%d]".formatted(tag));
        assertThat(first.path("added").asInt()).isEqualTo(2);
        assertThat(first.path("unknown").get(0).asLong()).isEqualTo(999999);
        assertThat(assign(admin, "[%d]".formatted(a), "\"add\": [%d]".formatted(tag))
                        .path("added")
                        .asInt())
                .isZero();

        var tags = admin.get("/api/v1/customers/" + a + "/tags").json();
        assertThat(tags.get(0).path("name").asString()).isEqualTo("宝妈");
        assertThat(tags.get(0).path("source").asString()).isEqualTo("manual");
        assertThat(tags.get(0).path("taggedBy").path("name").asString()).isNotBlank();
        eventually(() -> assertThat(count(admin, tag)).isEqualTo(2));

        assertThat(assign(admin, "[%d]".formatted(b), "\"remove\": [%d]".formatted(tag))
                        .path("removed")
                        .asInt())
                .isEqualTo(1);
        eventually(() -> assertThat(count(admin, tag)).isEqualTo(1));
        var history =
                admin.get("/api/v1/customers/" + b + "/tag-history").json().path("items");
        assertThat(history.get(0).path("action").asString()).isEqualTo("removed");
        assertThat(history.get(1).path("action").asString()).isEqualTo("added");
        assertThat(history.get(0).path("tagName").asString()).isEqualTo("宝妈");
        eventually(() -> assertThat(admin.get("/api/v1/tag-groups")
                        .json()
                        .get(0)
                        .path("tags")
                        .get(0)
                        .path("customerCount")
                        .asLong())
                .isEqualTo(1));

        // Deleting the tag takes it off everyone; the history keeps its name.
        assertThat(admin.delete("/api/v1/tags/" + tag).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/customers/" + a + "/tags").json().size()).isZero();
        assertThat(admin.get("/api/v1/customers/" + a + "/tag-history")
                        .json()
                        .path("items")
                        .get(0)
                        .path("tagName")
                        .asString())
                .isEqualTo("宝妈");
    }

    @Test
    void removingATagTakesItOffEveryProfileOfAMergedCustomer() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin());
        long a = customer(admin, "M1");
        long b = customer(admin, "M2");
        int tag = createTag(admin, createGroup(admin, "活动", "campaign"), "双11参与", false);
        assign(admin, "[%d, %d]".formatted(a, b), "\"add\": [%d]".formatted(tag));
        var link = admin.post("/api/v1/customers/" + b + "/links", "{\"customerId\": " + a + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        long root = link.json().path("id").asLong();
        eventually(() -> assertThat(count(admin, tag)).isEqualTo(1));

        var removed = assign(admin, "[%d]".formatted(root), "\"remove\": [%d]".formatted(tag));
        assertThat(removed.path("removed").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers/" + root + "/tags").json().size())
                .isZero();
        eventually(() -> assertThat(count(admin, tag)).isZero());
    }

    @Test
    void personalTagsAreSeenAndUsedOnlyByTheirOwner() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        var staff = ApiClient.loggedIn(port, fixture.staff());
        int group = createGroup(admin, "属性", "attribute");
        long own = customer(admin, "S1", fixture.staffId());
        long others = customer(admin, "S2");

        var refused = staff.post("/api/v1/tags", "{\"groupId\": %d, \"name\": \"老客\"}".formatted(group));
        assertThat(refused.status()).isEqualTo(403);
        int mine = createTag(staff, group, "老客", true);
        // The same name may exist as an organisation tag.
        int organisation = createTag(admin, group, "老客", false);
        assertThat(organisation).isNotEqualTo(mine);

        assertThat(admin.get("/api/v1/tag-groups").json().get(0).path("tags").size())
                .isEqualTo(1);
        assertThat(staff.get("/api/v1/tag-groups").json().get(0).path("tags").size())
                .isEqualTo(2);
        var foreign =
                admin.post("/api/v1/tags/assignments", "{\"customerIds\": [%d], \"add\": [%d]}".formatted(own, mine));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().path("errors").get(0).path("field").asString())
                .isEqualTo("add");

        var outcome = assign(staff, "[%d, %d]".formatted(own, others), "\"add\": [%d]".formatted(mine));
        assertThat(outcome.path("added").asInt()).isEqualTo(1);
        assertThat(outcome.path("unknown").get(0).asLong()).isEqualTo(others);
        assertThat(admin.get("/api/v1/customers/" + own + "/tags").json().size())
                .isZero();
        assertThat(staff.get("/api/v1/customers/" + own + "/tags")
                        .json()
                        .get(0)
                        .path("personal")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void assignmentLimitsAreExplicit() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin()).language("en");
        var none = admin.post("/api/v1/tags/assignments", "{\"customerIds\": [], \"add\": [1]}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("errors").get(0).path("message").asString()).contains("10,000");
        var nothing = admin.post("/api/v1/tags/assignments", "{\"customerIds\": [1]}");
        assertThat(nothing.status()).isEqualTo(400);
        var unknownTag = admin.post("/api/v1/tags/assignments", "{\"customerIds\": [1], \"add\": [77]}");
        assertThat(unknownTag.status()).isEqualTo(400);
        assertThat(unknownTag.json().path("errors").get(0).path("message").asString())
                .contains("77");
    }

    @Test
    void tagsNamedByGroupAndNameGoOnCustomersNamedByIdentity() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin()).language("en");
        long a = customer(admin, "N1");
        long b = customer(admin, "N2");
        var body = """
                {"records": [
                  {"customer": {"memberNo": "N1"}, "group": "来源", "tag": "抖音"},
                  {"customer": {"memberNo": "N2"}, "group": "来源", "tag": "抖音", "action": "add"},
                  {"customer": {"customerId": %d}, "tag": "抖音"},
                  {"customer": {"memberNo": "NOBODY"}, "group": "来源", "tag": "抖音"},
                  {"customer": {"memberNo": "N1"}, "tag": "小红书"},
                  {"customer": {"memberNo": "N1"}, "group": "来源", "tag": "抖音", "action": "undo"},
                  {"customer": {"planet": "Mars"}, "group": "来源", "tag": "%s"}
                ]}""".formatted(a, "长".repeat(31));

        var first = admin.post("/api/v1/tags/assignments/by-name", body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var results = first.json().path("results");
        assertThat(results.valueStream().map(r -> r.path("status").asString()))
                .containsExactly("added", "added", "unchanged", "rejected", "rejected", "rejected", "rejected");
        assertThat(results.get(0).path("customerId").asLong()).isEqualTo(a);
        assertThat(results.get(3).path("errors").get(0).path("field").asString())
                .isEqualTo("records[3].customer");
        assertThat(results.get(4).path("errors").get(0).path("message").asString())
                .contains("小红书");
        assertThat(results.get(5).path("errors").get(0).path("field").asString())
                .isEqualTo("records[5].action");
        assertThat(results.get(6)
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("records[6].customer.planet", "records[6].tag");
        assertThat(count("select count(*) from customer where survivor_id is null", fixture))
                .as("an unknown identity creates no customer")
                .isEqualTo(2);
        var group = admin.get("/api/v1/tag-groups").json().get(0);
        assertThat(group.path("name").asString()).isEqualTo("来源");
        int tag = group.path("tags").get(0).path("id").asInt();
        eventually(() -> assertThat(count(admin, tag)).isEqualTo(2));
        assertThat(admin.get("/api/v1/customers/" + a + "/tags")
                        .json()
                        .get(0)
                        .path("source")
                        .asString())
                .isEqualTo("api");

        var again = admin.post("/api/v1/tags/assignments/by-name", body).json();
        assertThat(again.path("added").asInt()).as("re-sending changes nothing").isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        var removed = admin.post(
                        "/api/v1/tags/assignments/by-name",
                        "{\"records\": [{\"customer\": {\"memberNo\": \"N2\"}, \"group\": \"来源\", \"tag\": \"抖音\","
                                + " \"action\": \"remove\"}]}")
                .json();
        assertThat(removed.path("removed").asInt()).isEqualTo(1);
        eventually(() -> assertThat(count(admin, tag)).isEqualTo(1));

        var staff = ApiClient.loggedIn(port, fixture.staff());
        var forbidden = staff.post(
                        "/api/v1/tags/assignments/by-name",
                        "{\"records\": [{\"customer\": {\"memberNo\": \"N1\"}, \"group\": \"来源\", \"tag\": \"视频号\"}]}")
                .json();
        assertThat(forbidden
                        .path("results")
                        .get(0)
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .as("creating an organisation tag needs tags:manage")
                .isEqualTo("tag.import.create-forbidden");
        assertThat(admin.post("/api/v1/tags/assignments/by-name", "{\"records\": []}")
                        .status())
                .isEqualTo(400);
    }

    private long count(String query, io.siyu.TestTenants.Fixture fixture) {
        return sql.count(fixture.tenant(), query);
    }

    private long count(ApiClient client, int tag) {
        var answer = client.post(
                "/api/v1/segments/evaluate", "{\"rule\": {\"tags\": {\"any\": [%d]}}, \"preview\": 0}".formatted(tag));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("count").asLong();
    }

    private static JsonNode assign(ApiClient client, String customers, String change) {
        var response =
                client.post("/api/v1/tags/assignments", "{\"customerIds\": %s, %s}".formatted(customers, change));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static int createGroup(ApiClient client, String name, String kind) {
        var response = client.post("/api/v1/tag-groups", "{\"name\": \"%s\", \"kind\": \"%s\"}".formatted(name, kind));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asInt();
    }

    private static int createTag(ApiClient client, int group, String name, boolean personal) {
        var response = client.post(
                "/api/v1/tags",
                "{\"groupId\": %d, \"name\": \"%s\", \"personal\": %s}".formatted(group, name, personal));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asInt();
    }

    private static long customer(ApiClient client, String memberNo) {
        return customer(client, memberNo, null);
    }

    private static long customer(ApiClient client, String memberNo, Long owner) {
        var body = "{\"identities\": [{\"type\": \"memberNo\", \"value\": \"%s\"}], \"name\": \"客户%s\"%s}"
                .formatted(memberNo, memberNo, owner == null ? "" : ", \"ownerId\": " + owner);
        var response = client.post("/api/v1/customers", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}

package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CorpTagTests {

    @Test
    void addCorpTagMakesAGroupWithEtIdsAndListShowsIt() {
        var corp = Simulator.demoCorp();

        var added = corp.post(
                        "externalcontact/add_corp_tag",
                        Map.of("group_name", "客户等级", "tag", List.of(Map.of("name", "VIP"), Map.of("name", "普通"))))
                .path("tag_group");
        var listed = corp.post("externalcontact/get_corp_tag_list", Map.of()).path("tag_group");

        assertThat(added.path("group_id").asString()).startsWith("et");
        assertThat(added.path("tag")).extracting(t -> t.path("id").asString()).allMatch(id -> id.startsWith("et"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("group_name").asString()).isEqualTo("客户等级");
        assertThat(listed.get(0).path("deleted").asBoolean()).isFalse();
        assertThat(listed.get(0).path("tag"))
                .extracting(t -> t.path("name").asString())
                .containsExactly("VIP", "普通");
    }

    @Test
    void anExistingGroupNameTakesTheNewTags() {
        var corp = Simulator.demoCorp();
        var first = group(corp, "来源", "海报");

        var second = corp.post(
                        "externalcontact/add_corp_tag",
                        Map.of("group_name", "来源", "tag", List.of(Map.of("name", "门店"))))
                .path("tag_group");

        assertThat(second.path("group_id").asString())
                .isEqualTo(first.path("group_id").asString());
        assertThat(corp.post("externalcontact/get_corp_tag_list", Map.of())
                        .path("tag_group")
                        .get(0)
                        .path("tag"))
                .hasSize(2);
    }

    @Test
    void listFiltersByTagOrByGroupAndTheGroupWins() {
        var corp = Simulator.demoCorp();
        var a = group(corp, "A", "a1", "a2");
        var b = group(corp, "B", "b1");
        var a1 = a.path("tag").get(0).path("id").asString();

        var byTag = corp.post("externalcontact/get_corp_tag_list", Map.of("tag_id", List.of(a1)))
                .path("tag_group");
        var both = corp.post(
                        "externalcontact/get_corp_tag_list",
                        Map.of(
                                "tag_id",
                                List.of(a1),
                                "group_id",
                                List.of(b.path("group_id").asString())))
                .path("tag_group");

        assertThat(byTag).hasSize(1);
        assertThat(byTag.get(0).path("tag")).hasSize(1);
        assertThat(both).extracting(g -> g.path("group_name").asString()).containsExactly("B");
    }

    @Test
    void namesOverThirtyCharactersAndDuplicatesAreRefused() {
        var corp = Simulator.demoCorp();
        group(corp, "来源", "海报");

        var tooLong = corp.post(
                "externalcontact/add_corp_tag",
                Map.of("group_name", "来源", "tag", List.of(Map.of("name", "长".repeat(31)))));
        var duplicate = corp.post(
                "externalcontact/add_corp_tag", Map.of("group_name", "来源", "tag", List.of(Map.of("name", "海报"))));

        assertThat(tooLong.path("errcode").asInt()).isEqualTo(40058);
        assertThat(duplicate.path("errcode").asInt()).isEqualTo(40071);
    }

    @Test
    void theCorpHoldsAtMostThreeThousandTags() {
        var corp = Simulator.demoCorp();
        var tags =
                IntStream.range(0, 1000).mapToObj(i -> Map.of("name", "t" + i)).toList();
        for (var name : List.of("G1", "G2", "G3")) {
            assertThat(corp.post("externalcontact/add_corp_tag", Map.of("group_name", name, "tag", tags))
                            .path("errcode")
                            .asInt())
                    .isZero();
        }

        var answer = corp.post(
                "externalcontact/add_corp_tag", Map.of("group_name", "G4", "tag", List.of(Map.of("name", "x"))));

        assertThat(answer.path("errcode").asInt()).isEqualTo(40126);
    }

    @Test
    void appEditsAndDeletesOnlyTagsItMade() {
        var corp = Simulator.demoCorp();
        var admin = corp.sim("POST", "/tags", Map.of("groupName", "后台标签", "tags", List.of("老客")))
                .json();
        corp.nextCallback();
        var adminTag = admin.path("tagGroup").path("tag").get(0).path("id").asString();
        var own = group(corp, "API标签", "新客").path("tag").get(0).path("id").asString();

        var editAdmin = corp.post("externalcontact/edit_corp_tag", Map.of("id", adminTag, "name", "改名"));
        var deleteAdmin = corp.post("externalcontact/del_corp_tag", Map.of("tag_id", List.of(adminTag)));
        var editOwn = corp.post("externalcontact/edit_corp_tag", Map.of("id", own, "name", "首购客"));
        var unknown = corp.post("externalcontact/edit_corp_tag", Map.of("id", "etnope", "name", "x"));

        assertThat(editAdmin.path("errcode").asInt()).isEqualTo(301002);
        assertThat(deleteAdmin.path("errcode").asInt()).isEqualTo(301002);
        assertThat(editOwn.path("errcode").asInt()).isZero();
        assertThat(unknown.path("errcode").asInt()).isEqualTo(40068);
    }

    @Test
    void deletingTheLastTagOfAGroupDeletesTheGroupAndTakesItOffCustomers() {
        var corp = Simulator.demoCorp();
        var tag = group(corp, "活动", "双十一").path("tag").get(0).path("id").asString();
        var id = customerOfLina(corp);
        corp.post("externalcontact/mark_tag", Map.of("userid", "lina", "external_userid", id, "add_tag", List.of(tag)));

        var answer = corp.post("externalcontact/del_corp_tag", Map.of("tag_id", List.of(tag)));

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(corp.post("externalcontact/get_corp_tag_list", Map.of()).path("tag_group"))
                .isEmpty();
        assertThat(corp.get("externalcontact/get", "external_userid=" + id)
                        .path("follow_user")
                        .get(0)
                        .path("tags"))
                .isEmpty();
    }

    @Test
    void markTagTagsTheRelationOfThatMemberOnlyAndSendsNoCallback() throws Exception {
        var corp = Simulator.demoCorp();
        var tag = group(corp, "等级", "VIP").path("tag").get(0).path("id").asString();
        var id = customerOfLina(corp);

        var answer = corp.post(
                "externalcontact/mark_tag", Map.of("userid", "lina", "external_userid", id, "add_tag", List.of(tag)));
        var follow = corp.get("externalcontact/get", "external_userid=" + id)
                .path("follow_user")
                .get(0);

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(follow.path("tags").get(0).path("tag_id").asString()).isEqualTo(tag);
        assertThat(follow.path("tags").get(0).path("group_name").asString()).isEqualTo("等级");
        assertThat(follow.path("tags").get(0).path("type").asInt()).isEqualTo(1);
        assertThat(Simulator.receiver().drain(corp.corpId, Duration.ofMillis(300)))
                .isEmpty();
        assertThat(corp.post(
                                "externalcontact/mark_tag",
                                Map.of("userid", "wangfang", "external_userid", id, "add_tag", List.of(tag)))
                        .path("errcode")
                        .asInt())
                .isEqualTo(84061);
        assertThat(corp.post(
                                "externalcontact/mark_tag",
                                Map.of("userid", "lina", "external_userid", id, "add_tag", List.of("etnope")))
                        .path("errcode")
                        .asInt())
                .isEqualTo(40068);
    }

    @Test
    void adminConsoleTagChangesSendChangeExternalTag() {
        var corp = Simulator.demoCorp();

        var created = corp.sim("POST", "/tags", Map.of("groupName", "兴趣", "tags", List.of("咖啡")))
                .json();
        var createEvent = corp.nextCallback();
        var groupId = created.path("tagGroup").path("group_id").asString();
        corp.sim("POST", "/tags", Map.of("groupId", groupId, "tags", List.of("茶")));
        var tagEvent = corp.nextCallback();
        corp.sim("POST", "/tags/" + tagEvent.get("Id") + "/update", Map.of("name", "红茶"));
        var updateEvent = corp.nextCallback();
        corp.sim("POST", "/tags/" + groupId + "/delete", null);
        var deleteEvent = corp.nextCallback();

        assertThat(createEvent.get("Event")).isEqualTo("change_external_tag");
        assertThat(createEvent.get("ChangeType")).isEqualTo("create");
        assertThat(createEvent.get("TagType")).isEqualTo("tag_group");
        assertThat(createEvent.get("Id")).isEqualTo(groupId);
        assertThat(tagEvent.get("TagType")).isEqualTo("tag");
        assertThat(updateEvent.get("ChangeType")).isEqualTo("update");
        assertThat(deleteEvent.get("ChangeType")).isEqualTo("delete");
        assertThat(deleteEvent.get("TagType")).isEqualTo("tag_group");
        assertThat(corp.post("externalcontact/get_corp_tag_list", Map.of()).path("tag_group"))
                .isEmpty();
    }

    @Test
    void memberTaggingInTheClientSendsEditExternalContact() {
        var corp = Simulator.demoCorp();
        var tag = group(corp, "意向", "高").path("tag").get(0).path("id").asString();
        var id = customerOfLina(corp);

        corp.sim("POST", "/staff/lina/tag-customer", Map.of("externalUserId", id, "add", List.of(tag)));
        var event = corp.nextCallback();

        assertThat(event.get("ChangeType")).isEqualTo("edit_external_contact");
        assertThat(event.get("UserID")).isEqualTo("lina");
        assertThat(event.get("ExternalUserID")).isEqualTo(id);
        var customer = corp.state()
                .path("customers")
                .valueStream()
                .filter(c -> c.path("externalUserId").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(customer.path("follows").get(0).path("tags").get(0).asString())
                .isEqualTo(tag);
    }

    private static JsonNode group(TestCorp corp, String name, String... tags) {
        var body = Map.of(
                "group_name",
                name,
                "tag",
                List.of(tags).stream().map(t -> Map.of("name", t)).toList());
        var answer = corp.post("externalcontact/add_corp_tag", body);
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("tag_group");
    }

    private static String customerOfLina(TestCorp corp) {
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        return corp.scan(configId, "小明").path("externalUserId").asString();
    }
}

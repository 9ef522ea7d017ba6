package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** WeCom's corporate tags and Siyu's tags kept alike in both directions, through real callbacks and API calls. */
class CorpTagIntegrationTests extends ConnectedCorpTest {

    @Test
    void tagsMadeInWeComsAdminConsoleBecomeSiyuTagsAndFollowItsRenamesAndDeletions() {
        var made = sim("/tags", "{\"groupName\": \"客户等级\", \"tags\": [\"金卡\", \"银卡\"]}");
        var gold = tagId(made, "金卡");

        eventually(() -> assertThat(siyuTags("客户等级")).containsExactlyInAnyOrder("金卡", "银卡"));

        sim("/tags/" + gold + "/update", "{\"name\": \"白金卡\"}");
        eventually(() -> assertThat(siyuTags("客户等级")).containsExactlyInAnyOrder("白金卡", "银卡"));

        sim("/tags/" + gold + "/delete", "{}");
        eventually(() -> assertThat(siyuTags("客户等级")).containsExactly("银卡"));
    }

    @Test
    void aStaffMemberTaggingACustomerInsideWeComTagsTheCustomerInSiyuAndUntaggingTakesItOff() {
        var made = sim("/tags", "{\"groupName\": \"意向\", \"tags\": [\"高意向\"]}");
        var hot = tagId(made, "高意向");
        eventually(() -> assertThat(siyuTags("意向")).containsExactly("高意向"));
        var code = admin.post(
                        "/api/v1/wecom/channel-codes",
                        "{\"appId\": " + corp.appId() + ", \"name\": \"导购\", \"staff\": [\"wangfang\"]}")
                .json();
        var external = corp.scan(code.path("configId").asString(), "阿梅", "ou-amei")
                .path("externalUserId")
                .asString();
        eventually(() -> assertThat(customerOf(external)).isNotNull());

        sim("/staff/wangfang/tag-customer", "{\"externalUserId\": \"" + external + "\", \"add\": [\"" + hot + "\"]}");
        eventually(() -> assertThat(customerTags(customerOf(external))).contains("高意向"));

        sim(
                "/staff/wangfang/tag-customer",
                "{\"externalUserId\": \"" + external + "\", \"remove\": [\"" + hot + "\"]}");
        eventually(() -> assertThat(customerTags(customerOf(external))).doesNotContain("高意向"));
    }

    @Test
    void aSiyuTagGroupPublishedToWeComIsMadeThereAndItsRenamesNewTagsAndTaggingFollow() {
        int group = admin.post("/api/v1/tag-groups", "{\"name\": \"兴趣\", \"kind\": \"attribute\"}")
                .json()
                .path("id")
                .asInt();
        int coffee = admin.post("/api/v1/tags", "{\"groupId\": " + group + ", \"name\": \"咖啡\"}")
                .json()
                .path("id")
                .asInt();

        var published = admin.post("/api/v1/wecom/apps/" + corp.appId() + "/tag-groups/" + group + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(202);
        eventually(() -> assertThat(wecomTags("兴趣")).containsExactly("咖啡"));
        eventually(() -> assertThat(admin.get("/api/v1/wecom/apps/" + corp.appId() + "/tag-groups")
                        .body())
                .contains(String.valueOf(group)));

        admin.patch("/api/v1/tags/" + coffee, "{\"name\": \"精品咖啡\"}");
        admin.post("/api/v1/tags", "{\"groupId\": " + group + ", \"name\": \"茶饮\"}");
        eventually(() -> assertThat(wecomTags("兴趣")).containsExactlyInAnyOrder("精品咖啡", "茶饮"));

        var code = admin.post(
                        "/api/v1/wecom/channel-codes",
                        "{\"appId\": " + corp.appId() + ", \"name\": \"门店\", \"staff\": [\"lina\"]}")
                .json();
        var external = corp.scan(code.path("configId").asString(), "Kiki", "ou-kiki")
                .path("externalUserId")
                .asString();
        eventually(() -> assertThat(customerOf(external)).isNotNull());
        var tagged = admin.post(
                "/api/v1/tags/assignments",
                "{\"customerIds\": [" + customerOf(external) + "], \"add\": [" + coffee + "]}");
        assertThat(tagged.status()).as(tagged.body()).isLessThan(300);
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_outbox where kind = 'mark'"
                                + " and payload ->> 'external_userid' = '" + external + "'"
                                + " and payload -> 'add_tag' is not null"))
                .as("the mark for WeCom committed with the tagging itself, so no crash can part them")
                .isEqualTo(1);
        eventually(() -> assertThat(relationTagNames(external, "lina")).contains("精品咖啡"));
        assertThat(customerTags(customerOf(external)))
                .as("the tag came back from WeCom? it was never lost")
                .contains("精品咖啡");
    }

    private JsonNode sim(String path, String body) {
        var answer = WeComSimulatorSupport.http().post("/sim/corps/" + corp.corpId() + path, body);
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
        return answer.json();
    }

    private static String tagId(JsonNode made, String name) {
        return made.path("tagGroup")
                .path("tag")
                .valueStream()
                .filter(t -> t.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    private List<String> siyuTags(String group) {
        return admin.get("/api/v1/tag-groups")
                .json()
                .valueStream()
                .filter(g -> g.path("name").asString().equals(group))
                .flatMap(g -> g.path("tags").valueStream())
                .map(t -> t.path("name").asString())
                .toList();
    }

    private List<String> wecomTags(String group) {
        var list = WeComSimulatorSupport.http()
                .post("/cgi-bin/externalcontact/get_corp_tag_list?access_token=" + token(), "{}")
                .json();
        return list.path("tag_group")
                .valueStream()
                .filter(g -> g.path("group_name").asString().equals(group))
                .flatMap(g -> g.path("tag").valueStream())
                .map(t -> t.path("name").asString())
                .toList();
    }

    private List<String> relationTagNames(String external, String userId) {
        var detail = WeComSimulatorSupport.http()
                .get("/cgi-bin/externalcontact/get?access_token=" + token() + "&external_userid=" + external)
                .json();
        return detail.path("follow_user")
                .valueStream()
                .filter(f -> f.path("userid").asString().equals(userId))
                .flatMap(f -> f.path("tags").valueStream())
                .map(t -> t.path("tag_name").asString())
                .toList();
    }

    private Long customerOf(String external) {
        var ids = sql.list(
                fixture.tenant(),
                "select customer_id from wecom_contact where external_user_id = '" + external + "'",
                Long.class);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private List<String> customerTags(long customer) {
        return admin.get("/api/v1/customers/" + customer + "/tags")
                .json()
                .valueStream()
                .map(t -> t.path("name").asString())
                .toList();
    }

    private String token() {
        return WeComSimulatorSupport.http()
                .get("/cgi-bin/gettoken?corpid=" + corp.corpId() + "&corpsecret=the-secret")
                .json()
                .path("access_token")
                .asString();
    }
}

package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GroupTests {

    @Test
    void groupChatListFiltersByOwnerAndPages() {
        var corp = Simulator.demoCorp();

        var all = corp.post("externalcontact/groupchat/list", Map.of("limit", 1));
        var rest = corp.post(
                "externalcontact/groupchat/list",
                Map.of("limit", 1, "cursor", all.path("next_cursor").asString()));
        var lina = corp.post(
                "externalcontact/groupchat/list",
                Map.of("limit", 10, "owner_filter", Map.of("userid_list", List.of("lina"))));

        assertThat(all.path("group_chat_list")).hasSize(1);
        assertThat(rest.path("group_chat_list")).hasSize(1);
        assertThat(rest.path("next_cursor").asString()).isEmpty();
        assertThat(lina.path("group_chat_list")).hasSize(1);
        assertThat(lina.path("group_chat_list").get(0).path("status").asInt()).isZero();
        assertThat(corp.post("externalcontact/groupchat/list", Map.of("limit", 1001))
                        .path("errcode")
                        .asInt())
                .isEqualTo(40058);
    }

    @Test
    void groupChatGetShowsOwnerMembersAdminsAndVersion() {
        var corp = Simulator.demoCorp();
        var chatId = chatOf(corp, "lina");

        var group = corp.post("externalcontact/groupchat/get", Map.of("chat_id", chatId, "need_name", 1))
                .path("group_chat");

        assertThat(group.path("name").asString()).isEqualTo("华东门店VIP福利群");
        assertThat(group.path("owner").asString()).isEqualTo("lina");
        assertThat(group.path("member_list")).hasSize(5);
        assertThat(group.path("member_list").get(0).path("type").asInt()).isEqualTo(1);
        assertThat(group.path("member_list").get(2).path("type").asInt()).isEqualTo(2);
        assertThat(group.path("member_list")
                        .get(2)
                        .path("invitor")
                        .path("userid")
                        .asString())
                .isEqualTo("lina");
        assertThat(group.path("member_list").get(2).path("name").asString()).isEqualTo("林晓燕");
        assertThat(group.path("admin_list").get(0).path("userid").asString()).isEqualTo("wangfang");
        assertThat(group.path("member_version").asString()).hasSize(32);
        assertThat(corp.post("externalcontact/groupchat/get", Map.of("chat_id", "wrnope"))
                        .path("errcode")
                        .asInt())
                .isEqualTo(40050);
    }

    @Test
    void joiningSendsAddMemberWithTheMemberListAndBothVersions() {
        var corp = Simulator.demoCorp();
        var chatId = chatOf(corp, "lina");
        var before = version(corp, chatId);

        var answer = corp.sim("POST", "/groups/" + chatId + "/join", Map.of("customer", Map.of("name", "新朋友")))
                .json();
        var event = corp.nextCallback();

        assertThat(event.get("Event")).isEqualTo("change_external_chat");
        assertThat(event.get("ChangeType")).isEqualTo("update");
        assertThat(event.get("UpdateDetail")).isEqualTo("add_member");
        assertThat(event.get("ChatId")).isEqualTo(chatId);
        assertThat(event.get("JoinScene")).isEqualTo("0");
        assertThat(event.get("MemChangeCnt")).isEqualTo("1");
        assertThat(event.xml())
                .contains("<MemChangeList><Item><![CDATA["
                        + answer.path("memberId").asString() + "]]></Item></MemChangeList>");
        assertThat(event.get("LastMemVer")).isEqualTo(before);
        assertThat(event.get("CurMemVer")).isEqualTo(version(corp, chatId)).isNotEqualTo(before);
    }

    @Test
    void fillBringsTheGroupToTheCountInOneCallbackAndAFullGroupTakesNoOneElse() {
        var corp = Simulator.demoCorp();
        var chatId = chatOf(corp, "lina");

        var fill = corp.sim("POST", "/groups/" + chatId + "/fill", Map.of("count", 200))
                .json();
        var event = corp.nextCallback();
        var refused = corp.sim("POST", "/groups/" + chatId + "/join", Map.of("customer", Map.of("name", "迟到的")));

        assertThat(fill.path("memberCount").asInt()).isEqualTo(200);
        assertThat(event.get("MemChangeCnt")).isEqualTo("195");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errcode()).isEqualTo(86006);
        assertThat(refused.json().path("errmsg").asString()).contains("200");
    }

    @Test
    void leavingSendsDelMemberWithQuitSceneZero() {
        var corp = Simulator.demoCorp();
        var chatId = chatOf(corp, "zhaolei");
        var member = corp.post("externalcontact/groupchat/get", Map.of("chat_id", chatId))
                .path("group_chat")
                .path("member_list")
                .get(2)
                .path("userid")
                .asString();

        corp.sim("POST", "/groups/" + chatId + "/leave", Map.of("externalUserId", member));
        var event = corp.nextCallback();

        assertThat(event.get("UpdateDetail")).isEqualTo("del_member");
        assertThat(event.get("QuitScene")).isEqualTo("0");
        assertThat(event.get("MemChangeList.Item")).isEqualTo(member);
    }

    @Test
    void aDismissedGroupIsGoneFromTheApiAndReportedByCallback() {
        var corp = Simulator.demoCorp();
        var chatId = chatOf(corp, "zhaolei");

        corp.sim("POST", "/groups/" + chatId + "/dismiss", Map.of());
        var event = corp.nextCallback();

        assertThat(event.get("ChangeType")).isEqualTo("dismiss");
        assertThat(event.get("ChatId")).isEqualTo(chatId);
        assertThat(corp.post("externalcontact/groupchat/get", Map.of("chat_id", chatId))
                        .path("errcode")
                        .asInt())
                .isEqualTo(40050);
        assertThat(corp.sim("POST", "/groups/" + chatId + "/dismiss", Map.of()).status())
                .as("a group cannot be dismissed twice")
                .isEqualTo(404);
    }

    @Test
    void createdGroupSendsCreate() {
        var corp = Simulator.demoCorp();

        var answer = corp.sim(
                        "POST", "/groups", Map.of("name", "新品体验群", "owner", "chenjing", "staff", List.of("liuyang")))
                .json();
        var event = corp.nextCallback();

        assertThat(event.get("ChangeType")).isEqualTo("create");
        assertThat(event.get("ChatId")).isEqualTo(answer.path("chatId").asString());
        assertThat(corp.post("externalcontact/groupchat/get", Map.of("chat_id", event.get("ChatId")))
                        .path("group_chat")
                        .path("member_list"))
                .hasSize(2);
    }

    static String chatOf(TestCorp corp, String owner) {
        return corp.post(
                        "externalcontact/groupchat/list",
                        Map.of("limit", 10, "owner_filter", Map.of("userid_list", List.of(owner))))
                .path("group_chat_list")
                .get(0)
                .path("chat_id")
                .asString();
    }

    static String version(TestCorp corp, String chatId) {
        JsonNode group = corp.post("externalcontact/groupchat/get", Map.of("chat_id", chatId))
                .path("group_chat");
        return group.path("member_version").asString();
    }
}

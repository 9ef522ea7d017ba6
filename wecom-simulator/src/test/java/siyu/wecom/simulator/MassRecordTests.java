package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MassRecordTests {

    @Test
    void theListShowsApiMessagesWithoutACreatorAndMembersOwnWithOne() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var apiMsgid = Mass.message(corp, "lina", customer);
        var own = corp.sim("POST", "/staff/lina/group-messages", Map.of("text", Map.of("content", "我自己发的")));
        long now = Mass.now().getEpochSecond();

        var all = list(corp, now - 60, now + 60, Map.of());
        var corpMade = list(corp, now - 60, now + 60, Map.of("filter_type", 0)).path("group_msg_list");
        var personal = list(corp, now - 60, now + 60, Map.of("filter_type", 1)).path("group_msg_list");
        var byCreator =
                list(corp, now - 60, now + 60, Map.of("creator", "lina")).path("group_msg_list");
        var groups =
                list(corp, now - 60, now + 60, Map.of("chat_type", "group")).path("group_msg_list");

        assertThat(own.status()).isEqualTo(201);
        assertThat(all.path("group_msg_list")).hasSize(2);
        assertThat(corpMade).hasSize(1);
        assertThat(corpMade.get(0).path("msgid").asString()).isEqualTo(apiMsgid);
        assertThat(corpMade.get(0).path("create_type").asInt()).isZero();
        assertThat(corpMade.get(0).has("creator")).isFalse();
        assertThat(corpMade.get(0).path("create_time").asString()).matches("\\d{10}");
        assertThat(corpMade.get(0).path("text").path("content").asString()).isEqualTo("双十一会员日");
        assertThat(personal.get(0).path("create_type").asInt()).isEqualTo(1);
        assertThat(personal.get(0).path("creator").asString()).isEqualTo("lina");
        assertThat(byCreator).hasSize(1);
        assertThat(groups).isEmpty();
    }

    @Test
    void theListPagesByCursorAndRefusesAWindowOverAMonth() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.message(corp, "lina", customer);
        Mass.message(corp, "lina", customer);
        long now = Mass.now().getEpochSecond();

        var first = list(corp, now - 60, now + 60, Map.of("limit", 1));
        var second = list(
                corp,
                now - 60,
                now + 60,
                Map.of("limit", 1, "cursor", first.path("next_cursor").asString()));
        var tooLong = list(corp, now - 40 * 86_400, now, Map.of());
        var backwards = list(corp, now, now - 60, Map.of());
        var missing = corp.post("externalcontact/get_groupmsg_list_v2", Map.of("chat_type", "single"));

        assertThat(first.path("group_msg_list")).hasSize(1);
        assertThat(first.path("next_cursor").asString()).isNotEmpty();
        assertThat(second.path("group_msg_list")).hasSize(1);
        assertThat(second.path("next_cursor").asString()).isEmpty();
        assertThat(tooLong.path("errcode").asInt()).isEqualTo(40058);
        assertThat(backwards.path("errcode").asInt()).isEqualTo(40058);
        assertThat(missing.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    void aMissingMsgidIs41046AndAnUnknownOne41047() {
        var corp = Simulator.demoCorp();

        assertThat(corp.post("externalcontact/get_groupmsg_task", Map.of())
                        .path("errcode")
                        .asInt())
                .isEqualTo(41046);
        assertThat(corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", "msgnope"))
                        .path("errcode")
                        .asInt())
                .isEqualTo(41047);
        assertThat(corp.post("externalcontact/remind_groupmsg_send", Map.of("msgid", "msgnope"))
                        .path("errcode")
                        .asInt())
                .isEqualTo(41047);
        assertThat(corp.post("externalcontact/cancel_groupmsg_send", Map.of())
                        .path("errcode")
                        .asInt())
                .isEqualTo(41046);
    }

    @Test
    void theSendResultNeedsTheMembersUserid() {
        var corp = Simulator.demoCorp();
        var msgid = Mass.message(corp, "lina", Mass.customerOf(corp, "lina"));

        var missing = corp.post("externalcontact/get_groupmsg_send_result", Map.of("msgid", msgid));
        var unknown = Mass.results(corp, msgid, "nobody");
        var noTask = Mass.results(corp, msgid, "wangfang");

        assertThat(missing.path("errcode").asInt()).isEqualTo(41009);
        assertThat(unknown.path("errcode").asInt()).isEqualTo(40003);
        assertThat(noTask.path("send_list")).isEmpty();
    }

    @Test
    void aMessageCanBeRemindedThreeTimesIn24Hours() {
        var corp = Simulator.demoCorp();
        var msgid = Mass.message(corp, "lina", Mass.customerOf(corp, "lina"));
        var remind = Map.of("msgid", msgid);

        var three = List.of(
                corp.post("externalcontact/remind_groupmsg_send", remind)
                        .path("errcode")
                        .asInt(),
                corp.post("externalcontact/remind_groupmsg_send", remind)
                        .path("errcode")
                        .asInt(),
                corp.post("externalcontact/remind_groupmsg_send", remind)
                        .path("errcode")
                        .asInt());
        var fourth = corp.post("externalcontact/remind_groupmsg_send", remind);
        Mass.advance(corp, Duration.ofHours(24).plusMinutes(1));
        var nextDay = corp.post("externalcontact/remind_groupmsg_send", remind);
        var pending = corp.sim("GET", "/staff/lina/group-message-tasks", null).json();

        assertThat(three).containsOnly(0);
        assertThat(fourth.path("errcode").asInt()).isEqualTo(45009);
        assertThat(nextDay.path("errcode").asInt()).isZero();
        assertThat(pending.get(0).path("reminders").asInt()).isEqualTo(4);
    }

    @Test
    void cancellingStopsAskingMembersWhoHaveNotSent() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.alsoFollows(corp, customer, "wangfang");
        var msgid = corp.post(
                        "externalcontact/add_msg_template",
                        Map.of("external_userid", List.of(customer), "text", Map.of("content", "您好")))
                .path("msgid")
                .asString();
        Mass.send(corp, msgid, "lina");

        var cancel = corp.post("externalcontact/cancel_groupmsg_send", Map.of("msgid", msgid));
        var late = corp.sim("POST", "/group-messages/" + msgid + "/send", Map.of("userId", "wangfang"));
        var pending =
                corp.sim("GET", "/staff/wangfang/group-message-tasks", null).json();
        var tasks = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid))
                .path("task_list");

        assertThat(cancel.path("errcode").asInt()).isZero();
        assertThat(late.status()).isEqualTo(409);
        assertThat(pending).isEmpty();
        assertThat(tasks).extracting(t -> t.path("status").asInt()).containsExactly(2, 0);
    }

    @Test
    void recordsAnswer41063WhileTheMessageIsBeingDispatched() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        corp.sim("POST", "/limits", Map.of("dispatchDelayMillis", 60_000));
        var msgid = Mass.message(corp, "lina", customer);
        long now = Mass.now().getEpochSecond();

        var task = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid));
        var list = list(corp, now - 60, now + 60, Map.of());
        Mass.advance(corp, Duration.ofSeconds(61));
        var later = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid));

        assertThat(task.path("errcode").asInt()).isEqualTo(41063);
        assertThat(list.path("errcode").asInt()).isEqualTo(41063);
        assertThat(later.path("errcode").asInt()).isZero();
    }

    @Test
    void withAutoConfirmEveryNewTaskIsSentAtOnce() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var limits = corp.sim("POST", "/limits", Map.of("autoConfirm", true)).json();

        var msgid = Mass.message(corp, "lina", customer);

        assertThat(limits.path("autoConfirm").asBoolean()).isTrue();
        assertThat(limits.path("wayQuota").asInt()).isEqualTo(500_000);
        assertThat(Mass.results(corp, msgid, "lina")
                        .path("send_list")
                        .get(0)
                        .path("status")
                        .asInt())
                .isEqualTo(1);
        assertThat(corp.sim("GET", "/customers/" + customer + "/chat", null).json())
                .hasSize(1);
    }

    @Test
    void withAllowSelectTheMemberSendsToThoseTheyPick() {
        var corp = Simulator.demoCorp();
        var picked = Mass.customerOf(corp, "lina");
        var left = Mass.customerOf(corp, "lina");
        var msgid = corp.post(
                        "externalcontact/add_msg_template",
                        Map.of("sender", "lina", "allow_select", true, "text", Map.of("content", "您好")))
                .path("msgid")
                .asString();

        var task = corp.sim(
                        "POST",
                        "/group-messages/" + msgid + "/send",
                        Map.of("userId", "lina", "select", List.of(picked)))
                .json();

        assertThat(task.path("deliveries"))
                .extracting(d -> d.path("externalUserId").asString() + ":"
                        + d.path("status").asInt())
                .containsExactly(picked + ":1", left + ":0");
    }

    @Test
    void theSandboxListsMessagesWithTasksAndDeliveries() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var msgid = Mass.message(corp, "lina", customer);

        var messages = corp.sim("GET", "/group-messages", null).json();
        var pending = corp.sim("GET", "/staff/lina/group-message-tasks", null).json();

        assertThat(messages.get(0).path("msgid").asString()).isEqualTo(msgid);
        assertThat(messages.get(0).path("sender").asString()).isEqualTo("lina");
        assertThat(messages.get(0)
                        .path("tasks")
                        .get(0)
                        .path("deliveries")
                        .get(0)
                        .path("externalUserId")
                        .asString())
                .isEqualTo(customer);
        assertThat(pending.get(0).path("recipients").get(0).asString()).isEqualTo(customer);
    }

    private static tools.jackson.databind.JsonNode list(TestCorp corp, long start, long end, Map<String, Object> more) {
        var body = new java.util.HashMap<String, Object>(more);
        body.put("start_time", start);
        body.put("end_time", end);
        return corp.post("externalcontact/get_groupmsg_list_v2", body);
    }
}

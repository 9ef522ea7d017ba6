package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransferTests {

    private static final Duration A_DAY_AND_A_BIT = Transfers.TAKEOVER.plusSeconds(5);

    @Test
    void onJobTransferWaitsTwentyFourHoursThenMovesTheCustomer() {
        var corp = Simulator.demoCorp();
        var id = customerOf(corp, "lina");

        var started = transfer(corp, "lina", "wangfang", id);
        var waiting = result(corp, "lina", "wangfang").get(0);
        Simulator.advanceClock(A_DAY_AND_A_BIT);
        corp.accessToken = corp.tokenFor(corp.secret);
        var added = corp.nextCallback();
        var deleted = corp.nextCallback();
        var done = result(corp, "lina", "wangfang").get(0);
        var followers = corp.get("externalcontact/get", "external_userid=" + id).path("follow_user");

        assertThat(started.path("customer").get(0).path("errcode").asInt()).isZero();
        assertThat(waiting.path("status").asInt()).isEqualTo(2);
        assertThat(waiting.path("takeover_time").asLong()).isPositive();
        assertThat(added.get("ChangeType")).isEqualTo("add_external_contact");
        assertThat(added.get("UserID")).isEqualTo("wangfang");
        assertThat(deleted.get("ChangeType")).isEqualTo("del_external_contact");
        assertThat(deleted.get("UserID")).isEqualTo("lina");
        assertThat(deleted.get("Source")).isEqualTo("DELETE_BY_TRANSFER");
        assertThat(done.path("status").asInt()).isEqualTo(1);
        assertThat(followers).extracting(f -> f.path("userid").asString()).containsExactly("wangfang");
    }

    @Test
    void theCustomerIsToldOfTheTransferInTheirChat() {
        var corp = Simulator.demoCorp();
        var id = customerOf(corp, "lina");

        corp.post(
                "externalcontact/transfer_customer",
                Map.of(
                        "handover_userid",
                        "lina",
                        "takeover_userid",
                        "wangfang",
                        "external_userid",
                        List.of(id),
                        "transfer_success_msg",
                        "您好，后续由王芳为您服务"));
        var chat = corp.sim("GET", "/customers/" + id + "/chat", null).json();

        assertThat(chat.get(chat.size() - 1).path("kind").asString()).isEqualTo("transfer");
        assertThat(chat.get(chat.size() - 1).path("text").asString()).isEqualTo("您好，后续由王芳为您服务");
    }

    @Test
    void refusesThirdTransferWithinNinetyDays() {
        var corp = Simulator.demoCorp();
        var id = customerOf(corp, "lina");
        transfer(corp, "lina", "wangfang", id);
        Simulator.advanceClock(A_DAY_AND_A_BIT);
        corp.accessToken = corp.tokenFor(corp.secret);
        transfer(corp, "wangfang", "zhoujie", id);
        Simulator.advanceClock(A_DAY_AND_A_BIT);
        corp.accessToken = corp.tokenFor(corp.secret);

        var third = transfer(corp, "zhoujie", "lina", id);

        assertThat(third.path("customer").get(0).path("errcode").asInt()).isEqualTo(40128);
    }

    @Test
    void eachCustomerGetsItsOwnErrcode() {
        var corp = Simulator.demoCorp();
        var linas = customerOf(corp, "lina");
        var other = customerOf(corp, "liuyang");
        transfer(corp, "lina", "wangfang", linas);

        var answer = corp.post(
                        "externalcontact/transfer_customer",
                        Map.of(
                                "handover_userid",
                                "lina",
                                "takeover_userid",
                                "zhoujie",
                                "external_userid",
                                List.of(linas, other, "wmnobody")))
                .path("customer");
        var same = transfer(corp, "liuyang", "liuyang", other).path("customer").get(0);
        var notResigned = corp.post(
                        "externalcontact/resigned/transfer_customer",
                        Map.of(
                                "handover_userid",
                                "liuyang",
                                "takeover_userid",
                                "chenjing",
                                "external_userid",
                                List.of(other)))
                .path("customer")
                .get(0);

        assertThat(answer).extracting(c -> c.path("errcode").asInt()).containsExactly(40100, 40131, 40096);
        assertThat(same.path("errcode").asInt()).isEqualTo(40130);
        assertThat(notResigned.path("errcode").asInt()).isEqualTo(40097);
    }

    @Test
    void customerRefusingEndsTheTransferWithTransferFail() {
        var corp = Simulator.demoCorp();
        var id = customerOf(corp, "lina");
        transfer(corp, "lina", "wangfang", id);

        var answer = corp.sim("POST", "/transfers/" + id + "/refuse", null);
        var event = corp.nextCallback();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(event.get("ChangeType")).isEqualTo("transfer_fail");
        assertThat(event.get("UserID")).isEqualTo("wangfang");
        assertThat(event.get("FailReason")).isEqualTo("customer_refused");
        assertThat(result(corp, "lina", "wangfang").get(0).path("status").asInt())
                .isEqualTo(3);
        assertThat(corp.get("externalcontact/list", "userid=lina").path("external_userid"))
                .hasSize(1);
    }

    @Test
    void resignedMembersCustomersAreUnassignedUntilHandedOver() {
        var corp = Simulator.demoCorp();
        var id = customerOf(corp, "lina");
        corp.sim("POST", "/staff/lina/resign", null);

        var unassigned = corp.post("externalcontact/get_unassigned_list", Map.of("page_size", 100));
        var started = corp.post(
                "externalcontact/resigned/transfer_customer",
                Map.of("handover_userid", "lina", "takeover_userid", "wangfang", "external_userid", List.of(id)));
        var after = corp.post("externalcontact/get_unassigned_list", Map.of("page_size", 100));
        Simulator.advanceClock(A_DAY_AND_A_BIT);
        corp.accessToken = corp.tokenFor(corp.secret);
        var added = corp.nextCallback();
        var done = corp.post(
                "externalcontact/resigned/transfer_result",
                Map.of("handover_userid", "lina", "takeover_userid", "wangfang"));

        assertThat(unassigned.path("info").get(0).path("external_userid").asString())
                .isEqualTo(id);
        assertThat(unassigned.path("info").get(0).path("handover_userid").asString())
                .isEqualTo("lina");
        assertThat(unassigned.path("is_last").asBoolean()).isTrue();
        assertThat(started.path("customer").get(0).path("errcode").asInt()).isZero();
        assertThat(after.path("info")).isEmpty();
        assertThat(added.get("UserID")).isEqualTo("wangfang");
        assertThat(done.path("customer").get(0).path("status").asInt()).isEqualTo(1);
    }

    @Test
    void groupsOfAResignedOwnerAreHandedOverAndOthersAreRefused() {
        var corp = Simulator.demoCorp();
        var linas = GroupTests.chatOf(corp, "lina");
        var zhaoleis = GroupTests.chatOf(corp, "zhaolei");
        corp.sim("POST", "/staff/lina/resign", null);

        var resigned = corp.post(
                "externalcontact/groupchat/transfer",
                Map.of("chat_id_list", List.of(linas, zhaoleis, "wrnope"), "new_owner", "wangfang"));
        var onJob = corp.post(
                "externalcontact/groupchat/onjob_transfer",
                Map.of("chat_id_list", List.of(zhaoleis), "new_owner", "sunli"));
        var owner = corp.post("externalcontact/groupchat/get", Map.of("chat_id", linas))
                .path("group_chat")
                .path("owner");
        var status = corp.post("externalcontact/groupchat/list", Map.of("limit", 10, "status_filter", 3))
                .path("group_chat_list");

        assertThat(resigned.path("failed_chat_list"))
                .extracting(f -> f.path("errcode").asInt())
                .containsExactly(90500, 90501);
        assertThat(onJob.path("failed_chat_list")).isEmpty();
        assertThat(owner.asString()).isEqualTo("wangfang");
        assertThat(status).extracting(g -> g.path("chat_id").asString()).containsExactly(linas);
    }

    private static JsonNode transfer(TestCorp corp, String from, String to, String id) {
        return corp.post(
                "externalcontact/transfer_customer",
                Map.of("handover_userid", from, "takeover_userid", to, "external_userid", List.of(id)));
    }

    private static JsonNode result(TestCorp corp, String from, String to) {
        return corp.post("externalcontact/transfer_result", Map.of("handover_userid", from, "takeover_userid", to))
                .path("customer");
    }

    private static String customerOf(TestCorp corp, String userId) {
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of(userId)));
        return corp.scan(configId, "客户").path("externalUserId").asString();
    }
}

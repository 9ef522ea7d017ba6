package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanTests {

    @Test
    void scanSendsAnEncryptedAddExternalContactWithStateAndWelcomeCode() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina"), "state", "poster-01"));

        var answer = corp.sim(
                        "POST",
                        "/scan",
                        Map.of("configId", configId, "customer", Map.of("name", "小明", "gender", 1, "unionid", "ou-1")))
                .json();
        var event = corp.nextCallback();

        assertThat(answer.path("userId").asString()).isEqualTo("lina");
        assertThat(answer.path("externalUserId").asString()).matches("wm[A-Za-z0-9]{26}");
        assertThat(answer.path("attempts").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(event.get("ToUserName")).isEqualTo(corp.corpId);
        assertThat(event.get("FromUserName")).isEqualTo("sys");
        assertThat(event.get("Event")).isEqualTo("change_external_contact");
        assertThat(event.get("ChangeType")).isEqualTo("add_external_contact");
        assertThat(event.get("UserID")).isEqualTo("lina");
        assertThat(event.get("ExternalUserID"))
                .isEqualTo(answer.path("externalUserId").asString());
        assertThat(event.get("State")).isEqualTo("poster-01");
        assertThat(event.get("WelcomeCode"))
                .isEqualTo(answer.path("welcomeCode").asString());
    }

    @Test
    void scanningTheQrContentWorksLikeTheConfigId() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));

        var answer = corp.sim(
                "POST",
                "/scan",
                Map.of(
                        "qrContent",
                        "https://work.weixin.qq.com/ca/cawcde" + configId,
                        "customer",
                        Map.of("name", "小红")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(corp.nextCallback().get("UserID")).isEqualTo("lina");
    }

    @Test
    void multiPersonWayGivesTheCustomerToOneOfItsUsers() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 2, "scene", 2, "user", List.of("wangfang", "zhoujie")));

        var picked = new java.util.HashSet<String>();
        for (int i = 0; i < 30; i++) {
            picked.add(corp.scan(configId, "客户" + i).path("userId").asString());
        }

        assertThat(picked).isSubsetOf("wangfang", "zhoujie").hasSize(2);
    }

    @Test
    void theSameWeChatUserKeepsOneExternalUserIdPerCorp() {
        var corp = Simulator.demoCorp();
        var first = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var second = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("liuyang")));
        var person = Map.of("name", "小明", "unionid", "ou-same");

        var a = corp.sim("POST", "/scan", Map.of("configId", first, "customer", person))
                .json();
        var b = corp.sim("POST", "/scan", Map.of("configId", second, "customer", person))
                .json();

        assertThat(b.path("externalUserId").asString())
                .isEqualTo(a.path("externalUserId").asString());
        var contact = corp.get(
                "externalcontact/get",
                "external_userid=" + a.path("externalUserId").asString());
        assertThat(contact.path("follow_user"))
                .extracting(f -> f.path("userid").asString())
                .containsExactly("lina", "liuyang");
    }

    @Test
    void scanningAgainWhenAlreadyFriendsSendsNothing() throws Exception {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var first = corp.scan(configId, "小明");

        var again = corp.sim(
                        "POST",
                        "/scan",
                        Map.of(
                                "configId",
                                configId,
                                "externalUserId",
                                first.path("externalUserId").asString()))
                .json();

        assertThat(again.path("alreadyFriend").asBoolean()).isTrue();
        assertThat(Simulator.receiver().drain(corp.corpId, java.time.Duration.ofMillis(200)))
                .isEmpty();
    }

    @Test
    void halfAddSendsAddHalfExternalContact() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));

        corp.sim("POST", "/scan", Map.of("configId", configId, "half", true, "customer", Map.of("name", "小明")));

        assertThat(corp.nextCallback().get("ChangeType")).isEqualTo("add_half_external_contact");
    }

    @Test
    void unknownConfigIs404() {
        var corp = Simulator.demoCorp();

        var answer = corp.sim("POST", "/scan", Map.of("configId", "nope", "customer", Map.of("name", "小明")));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("errmsg").asString()).contains("nope");
    }

    @Test
    void everyAppWithACallbackUrlGetsTheEvent() {
        var corp = Simulator.demoCorp();
        corp.addApp("1000005", "second-secret", true);
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));

        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", "小明")));

        assertThat(answer.json().path("attempts"))
                .extracting(a -> a.path("agentId").asString())
                .containsExactlyInAnyOrder("1000002", "1000005");
        assertThat(corp.nextCallback().get("WelcomeCode"))
                .isEqualTo(corp.nextCallback().get("WelcomeCode"));
    }
}

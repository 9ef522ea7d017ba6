package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WelcomeMessageTests {

    private static final Map<String, Object> LINK = Map.of(
            "msgtype",
            "link",
            "link",
            Map.of("title", "新人礼", "picurl", "https://example.com/p.png", "url", "https://example.com/gift"));

    @Test
    void welcomeMessageReachesTheCustomersChatWithItsAttachments() {
        var corp = Simulator.demoCorp();
        var scan = scanned(corp);

        var answer = corp.post(
                "externalcontact/send_welcome_msg",
                Map.of(
                        "welcome_code", scan.path("welcomeCode").asString(),
                        "text", Map.of("content", "您好，欢迎光临！"),
                        "attachments", List.of(LINK)));
        var chat = corp.sim("GET", "/customers/" + scan.path("externalUserId").asString() + "/chat", null)
                .json();

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).path("from").asString()).isEqualTo("lina");
        assertThat(chat.get(0).path("kind").asString()).isEqualTo("welcome");
        assertThat(chat.get(0).path("text").asString()).isEqualTo("您好，欢迎光临！");
        assertThat(chat.get(0)
                        .path("attachments")
                        .get(0)
                        .path("link")
                        .path("title")
                        .asString())
                .isEqualTo("新人礼");
        assertThat(chat.get(0).path("time").asLong()).isPositive();
    }

    @Test
    void welcomeCodeWorksOnlyOnce() {
        var corp = Simulator.demoCorp();
        var code = scanned(corp).path("welcomeCode").asString();
        var message = Map.of("welcome_code", code, "text", Map.of("content", "您好"));

        var first = corp.post("externalcontact/send_welcome_msg", message);
        var second = corp.post("externalcontact/send_welcome_msg", message);

        assertThat(first.path("errcode").asInt()).isZero();
        assertThat(second.path("errcode").asInt()).isEqualTo(41051);
        assertThat(second.path("errmsg").asString()).startsWith("externaluser has started chatting");
    }

    @Test
    void welcomeCodeExpiresAfterTwentySeconds() {
        var corp = Simulator.demoCorp();
        var code = scanned(corp).path("welcomeCode").asString();

        Simulator.advanceClock(Duration.ofSeconds(21));
        corp.accessToken = corp.tokenFor(corp.secret);
        var answer = corp.post(
                "externalcontact/send_welcome_msg", Map.of("welcome_code", code, "text", Map.of("content", "您好")));

        assertThat(answer.path("errcode").asInt()).isEqualTo(41050);
    }

    @Test
    void welcomeCodeIsStillGoodAtNineteenSeconds() {
        var corp = Simulator.demoCorp();
        var code = scanned(corp).path("welcomeCode").asString();

        Simulator.advanceClock(Duration.ofSeconds(19));
        var answer = corp.post(
                "externalcontact/send_welcome_msg", Map.of("welcome_code", code, "text", Map.of("content", "您好")));

        assertThat(answer.path("errcode").asInt()).isZero();
    }

    @Test
    void missingAndUnknownCodesAre41049And41050() {
        var corp = Simulator.demoCorp();

        var missing = corp.post("externalcontact/send_welcome_msg", Map.of("text", Map.of("content", "您好")));
        var unknown = corp.post(
                "externalcontact/send_welcome_msg", Map.of("welcome_code", "nope", "text", Map.of("content", "您好")));

        assertThat(missing.path("errcode").asInt()).isEqualTo(41049);
        assertThat(unknown.path("errcode").asInt()).isEqualTo(41050);
    }

    @Test
    void textOverFourThousandBytesAndTenAttachmentsAreRefused() {
        var corp = Simulator.demoCorp();
        var code = scanned(corp).path("welcomeCode").asString();

        var longText = corp.post(
                "externalcontact/send_welcome_msg",
                Map.of("welcome_code", code, "text", Map.of("content", "好".repeat(1334))));
        var tooMany = corp.post(
                "externalcontact/send_welcome_msg",
                Map.of("welcome_code", code, "attachments", Collections.nCopies(10, LINK)));
        var nine = corp.post(
                "externalcontact/send_welcome_msg",
                Map.of("welcome_code", code, "attachments", Collections.nCopies(9, LINK)));

        assertThat(longText.path("errcode").asInt()).isEqualTo(45002);
        assertThat(tooMany.path("errcode").asInt()).isEqualTo(40058);
        assertThat(nine.path("errcode").asInt()).isZero();
    }

    private static JsonNode scanned(TestCorp corp) {
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        return corp.scan(configId, "小明");
    }
}

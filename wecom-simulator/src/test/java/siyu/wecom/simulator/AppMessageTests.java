package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppMessageTests {

    @Test
    void textReachesEachNamedMemberAndUnknownOnesComeBackAsInvalid() {
        var corp = Simulator.demoCorp();

        var answer = corp.post(
                "message/send",
                Map.of(
                        "touser",
                        "lina|wangfang|ghost",
                        "msgtype",
                        "text",
                        "agentid",
                        corp.agentId,
                        "text",
                        Map.of("content", "您有3位新客户待跟进")));
        var inbox = corp.sim("GET", "/staff/lina/messages", null).json();

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("invaliduser").asString()).isEqualTo("ghost");
        assertThat(answer.path("msgid").asString()).isNotEmpty();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("msgtype").asString()).isEqualTo("text");
        assertThat(inbox.get(0).path("content").path("content").asString()).isEqualTo("您有3位新客户待跟进");
        assertThat(inbox.get(0).path("agentId").asString()).isEqualTo(corp.agentId);
        assertThat(corp.sim("GET", "/staff/zhoujie/messages", null).json()).isEmpty();
    }

    @Test
    void textcardAndMarkdownAreKept() {
        var corp = Simulator.demoCorp();

        corp.post(
                "message/send",
                Map.of(
                        "touser",
                        "lina",
                        "msgtype",
                        "textcard",
                        "agentid",
                        corp.agentId,
                        "textcard",
                        Map.of("title", "跟进提醒", "description", "今天有2个任务", "url", "https://siyu.example/tasks")));
        corp.post(
                "message/send",
                Map.of(
                        "touser",
                        "lina",
                        "msgtype",
                        "markdown",
                        "agentid",
                        corp.agentId,
                        "markdown",
                        Map.of("content", "**周报**已生成")));
        var inbox = corp.sim("GET", "/staff/lina/messages", null).json();

        assertThat(inbox).extracting(m -> m.path("msgtype").asString()).containsExactly("textcard", "markdown");
        assertThat(inbox.get(0).path("content").path("title").asString()).isEqualTo("跟进提醒");
    }

    @Test
    void nobodyToReachIs81013AndBadMessagesGetTheirErrcodes() {
        var corp = Simulator.demoCorp();

        var nobody = corp.post(
                "message/send",
                Map.of("touser", "ghost", "msgtype", "text", "agentid", corp.agentId, "text", Map.of("content", "hi")));
        var noDescription = corp.post(
                "message/send",
                Map.of(
                        "touser",
                        "lina",
                        "msgtype",
                        "textcard",
                        "agentid",
                        corp.agentId,
                        "textcard",
                        Map.of("title", "t", "url", "https://x")));
        var otherAgent = corp.post(
                "message/send",
                Map.of("touser", "lina", "msgtype", "text", "agentid", "1000999", "text", Map.of("content", "hi")));
        var image = corp.post("message/send", Map.of("touser", "lina", "msgtype", "voice", "agentid", corp.agentId));

        assertThat(nobody.path("errcode").asInt()).isEqualTo(81013);
        assertThat(nobody.path("invaliduser").asString()).isEqualTo("ghost");
        assertThat(noDescription.path("errcode").asInt()).isEqualTo(41033);
        assertThat(otherAgent.path("errcode").asInt()).isEqualTo(301002);
        assertThat(image.path("errcode").asInt()).isEqualTo(40008);
    }

    @Test
    void allReachesEveryoneStillInTheDirectory() {
        var corp = Simulator.demoCorp();
        corp.sim("POST", "/staff/sunli/resign", null);

        corp.post(
                "message/send",
                Map.of(
                        "touser",
                        "@all",
                        "msgtype",
                        "text",
                        "agentid",
                        corp.agentId,
                        "text",
                        Map.of("content", "全员通知")));

        assertThat(corp.sim("GET", "/staff/zhangwei/messages", null).json()).hasSize(1);
        assertThat(corp.sim("GET", "/staff/sunli/messages", null).json()).isEmpty();
    }
}

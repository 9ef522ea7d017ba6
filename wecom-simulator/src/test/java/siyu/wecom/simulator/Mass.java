package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the 企业群发 and 朋友圈 tests share: customers of a member, messages made and sent, the clock at a period. */
final class Mass {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Mass() {}

    /** A new customer of the member (by scanning their 联系我 code). */
    static String customerOf(TestCorp corp, String userId) {
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of(userId)));
        return corp.scan(configId, "客户").path("externalUserId").asString();
    }

    /** The customer adds another member too. */
    static void alsoFollows(TestCorp corp, String externalUserId, String userId) {
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of(userId)));
        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "externalUserId", externalUserId));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        corp.nextCallback();
    }

    /** add_msg_template with a text to these customers through {@code sender}; answers the msgid. */
    static String message(TestCorp corp, String sender, String... externalUserIds) {
        var answer = corp.post(
                "externalcontact/add_msg_template",
                Map.of(
                        "chat_type",
                        "single",
                        "sender",
                        sender,
                        "external_userid",
                        List.of(externalUserIds),
                        "text",
                        Map.of("content", "双十一会员日")));
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("msgid").asString();
    }

    /** The member confirms the task in the client; answers the task. */
    static JsonNode send(TestCorp corp, String msgid, String userId) {
        var answer = corp.sim("POST", "/group-messages/" + msgid + "/send", Map.of("userId", userId));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.json();
    }

    /** A message made and sent at once; answers the customer's delivery status. */
    static int sendNow(TestCorp corp, String sender, String externalUserId) {
        var task = send(corp, message(corp, sender, externalUserId), sender);
        return task.path("deliveries").get(0).path("status").asInt();
    }

    static JsonNode results(TestCorp corp, String msgid, String userId) {
        return corp.post("externalcontact/get_groupmsg_send_result", Map.of("msgid", msgid, "userid", userId));
    }

    static void quota(TestCorp corp, String rule) {
        assertThat(corp.sim("POST", "/limits", Map.of("massQuota", rule)).status())
                .isEqualTo(200);
    }

    /** Moves the simulated clock to an hour past the start of the next day, week or month (China time). */
    static void toNextPeriod(TestCorp corp, String unit) {
        var now = now();
        var today = LocalDate.ofInstant(now, CHINA);
        var next = switch (unit) {
            case "day" -> today.plusDays(1);
            case "week" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            default -> today.with(TemporalAdjusters.firstDayOfNextMonth());
        };
        var target = next.atStartOfDay(CHINA).toInstant().plus(Duration.ofHours(1));
        Simulator.advanceClock(Duration.between(now, target));
        corp.accessToken = corp.tokenFor(corp.secret);
    }

    static void advance(TestCorp corp, Duration by) {
        Simulator.advanceClock(by);
        corp.accessToken = corp.tokenFor(corp.secret);
    }

    static Instant now() {
        return Instant.parse(Simulator.post("/sim/clock", "{\"advanceSeconds\":0}")
                .json()
                .path("now")
                .asString());
    }

    static List<String> statuses(JsonNode list) {
        var all = new java.util.ArrayList<String>();
        list.forEach(item -> all.add(item.path("status").asString()));
        return all;
    }
}

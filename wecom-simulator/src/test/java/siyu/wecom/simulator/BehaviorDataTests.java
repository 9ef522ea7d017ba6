package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BehaviorDataTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PATH = "externalcontact/get_user_behavior_data";

    @Test
    void earlierDaysAreOneEntryPerDayFromMidnightChinaTimeAndTheSameOnEveryCall() {
        var corp = Simulator.demoCorp();
        var today = today();
        // not midnight: WeCom floors both times to 00:00, and the range is closed
        var body = Map.of(
                "userid",
                List.of("lina"),
                "start_time",
                at(today.minusDays(7)) + 15 * 3600 + 1800,
                "end_time",
                at(today.minusDays(1)) + 9 * 3600);

        var first = corp.post(PATH, body);
        var again = corp.post(PATH, body);

        assertThat(first.path("errcode").asInt()).as(first.toString()).isZero();
        var days = first.path("behavior_data");
        assertThat(days).hasSize(7);
        for (int i = 0; i < 7; i++) {
            var day = days.get(i);
            assertThat(day.path("stat_time").asLong()).isEqualTo(at(today.minusDays(7 - i)));
            assertThat(day.path("message_cnt").asInt())
                    .isGreaterThanOrEqualTo(day.path("chat_cnt").asInt());
            assertThat(day.has("reply_percentage"))
                    .isEqualTo(day.path("chat_cnt").asInt() > 0);
            assertThat(day.has("avg_reply_time")).isEqualTo(day.path("chat_cnt").asInt() > 0);
        }
        assertThat(again.path("behavior_data")).isEqualTo(days);
    }

    @Test
    void theSeriesEndsToday() {
        var corp = Simulator.demoCorp();
        var today = today();

        var answer = corp.post(PATH, range(List.of("lina"), today.minusDays(2), today.plusDays(3)));

        assertThat(answer.path("behavior_data")).hasSize(3);
        assertThat(answer.path("behavior_data").get(2).path("stat_time").asLong())
                .isEqualTo(at(today));
    }

    @Test
    void newContactsAreTheCustomersAddedToTheMemberThatDay() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        corp.scan(configId, "小明");
        corp.scan(configId, "小红");

        var lina = todayOf(corp, List.of("lina"));
        var wangfang = todayOf(corp, List.of("wangfang"));

        assertThat(lina.path("new_contact_cnt").asInt()).isEqualTo(2);
        assertThat(lina.path("chat_cnt").asInt()).isZero();
        assertThat(lina.path("message_cnt").asInt()).isZero();
        assertThat(lina.has("reply_percentage")).isFalse();
        assertThat(lina.has("avg_reply_time")).isFalse();
        assertThat(wangfang.path("new_contact_cnt").asInt()).isZero();
    }

    @Test
    void chatsAndMessagesAreWhatTheMemberSentCustomersThatDay() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        for (var name : List.of("小明", "小红")) {
            var code = corp.scan(configId, name).path("welcomeCode").asString();
            var sent = corp.post(
                    "externalcontact/send_welcome_msg", Map.of("welcome_code", code, "text", Map.of("content", "您好")));
            assertThat(sent.path("errcode").asInt()).as(sent.toString()).isZero();
        }

        var lina = todayOf(corp, List.of("lina"));

        assertThat(lina.path("chat_cnt").asInt()).isEqualTo(2);
        assertThat(lina.path("message_cnt").asInt()).isEqualTo(2);
        // customers never start a chat in the simulator: no reply figures, as WeCom without them
        assertThat(lina.has("reply_percentage")).isFalse();
        assertThat(lina.has("avg_reply_time")).isFalse();
    }

    @Test
    void customersWhoDeleteTheMemberAreNegativeFeedback() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var id = corp.scan(configId, "小明").path("externalUserId").asString();
        var deleted = corp.sim("POST", "/customers/" + id + "/delete-staff", Map.of("userId", "lina"));
        assertThat(deleted.status()).isEqualTo(200);

        var lina = todayOf(corp, List.of("lina"));

        assertThat(lina.path("negative_feedback_cnt").asInt()).isEqualTo(1);
        assertThat(lina.path("new_contact_cnt").asInt())
                .as("the relation is gone")
                .isZero();
    }

    @Test
    void severalMembersOrADepartmentGiveOneSeriesOfTheirSums() {
        var corp = Simulator.demoCorp();
        var today = today();
        var from = today.minusDays(10);
        var to = today.minusDays(1);
        var members = List.of("lina", "wangfang", "zhoujie"); // 华东门店, department 2
        var each = members.stream()
                .map(m -> corp.post(PATH, range(List.of(m), from, to)).path("behavior_data"))
                .toList();

        var together = corp.post(PATH, range(members, from, to)).path("behavior_data");
        var department = corp.post(PATH, Map.of("partyid", List.of(2), "start_time", at(from), "end_time", at(to)))
                .path("behavior_data");
        var overlapping = corp.post(
                        PATH,
                        Map.of(
                                "userid",
                                List.of("lina"),
                                "partyid",
                                List.of(2),
                                "start_time",
                                at(from),
                                "end_time",
                                at(to)))
                .path("behavior_data");

        assertThat(together).hasSize(10);
        for (int i = 0; i < 10; i++) {
            int day = i;
            for (var field :
                    List.of("chat_cnt", "message_cnt", "negative_feedback_cnt", "new_apply_cnt", "new_contact_cnt")) {
                int sum = each.stream()
                        .mapToInt(s -> s.get(day).path(field).asInt())
                        .sum();
                assertThat(together.get(day).path(field).asInt()).as(field).isEqualTo(sum);
            }
            double chats = each.stream()
                    .mapToDouble(s -> s.get(day).path("chat_cnt").asInt())
                    .sum();
            double weighted = each.stream()
                    .mapToDouble(s -> s.get(day).path("reply_percentage").asDouble(0)
                            * s.get(day).path("chat_cnt").asInt())
                    .sum();
            if (chats > 0) {
                assertThat(together.get(day).path("reply_percentage").asDouble())
                        .isCloseTo(weighted / chats, within(0.02));
            }
        }
        assertThat(department).isEqualTo(together);
        assertThat(overlapping).as("a member asked twice counts once").isEqualTo(together);
    }

    @Test
    void aSpanOfThirtyDaysIsServedAndALongerOneIs600018() {
        var corp = Simulator.demoCorp();
        var today = today();

        var thirty = corp.post(PATH, range(List.of("lina"), today.minusDays(31), today.minusDays(1)));
        var longer = corp.post(PATH, range(List.of("lina"), today.minusDays(32), today.minusDays(1)));

        assertThat(thirty.path("behavior_data")).hasSize(31);
        assertThat(longer.path("errcode").asInt()).isEqualTo(600018);
        assertThat(longer.path("errmsg").asString()).startsWith("invalid start endtime");
    }

    @Test
    void aStartOlderThan180DaysIs600018() {
        var corp = Simulator.demoCorp();
        var today = today();

        var oldest = corp.post(PATH, range(List.of("lina"), today.minusDays(180), today.minusDays(170)));
        var older = corp.post(PATH, range(List.of("lina"), today.minusDays(181), today.minusDays(170)));

        assertThat(oldest.path("errcode").asInt()).isZero();
        assertThat(older.path("errcode").asInt()).isEqualTo(600018);
    }

    @Test
    void anEndBeforeTheStartIs600018() {
        var corp = Simulator.demoCorp();
        var today = today();

        var answer = corp.post(PATH, range(List.of("lina"), today.minusDays(1), today.minusDays(2)));

        assertThat(answer.path("errcode").asInt()).isEqualTo(600018);
    }

    @Test
    void millisecondsOrNoTimesAre600018() {
        var corp = Simulator.demoCorp();
        var day = today().minusDays(1);

        var millis = corp.post(
                PATH, Map.of("userid", List.of("lina"), "start_time", at(day) * 1000, "end_time", at(day) * 1000));
        var none = corp.post(PATH, Map.of("userid", List.of("lina")));

        assertThat(millis.path("errcode").asInt()).isEqualTo(600018);
        assertThat(none.path("errcode").asInt()).isEqualTo(600018);
    }

    @Test
    void neitherUseridNorPartyidIs40058() {
        var corp = Simulator.demoCorp();
        var day = today().minusDays(1);

        var answer = corp.post(PATH, Map.of("userid", List.of(), "start_time", at(day), "end_time", at(day)));

        assertThat(answer.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    void moreThanOneHundredUseridsOrPartyidsIs40058() {
        var corp = Simulator.demoCorp();
        var day = today().minusDays(1);
        var users = IntStream.range(0, 101).mapToObj(i -> "u" + i).toList();
        var parties = IntStream.range(0, 101).boxed().toList();

        var tooManyUsers = corp.post(PATH, range(users, day, day));
        var tooManyParties = corp.post(PATH, Map.of("partyid", parties, "start_time", at(day), "end_time", at(day)));

        assertThat(tooManyUsers.path("errcode").asInt()).isEqualTo(40058);
        assertThat(tooManyParties.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    void anUnknownMemberIs40003AndAnUnknownDepartment60123() {
        var corp = Simulator.demoCorp();
        var day = today().minusDays(1);

        var member = corp.post(PATH, range(List.of("lina", "nobody"), day, day));
        var department = corp.post(PATH, Map.of("partyid", List.of(2, 99), "start_time", at(day), "end_time", at(day)));

        assertThat(member.path("errcode").asInt()).isEqualTo(40003);
        assertThat(department.path("errcode").asInt()).isEqualTo(60123);
    }

    @Test
    void aBadTokenOrAnAppOutsideCustomerContactIsRefused() {
        var corp = Simulator.demoCorp();
        var day = today().minusDays(1);
        var body = range(List.of("lina"), day, day);

        var missing = corp.post(PATH, body, "");
        var invalid = corp.post(PATH, body, "not-a-token");
        corp.sim("POST", "/apps/" + corp.agentId + "/customer-contact", Map.of("allowed", false));
        var outside = corp.post(PATH, body);

        assertThat(missing.path("errcode").asInt()).isEqualTo(41001);
        assertThat(invalid.path("errcode").asInt()).isEqualTo(40014);
        assertThat(outside.path("errcode").asInt()).isEqualTo(48002);
    }

    /** Today in China time, by the simulator's clock (other tests move it). */
    private static LocalDate today() {
        var now = Simulator.post("/sim/clock", "{\"advanceSeconds\":0}")
                .json()
                .path("now")
                .asString();
        return LocalDate.ofInstant(Instant.parse(now), CHINA);
    }

    private static long at(LocalDate day) {
        return day.atStartOfDay(CHINA).toEpochSecond();
    }

    private static Map<String, Object> range(List<String> userIds, LocalDate from, LocalDate to) {
        return Map.of("userid", userIds, "start_time", at(from), "end_time", at(to));
    }

    private static JsonNode todayOf(TestCorp corp, List<String> userIds) {
        var today = today();
        var answer = corp.post(PATH, range(userIds, today, today));
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        assertThat(answer.path("behavior_data")).hasSize(1);
        return answer.path("behavior_data").get(0);
    }
}

package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.ApiClient;
import io.siyu.shared.Tenancy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 联系客户统计 from the simulator: per staff member and day, one member per call, twice the same, errors. */
class BehaviourIntegrationTests extends ConnectedCorpTest {

    private static final List<String> DEMO_STAFF =
            List.of("chenjing", "lina", "liuyang", "sunli", "wangfang", "zhangwei", "zhaolei", "zhoujie");

    @Autowired
    WeComBehaviour behaviour;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BehaviourSync behaviourSync;

    @Autowired
    WeComApps apps;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @AfterEach
    void answerNormallyAgain() {
        WeComSimulatorSupport.corps().clearFaults(corp.corpId());
    }

    @Test
    void theFirstSyncStoresTheLastThirtyDaysOfEachStaffMemberAsWeComServesThem() {
        var result = sync();

        assertThat(result.path("staff").asInt()).as(result.toString()).isEqualTo(8);
        assertThat(result.path("days").asInt()).isEqualTo(8 * 30);
        assertThat(result.path("failed")).isEmpty();
        var from = today().minusDays(30);
        var to = today().minusDays(1);
        for (var userId : DEMO_STAFF) {
            var served = served(userId, from, to);
            var stored = days(from, to, userId);
            assertThat(stored).hasSize(30);
            for (int i = 0; i < 30; i++) {
                assertSame(stored.get(i), served.get(i));
            }
        }
        assertThat(days(from, to, "lina").getFirst().staffName()).isEqualTo("李娜");
        assertThat(days(from, to, null)).hasSize(8 * 30);
    }

    @Test
    void eachCallAsksAboutOneStaffMember() {
        double before = calls();

        var result = sync();

        assertThat(result.path("calls").asInt()).isEqualTo(8);
        assertThat(calls() - before).as("one call per staff member").isEqualTo(8);
        // several userids would give one summed series to all of them: each member's 30 days are their own
        var series = days(today().minusDays(30), today().minusDays(1), null).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        WeComBehaviour.StaffDay::userId,
                        java.util.stream.Collectors.mapping(
                                d -> List.of(d.chats(), d.messages(), d.newApplies()),
                                java.util.stream.Collectors.toList())));
        assertThat(series).hasSize(8);
        assertThat(series.values()).doesNotHaveDuplicates();
    }

    @Test
    void aSecondSyncAsksForTheLastTwoDaysAgainAndChangesNothing() {
        sync();
        var first = figures();

        var again = sync();

        assertThat(again.path("calls").asInt()).isEqualTo(8);
        assertThat(again.path("days").asInt())
                .as("yesterday and the day before")
                .isEqualTo(8 * 2);
        assertThat(figures()).isEqualTo(first);
    }

    @Test
    void aWeComErrorEveryCallWouldMeetEndsTheSyncAndTheDaysStoredStay() {
        sync();
        var stored = figures();
        WeComSimulatorSupport.corps().failNext(corp.corpId(), 45009, 100);

        var refused = admin.post("/api/v1/wecom/apps/" + corp.appId() + "/behavior/sync", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.body()).contains("45009");
        assertThat(figures()).isEqualTo(stored);
    }

    @Test
    void aStaffMemberWeComRefusesIsSkippedAndAskedForAgainNextTime() {
        // the first member asked (by userid) is refused: no permission for that member
        WeComSimulatorSupport.corps().failNext(corp.corpId(), 60011, 1);

        var first = sync();
        var second = sync();

        assertThat(first.path("failed").get(0).asString()).isEqualTo("chenjing");
        assertThat(first.path("days").asInt()).isEqualTo(7 * 30);
        assertThat(second.path("failed")).isEmpty();
        assertThat(days(today().minusDays(30), today().minusDays(1), "chenjing"))
                .hasSize(30);
    }

    @Test
    void theScheduledCheckAsksOnlyAboutStaffMembersWhoseDaysAreDue() {
        sync();
        sql.update(fixture.tenant(), "delete from wecom_staff_behavior where user_id = 'sunli'");

        var checked = Tenancy.callAs(fixture.tenant(), () -> {
            var app = transactions.execute(status -> apps.find(corp.appId())).orElseThrow();
            return behaviourSync.sync(app, true);
        });

        assertThat(checked.staff()).as("yesterday is there for the others").isEqualTo(1);
        assertThat(checked.days()).isEqualTo(30);
        assertThat(days(today().minusDays(30), today().minusDays(1), "sunli")).hasSize(30);
    }

    @Test
    void onlyWeComManagersStartASync() {
        var staff = ApiClient.loggedIn(port, fixture.staff());

        var refused = staff.post("/api/v1/wecom/apps/" + corp.appId() + "/behavior/sync", "{}");

        assertThat(refused.status()).isEqualTo(403);
    }

    private JsonNode sync() {
        var answer = admin.post("/api/v1/wecom/apps/" + corp.appId() + "/behavior/sync", "{}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private List<WeComBehaviour.StaffDay> days(
            LocalDate from, LocalDate to, @org.jspecify.annotations.Nullable String userId) {
        return Tenancy.callAs(fixture.tenant(), () -> behaviour.days(from, to, userId));
    }

    /** Every stored row but when it was synced. */
    private List<String> figures() {
        return sql.list(
                fixture.tenant(),
                "select concat_ws('|', user_id, day, chat_cnt, message_cnt, reply_percentage, avg_reply_time,"
                        + " negative_feedback_cnt, new_apply_cnt, new_contact_cnt) from wecom_staff_behavior"
                        + " order by user_id, day",
                String.class);
    }

    /** The member's days as the simulator answers a call about them alone. */
    private JsonNode served(String userId, LocalDate from, LocalDate to) {
        var http = WeComSimulatorSupport.http();
        var token = http.get("/cgi-bin/gettoken?corpid=" + corp.corpId() + "&corpsecret=the-secret")
                .json()
                .path("access_token")
                .asString();
        var answer = http.post(
                        "/cgi-bin/" + BehaviourSync.PATH + "?access_token=" + token,
                        ApiClient.json(
                                "userid",
                                List.of(userId),
                                "start_time",
                                new BehaviourDays(from, to).startTime(),
                                "end_time",
                                new BehaviourDays(from, to).endTime()))
                .json();
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("behavior_data");
    }

    private static void assertSame(WeComBehaviour.StaffDay stored, JsonNode served) {
        assertThat(stored.day().atStartOfDay(BehaviourDays.WECOM_ZONE).toEpochSecond())
                .isEqualTo(served.path("stat_time").asLong());
        assertThat(stored.chats()).isEqualTo(served.path("chat_cnt").asInt());
        assertThat(stored.messages()).isEqualTo(served.path("message_cnt").asInt());
        assertThat(stored.replyPercentage())
                .isEqualTo(
                        served.has("reply_percentage")
                                ? served.path("reply_percentage").asDouble()
                                : null);
        assertThat(stored.avgReplyMinutes())
                .isEqualTo(
                        served.has("avg_reply_time")
                                ? served.path("avg_reply_time").asInt()
                                : null);
        assertThat(stored.negativeFeedback())
                .isEqualTo(served.path("negative_feedback_cnt").asInt());
        assertThat(stored.newApplies()).isEqualTo(served.path("new_apply_cnt").asInt());
        assertThat(stored.newContacts())
                .isEqualTo(served.path("new_contact_cnt").asInt());
    }

    private double calls() {
        var timer = meters.find("siyu.wecom.api")
                .tag("path", BehaviourSync.PATH)
                .tag("errcode", "0")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static LocalDate today() {
        return LocalDate.now(BehaviourDays.WECOM_ZONE);
    }
}

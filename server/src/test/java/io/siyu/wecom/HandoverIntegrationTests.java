package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 在职转移 and its results against the simulator: WeCom's 24-hour takeover, refusals, the 2-in-90-days rule. */
class HandoverIntegrationTests extends ConnectedCorpTest {

    List<String> customers;
    Duration advanced = Duration.ZERO;

    @BeforeEach
    void connect() {
        var code = admin.post(
                        "/api/v1/wecom/channel-codes",
                        "{\"appId\": " + corp.appId() + ", \"name\": \"导购\", \"staff\": [\"zhoujie\"]}")
                .json();
        customers = List.of(
                corp.scan(code.path("configId").asString(), "甲", "ou-jia-" + corp.corpId())
                        .path("externalUserId")
                        .asString(),
                corp.scan(code.path("configId").asString(), "乙", "ou-yi-" + corp.corpId())
                        .path("externalUserId")
                        .asString());
        eventually(() -> assertThat(sql.count(fixture.tenant(), "select count(*) from wecom_contact"))
                .isEqualTo(2));
    }

    /** The simulator is shared: its clock goes back to now for the tests that follow. */
    @org.junit.jupiter.api.AfterEach
    void rewind() {
        WeComSimulatorSupport.clock().advance(advanced.negated());
    }

    private void advance(Duration by) {
        WeComSimulatorSupport.clock().advance(by);
        advanced = advanced.plus(by);
    }

    @Test
    void anOnJobHandoverWaitsTwentyFourHoursThenMovesTheCustomersToTheTakeover() {
        var candidates = admin.get("/api/v1/wecom/apps/" + corp.appId() + "/staff/zhoujie/customers")
                .json();
        assertThat(candidates.valueStream().map(c -> c.path("name").asString())).containsExactlyInAnyOrder("甲", "乙");
        var started = handover("zhoujie", "chenjing", customers);
        assertThat(started.path("counts").path("waiting").asInt())
                .as(started.toString())
                .isEqualTo(2);
        assertThat(started.path("customers").get(0).path("name").asString()).isIn("甲", "乙");

        advance(Duration.ofHours(25));
        var refreshed = admin.post(
                        "/api/v1/wecom/handovers/" + started.path("id").asLong() + "/refresh", "{}")
                .json();

        assertThat(refreshed.path("counts").path("done").asInt())
                .as(refreshed.toString())
                .isEqualTo(2);
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where user_id = 'chenjing' and lost_at is null"))
                .as("the takeover's new relations arrive by callback")
                .isEqualTo(2));
        eventually(() -> assertThat(sql.list(
                        fixture.tenant(),
                        "select coalesce(lost_by, '-') from wecom_contact where user_id = 'zhoujie'",
                        String.class))
                .containsOnly("transfer"));
        assertThat(sql.count(fixture.tenant(), "select count(*) from event where type = 8"))
                .as("a handover is not a loss")
                .isZero();
    }

    @Test
    void aCustomerWhoRefusesIsReportedByCallbackAndNotHandedOver() {
        var started = handover("zhoujie", "sunli", customers.subList(0, 1));

        var refused = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/transfers/" + customers.get(0) + "/refuse", "{}");
        assertThat(refused.status()).as(refused.body()).isLessThan(300);

        eventually(() -> assertThat(admin.get(
                                "/api/v1/wecom/handovers/" + started.path("id").asLong())
                        .json()
                        .path("customers")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("refused"));
    }

    @Test
    void aCustomerHandedOverTwiceInNinetyDaysIsNotAskedForAThirdTime() {
        var one = customers.subList(0, 1);
        handover("zhoujie", "chenjing", one);
        advance(Duration.ofHours(25));
        handover("chenjing", "zhoujie", one);
        advance(Duration.ofHours(25));

        var third = handover("zhoujie", "chenjing", one);

        var customer = third.path("customers").get(0);
        assertThat(customer.path("status").asString()).isEqualTo("limit");
        assertThat(customer.path("errcode").asInt()).isEqualTo(40128);
    }

    @Test
    void aBadHandoverNamesEachField() {
        var bad = admin.language("en").post("/api/v1/wecom/handovers", """
                {"appId": %d, "kind": "sideways", "handoverUserId": "nobody", "takeoverUserId": "nobody",
                 "externalUserIds": [], "message": "%s"}""".formatted(corp.appId(), "长".repeat(201)));

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("kind", "handoverUserId", "takeoverUserId", "externalUserIds", "message");
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/wecom/handovers")
                        .status())
                .isEqualTo(403);
    }

    private JsonNode handover(String from, String to, List<String> externalUserIds) {
        var started = admin.post(
                "/api/v1/wecom/handovers",
                ApiClient.json(
                        "appId", corp.appId(),
                        "kind", "onjob",
                        "handoverUserId", from,
                        "takeoverUserId", to,
                        "externalUserIds", externalUserIds));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }
}

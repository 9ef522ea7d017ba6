package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import siyu.wecom.simulator.Corps;
import tools.jackson.databind.JsonNode;

/** The API client against the WeCom simulator: tokens, their early revocation and expiry, busy answers. */
class WeComClientIntegrationTests extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    ApiClient admin;
    String corpId;
    long appId;

    @BeforeEach
    void connect() {
        corpId = "ww" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        WeComSimulatorSupport.corps()
                .register(new Corps.App(corpId, "1000002", "私域运营", "the-secret", "tok", "a".repeat(43), null));
        admin = ApiClient.loggedIn(port, tenants.create().admin());
        var created = admin.post("/api/v1/wecom/apps", """
                {"name": "客户联系", "corpId": "%s", "agentId": "1000002", "secret": "the-secret",
                 "apiBaseUrl": "%s"}""".formatted(corpId, WeComSimulatorSupport.baseUrl()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        appId = created.json().path("id").asLong();
    }

    @Test
    void checksAConnectionWithATokenFetchedWithTheSecret() {
        var check = check();

        assertThat(check.path("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("name").asString()).isEqualTo("私域运营");
        assertThat(meters.find("siyu.wecom.api").tag("path", "gettoken").timer())
                .isNotNull();
    }

    @Test
    void aWrongSecretIsReportedWithWeComsErrorCode() {
        admin.patch("/api/v1/wecom/apps/" + appId, "{\"secret\": \"not-the-secret\"}");

        var check = check();

        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("errcode").asInt()).isEqualTo(40001);
    }

    @Test
    void aTokenRevokedEarlyOrExpiredIsFetchedAgainAndTheCallMadeOnceMore() {
        assertThat(check().path("ok").asBoolean()).isTrue();
        WeComSimulatorSupport.corps().revokeTokens(corpId);
        assertThat(check().path("ok").asBoolean()).as("after 40014").isTrue();

        WeComSimulatorSupport.clock().advance(Duration.ofSeconds(7_300));
        try {
            assertThat(check().path("ok").asBoolean()).as("after 42001").isTrue();
            assertThat(meters.find("siyu.wecom.api").tag("errcode", "42001").timer())
                    .isNotNull();
        } finally {
            // the simulator is shared: its callbacks must carry the time again, or Siyu takes them for replays
            WeComSimulatorSupport.clock().advance(Duration.ofSeconds(-7_300));
        }
    }

    @Test
    void busyAndRateLimitedAnswersAreRetriedWithPausesUpToALimit() {
        assertThat(check().path("ok").asBoolean()).isTrue(); // a token first, so faults hit agent/get
        WeComSimulatorSupport.corps().failNext(corpId, -1, 2);
        assertThat(check().path("ok").asBoolean())
                .as("two busy answers, then success")
                .isTrue();

        WeComSimulatorSupport.corps().failNext(corpId, 45009, 10);
        var check = check();
        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("errcode").asInt()).isEqualTo(45009);
    }

    private JsonNode check() {
        var response = admin.post("/api/v1/wecom/apps/" + appId + "/check", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}

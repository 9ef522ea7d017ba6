package io.siyu.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class SegmentIndexUpkeepTests extends IntegrationTest {

    @Autowired
    SegmentEngine engine;

    @Test
    void membersFollowProfileChangesAndNewEventsOnceTheyCommit() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long id = admin.post(
                        "/api/v1/customers",
                        "{\"identities\": [{\"type\": \"memberNo\", \"value\": \"U1\"}], \"name\": \"甲\", \"city\": 3}")
                .json()
                .path("id")
                .asLong();
        var inCity3 = JsonMapper.builder().build().readTree("{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 3}");
        var inCity4 = JsonMapper.builder().build().readTree("{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 4}");
        var viewed = JsonMapper.builder().build().readTree("{\"event\": {\"type\": \"view\", \"lastDays\": 2}}");
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(Tenancy.callAs(fixture.tenant(), () -> engine.members(inCity3, today))
                        .contains((int) id))
                .isTrue();

        var patch = admin.patch("/api/v1/customers/" + id, "{\"city\": 4}");
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        var sent = admin.post("/api/v1/events", """
                {"events": [{"eventId": "u-1", "type": "view", "occurredAt": "%s", "customer": {"memberNo": "U1"}}]}""".formatted(
                        Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        eventually(() -> {
            assertThat(Tenancy.callAs(fixture.tenant(), () -> engine.members(inCity3, today))
                            .contains((int) id))
                    .isFalse();
            assertThat(Tenancy.callAs(fixture.tenant(), () -> engine.members(inCity4, today))
                            .contains((int) id))
                    .isTrue();
        });
        assertThat(Tenancy.callAs(fixture.tenant(), () -> engine.members(viewed, today))
                        .contains((int) id))
                .isTrue();
    }
}

package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The journey templates for loyalty's care: 会员降级挽回 starts on a tier-drop warning and 入会周年关怀 on a membership
 * anniversary; each can be published as it comes and admits the member the event is about.
 */
class LoyaltyJourneyTemplatesIntegrationTests extends IntegrationTest {

    @Autowired
    Anniversaries anniversaries;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    /** A journey made from the template as it comes and published, with one WeCom app to send from. */
    long fromTemplate(String key) {
        io.siyu.wecom.SimulatedCorp.connect(port, admin, true);
        var made = admin.post("/api/v1/journeys", "{\"template\": \"" + key + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        var published = admin.post("/api/v1/journeys/" + id + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    long runs(long journey) {
        return sql.count(fixture.tenant(), "select count(*) from journey_run where journey_id = " + journey);
    }

    long member(String mobile) {
        var made = admin.post("/api/v1/customers", """
                {"name": "会员", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long customer = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer))
                        .status())
                .isEqualTo(201);
        return customer;
    }

    @Test
    void theTemplatesComeInBothLanguagesOnTheirLoyaltyEvents() {
        var zh = admin.get("/api/v1/journey-templates").json();
        var en = ApiClient.loggedIn(port, fixture.admin())
                .language("en")
                .get("/api/v1/journey-templates")
                .json();
        var names = zh.findValuesAsString("name");
        assertThat(names).contains("会员降级挽回", "入会周年关怀");
        assertThat(en.findValuesAsString("name")).contains("Tier-drop win-back", "Membership anniversary care");
        for (var template : zh) {
            var trigger = template.path("definition")
                    .path("trigger")
                    .path("eventType")
                    .asString("");
            switch (template.path("key").asString()) {
                case "tier-drop-winback" -> assertThat(trigger).isEqualTo("tier_drop_warning");
                case "member-anniversary" -> assertThat(trigger).isEqualTo("member_anniversary");
                default -> {}
            }
        }
    }

    @Test
    void aMembershipAnniversaryStartsTheAnniversaryJourneyOnce() {
        long journey = fromTemplate("member-anniversary");
        long ann = member("13900009101");
        var today = LocalDate.now();
        sql.update(
                fixture.tenant(),
                "update member set joined_at = timestamptz '" + today.minusYears(1) + " 12:00:00+08'"
                        + " where customer_id = " + ann);
        Tenancy.callAs(fixture.tenant(), () -> anniversaries.care(today));
        Tenancy.callAs(fixture.tenant(), () -> anniversaries.care(today));
        eventually(Duration.ofSeconds(15), () -> assertThat(runs(journey)).isEqualTo(1));
    }

    @Test
    void aTierDropWarningStartsTheWinBackJourney() {
        long journey = fromTemplate("tier-drop-winback");
        member("13900009102");
        var sent = admin.post("/api/v1/events", """
                {"events": [{"eventId": "warn-1", "type": "tier_drop_warning", "occurredAt": "%s",
                             "customer": {"mobile": "13900009102"},
                             "properties": {"tier": 2, "keepGrowth": 300, "windowGrowth": 320, "growthNeeded": 80,
                                            "leavesAt": "%s"}}]}""".formatted(
                        java.time.Instant.now(), java.time.Instant.now().plus(Duration.ofDays(3))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        eventually(Duration.ofSeconds(15), () -> assertThat(runs(journey)).isEqualTo(1));
    }
}

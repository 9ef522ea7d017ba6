package io.siyu.growth;

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
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's referral graph: two campaigns, chains that run from one into the other, and marked KOC candidates. */
class ReferralDemoIntegrationTests extends IntegrationTest {

    @Autowired
    GrowthDemo demo;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoHasChainsAcrossTwoCampaignsAndMarkedKocCandidates() {
        var fixture = tenants.create();
        sql.customers(fixture.tenant(), "客户", 5000);
        var end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Tenancy.runAs(fixture.tenant(), () -> transactions.executeWithoutResult(s -> demo.load(5_000, 2026, end)));
        var admin = ApiClient.loggedIn(port, fixture.admin());

        var from = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(60);
        var view = admin.get("/api/v1/growth/referrals?from=" + from).json();
        assertThat(view.path("campaigns")).hasSize(2);
        int deepestCampaign = 0;
        for (var c : view.path("campaigns")) {
            assertThat(c.path("kFactor").asDouble())
                    .as(c.path("name").asString())
                    .isPositive();
            assertThat(c.path("cycleHours").isNumber()).isTrue();
            deepestCampaign = Math.max(deepestCampaign, c.path("maxDepth").asInt());
        }
        assertThat(view.path("figures").path("maxDepth").asInt())
                .as("chains that run from the earlier campaign into the main one are deeper than either")
                .isGreaterThan(deepestCampaign);
        assertThat(view.path("inviters").findValues("campaigns").stream().anyMatch(n -> n.asInt() == 2))
                .as("someone invited in the earlier campaign invites in the main one")
                .isTrue();
        assertThat(view.path("inviters").findValues("koc").stream().anyMatch(n -> n.asBoolean()))
                .isTrue();
        assertThat(view.path("graph").path("nodes").size()).isGreaterThan(20);
        assertThat(admin.get("/api/v1/campaigns")
                        .json()
                        .path("items")
                        .get(0)
                        .path("name")
                        .asString())
                .as("the main campaign stays first")
                .isEqualTo("邀好友 领定制保温杯");
    }
}

package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's 拼团 offers give the console's list and detail pages teams in every state and a refund. */
class GroupBuyDemoIntegrationTests extends IntegrationTest {

    @Autowired
    GroupBuyDemo demo;

    @Autowired
    GroupBuyRefunds refunds;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoHasARunningOfferWithOpenAndSucceededTeamsAndAnEndedOneWithAFailedTeamRefunded() {
        var fixture = tenants.create();
        sql.customers(fixture.tenant(), "团员", 40);
        Tenancy.runAs(fixture.tenant(), () -> {
            transactions.executeWithoutResult(s -> demo.load());
            refunds.round();
        });
        var admin = ApiClient.loggedIn(port, fixture.admin());

        var offers = admin.get("/api/v1/group-buys").json().path("items");
        assertThat(offers.size()).isEqualTo(2);
        var running = offers.get(0);
        assertThat(running.path("status").asString()).isEqualTo("active");
        assertThat(running.path("tiers").size()).isEqualTo(3);
        assertThat(running.path("teams").path("open").asLong()).isEqualTo(3);
        assertThat(running.path("teams").path("succeeded").asLong()).isEqualTo(3);
        assertThat(running.path("held").asInt()).isEqualTo(6);
        assertThat(running.path("sold").asInt()).isEqualTo(10);
        assertThat(running.path("teams").path("refunded").decimalValue())
                .as("five paid ¥20 more than ¥69, three ¥10 more than ¥79")
                .isEqualByComparingTo("130");

        var ended = offers.get(1);
        assertThat(ended.path("status").asString()).isEqualTo("ended");
        assertThat(ended.path("teams").path("failed").asLong()).isEqualTo(1);
        assertThat(ended.path("teams").path("succeeded").asLong()).isEqualTo(1);
        assertThat(ended.path("teams").path("refunded").decimalValue()).isEqualByComparingTo("39");
        var failed = admin.get("/api/v1/group-buys/" + ended.path("id").asLong() + "/teams?status=failed")
                .json()
                .path("items")
                .get(0);
        assertThat(failed.path("members").get(0).path("refundStatus").asString())
                .isEqualTo("done");
    }
}

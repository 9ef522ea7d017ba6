package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The demo's 任务宝 campaign gives every part of the dashboard something to show, the same for the same seed. */
class GrowthDemoIntegrationTests extends IntegrationTest {

    @Autowired
    GrowthDemo demo;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoCampaignHasParticipantsInvitesInEachStateRewardsWithinStockAndADailyTrend() {
        var end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var first = tenants.create();
        int participants = load(first, end);
        var admin = ApiClient.loggedIn(port, first.admin());

        var campaign = admin.get("/api/v1/campaigns").json().path("items").get(0);
        assertThat(campaign.path("status").asString()).isEqualTo("ended");
        long id = campaign.path("id").asLong();
        var stats = admin.get("/api/v1/campaigns/" + id + "/stats").json();
        assertThat(stats.path("participants").asLong()).isEqualTo(participants).isBetween(150L, 360L);
        assertThat(stats.path("counted").asLong())
                .isGreaterThan(stats.path("participants").asLong() / 2);
        assertThat(stats.path("held").asLong()).isPositive();
        assertThat(stats.path("review").asLong()).isPositive();
        assertThat(stats.path("rewarded").asLong()).isPositive();
        assertThat(stats.path("outOfStock").asLong())
                .as("the earphones ran out")
                .isPositive();
        for (var reason : new String[] {"existing", "deleted", "self", "loop", "inactive", "reviewed"}) {
            assertThat(stats.path("rejected").path(reason).asLong()).as(reason).isPositive();
        }
        assertThat(days(stats, "joined")).as("days with joins").isGreaterThan(15);
        assertThat(days(stats, "counted")).as("days with counted invites").isGreaterThan(15);
        assertThat(stats.path("topInviters").size()).isEqualTo(10);
        assertThat(stats.path("generations").size())
                .as("friends of friends joined")
                .isGreaterThan(2);
        assertThat(stats.path("cycleHours").isNumber()).isTrue();
        for (var stage : campaign.path("stages")) {
            if (!stage.path("stock").isNull()) {
                assertThat(stage.path("granted").asInt())
                        .isLessThanOrEqualTo(stage.path("stock").asInt());
            }
        }
        var page = admin.get("/api/v1/campaigns/" + id + "/participants?limit=20");
        assertThat(page.status())
                .as("participants list without live codes behind them")
                .isEqualTo(200);
        assertThat(page.json().path("items").size()).isEqualTo(20);
        var gifts = admin.get("/api/v1/campaigns/" + id + "/rewards?limit=200")
                .json()
                .path("items");
        assertThat(gifts.findValuesAsString("status"))
                .as("gifts on their way, in every state")
                .contains("awaiting_address", "to_ship", "shipped", "received", "cancelled");
        for (var gift : gifts) {
            if (!gift.path("status").asString().equals("awaiting_address")
                    && !gift.path("status").asString().equals("cancelled")) {
                assertThat(gift.path("address").path("mobile").asString()).matches("1[3-9]\\d{9}");
            }
        }

        var second = tenants.create();
        assertThat(load(second, end)).as("the same seed, the same campaign").isEqualTo(participants);
        var again = ApiClient.loggedIn(port, second.admin());
        long otherId = again.get("/api/v1/campaigns")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertThat(again.get("/api/v1/campaigns/" + otherId + "/stats").json().path("rejected"))
                .isEqualTo(stats.path("rejected"));
    }

    private int load(io.siyu.TestTenants.Fixture fixture, Instant end) {
        int[] participants = new int[1];
        Tenancy.runAs(
                fixture.tenant(),
                () -> transactions.executeWithoutResult(s -> participants[0] = demo.load(5_000, 2026, end)));
        return participants[0];
    }

    private static long days(JsonNode stats, String field) {
        return StreamSupport.stream(stats.path("daily").spliterator(), false)
                .filter(d -> d.path(field).asLong() > 0)
                .count();
    }
}

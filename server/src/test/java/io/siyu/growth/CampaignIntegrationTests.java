package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Tenancy;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.WeComSimulatorSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 任务宝 over the API against the simulated corp: friends who add through a participant's own code are invites,
 * held, then counted once; each stage rewards once within its stock, however many settle at once; invites that
 * cannot count say why.
 */
class CampaignIntegrationTests extends ConnectedCorpTest {

    @Autowired
    InviteSettlement settlement;

    long code;
    String configId;

    @BeforeEach
    void liveCode() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "任务宝活码", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        code = made.json().path("id").asLong();
        configId = made.json().path("configId").asString();
    }

    @Test
    void aFriendWhoAddsThroughAParticipantsCodeCountsOnceAndEachStageRewardsOnceWithinItsStock() {
        long campaign = campaign(0, """
                [{"invites": 1, "rewardKind": "points", "amount": 100},
                 {"invites": 2, "rewardKind": "gift", "gift": "保温杯", "stock": 1}]""");
        long before = customerScanning(configId, "陈晨");
        long anna = customerScanning(configId, "安娜");
        var joined = admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + anna + "}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        var participant = joined.json();
        var own = participant.path("configId").asString();
        assertThat(own).isNotBlank().isNotEqualTo(configId);
        assertThat(participant.path("customerName").asString()).isEqualTo("安娜");
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + anna + "}")
                        .json()
                        .path("id")
                        .asLong())
                .as("joining again is the same participant")
                .isEqualTo(participant.path("id").asLong());

        long bo = customerScanning(own, "博文");
        eventually(() -> assertThat(rewards(campaign, anna)).hasSize(1));
        assertThat(admin.get("/api/v1/loyalty/members/" + anna)
                        .json()
                        .path("points")
                        .asLong())
                .as("stage 1's points are in the loyalty ledger")
                .isEqualTo(100);
        rescan(own, deleteStaff(bo)); // the same friend adds again: still one invite
        customerScanning(own, "李雷");
        // a customer from before the campaign (the profile is older) deletes the staff member and adds again
        sql.update(fixture.tenant(), "update customer set created_at = now() - interval '1 day' where id = " + before);
        rescan(own, deleteStaff(before));
        eventually(() -> assertThat(rewards(campaign, anna)).hasSize(2));
        eventually(
                Duration.ofSeconds(15),
                () -> assertThat(sql.count(
                                fixture.tenant(), "select count(*) from campaign_invite where invitee_id = " + before))
                        .isEqualTo(1));

        var rewards = rewards(campaign, anna);
        assertThat(rewards.get(0).path("stage").asInt()).isEqualTo(1);
        assertThat(rewards.get(0).path("status").asString()).isEqualTo("granted");
        assertThat(rewards.get(1).path("status").asString()).isEqualTo("granted");
        var invites = admin.get("/api/v1/campaigns/" + campaign + "/participants/"
                        + participant.path("id").asLong() + "/invites")
                .json();
        assertThat(invites.findValuesAsString("status")).containsExactlyInAnyOrder("counted", "counted", "rejected");
        assertThat(invites.findValuesAsString("reason")).contains("existing");
        assertThat(invites.findValues("inviteeId").stream().map(JsonNode::asLong))
                .contains(bo)
                .doesNotHaveDuplicates();
        var shown = admin.get("/api/v1/campaigns/" + campaign).json();
        assertThat(shown.path("counts").path("counted").asLong()).isEqualTo(2);
        assertThat(shown.path("counts").path("participants").asLong()).isEqualTo(1);
        assertThat(shown.path("stages").get(1).path("granted").asInt()).isEqualTo(1);

        var stats = admin.get("/api/v1/campaigns/" + campaign + "/stats").json();
        assertThat(stats.path("participants").asLong()).isEqualTo(1);
        assertThat(stats.path("invites").asLong()).isEqualTo(3);
        assertThat(stats.path("counted").asLong()).isEqualTo(2);
        assertThat(stats.path("rewarded").asLong()).isEqualTo(2);
        assertThat(stats.path("kFactor").asDouble()).isEqualTo(2.0);
        assertThat(stats.path("rejected").path("existing").asLong()).isEqualTo(1);
        assertThat(stats.path("daily")).hasSize(30);
        assertThat(stats.path("daily").get(29).path("counted").asLong()).isEqualTo(2);
        assertThat(stats.path("topInviters").get(0).path("customerId").asLong()).isEqualTo(anna);
        assertThat(stats.path("topInviters").get(0).path("counted").asInt()).isEqualTo(2);
        // bo, brought in by anna, joins too: the second generation, and a viral cycle to measure
        admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + bo + "}");
        var grown = admin.get("/api/v1/campaigns/" + campaign + "/stats").json();
        assertThat(grown.path("generations").findValues("participants").stream().map(JsonNode::asLong))
                .containsExactly(1L, 1L);
        assertThat(grown.path("cycleHours").isNumber()).isTrue();
        var poster = admin.getBytes("/api/v1/campaigns/" + campaign + "/participants/"
                + participant.path("id").asLong() + "/poster");
        assertThat(poster).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void invitesBurstingFromOneParticipantWaitForAPersonAndCountOnlyOnceApproved() {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "限流活动", "channelCodeId": %d, "endsAt": "%s", "holdHours": 0, "burstPerMinute": 1,
                 "stages": [{"invites": 2, "rewardKind": "points", "amount": 50}]}""".formatted(code, Instant.now().plus(Duration.ofDays(7))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long campaign = made.json().path("id").asLong();
        admin.post("/api/v1/campaigns/" + campaign + "/start", "{}");
        long anna = customerScanning(configId, "安娜");
        var own = admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + anna + "}")
                .json()
                .path("configId")
                .asString();
        customerScanning(own, "博文");
        long cai = customerScanning(own, "蔡明");
        eventually(() -> assertThat(
                        admin.get("/api/v1/campaigns/" + campaign + "/review").json())
                .hasSize(1));
        var held = admin.get("/api/v1/campaigns/" + campaign + "/review").json().get(0);
        assertThat(held.path("inviteeId").asLong()).isEqualTo(cai);
        assertThat(held.path("reason").asString()).isEqualTo("burst");
        assertThat(rewards(campaign, anna))
                .as("one counted, one waiting: stage 2 not reached")
                .isEmpty();

        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/invites/" + cai + "/approve", "{}")
                        .status())
                .isEqualTo(204);
        eventually(() -> assertThat(rewards(campaign, anna)).hasSize(1));
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/invites/" + cai + "/reject", "{}")
                        .status())
                .as("decided already")
                .isEqualTo(409);
    }

    @Test
    void aFriendWhoDeletesTheStaffMemberBeforeTheHoldEndsNeverCountsAndSelfInvitesDoNot() {
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "NEW20", "name": "新人券", "kind": "amount", "value": 20, "validDays": 30}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        long campaign = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"coupon\", \"couponId\": \"NEW20\"}]");
        long anna = customerScanning(configId, "安娜");
        var own = admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + anna + "}")
                .json()
                .path("configId")
                .asString();
        rescan(own, deleteStaff(anna)); // she adds through her own code
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_invite where invitee_id = " + anna))
                .isEqualTo(1));
        long bo = customerScanning(own, "博文");
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from campaign_invite where status = 'held' and invitee_id = " + bo))
                .isEqualTo(1));
        deleteStaff(bo);

        // the window passes
        sql.update(fixture.tenant(), "update campaign_invite set settles_at = now() where status = 'held'");
        Tenancy.callAs(fixture.tenant(), settlement::round);

        assertThat(sql.single(
                        fixture.tenant(),
                        "select status || ':' || reason from campaign_invite where invitee_id = " + bo,
                        String.class))
                .isEqualTo("rejected:deleted");
        assertThat(sql.single(
                        fixture.tenant(),
                        "select status || ':' || reason from campaign_invite where invitee_id = " + anna,
                        String.class))
                .isEqualTo("rejected:self");
        assertThat(rewards(campaign, anna)).isEmpty();
    }

    @Test
    void aThousandParticipantsReachingAStageWithAHundredInStockAtOnceGetExactlyAHundredRewards() throws Exception {
        long campaign =
                campaign(24, "[{\"invites\": 1, \"rewardKind\": \"gift\", \"gift\": \"限量礼盒\", \"stock\": 100}]");
        // participants and their friends' invites as the listener writes them, due now; each friend still a contact
        sql.update(fixture.tenant(), """
                insert into campaign_participant (campaign_id, customer_id, code_id)
                select %d, 9000000 + n, 9000000 + n from generate_series(1, 1000) n;
                insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, settles_at)
                select %d, 8000000 + p.customer_id, p.id, now(), 'held', now() from campaign_participant p
                where p.campaign_id = %d;
                insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at)
                select %d, 'wm-' || n, 'lina', 17000000 + n, now() from generate_series(1, 1000) n""".formatted(campaign, campaign, campaign, corp.appId()));

        var pool = Executors.newFixedThreadPool(8);
        var settlers = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            settlers.add(() -> Tenancy.callAs(fixture.tenant(), settlement::round));
        }
        pool.invokeAll(settlers);
        pool.shutdown();
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_invite where status = 'held'"))
                .isZero());

        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'granted'"))
                .isEqualTo(100);
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'out_of_stock'"))
                .isEqualTo(900);
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_invite where status = 'counted'"))
                .isEqualTo(1000);
        assertThat(admin.get("/api/v1/campaigns/" + campaign)
                        .json()
                        .path("stages")
                        .get(0)
                        .path("granted")
                        .asInt())
                .isEqualTo(100);
    }

    @Test
    void aBadCampaignIsRefusedNamingEachFieldInTheCallersLanguage() {
        var refused = admin.post("/api/v1/campaigns", """
                {"name": "", "channelCodeId": 999999, "endsAt": "2020-01-01T00:00:00Z", "holdHours": 9999,
                 "stages": [{"invites": 3, "rewardKind": "points", "amount": 0},
                            {"invites": 2, "rewardKind": "cash"},
                            {"invites": 5, "rewardKind": "gift"}]}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "name",
                        "channelCodeId",
                        "endsAt",
                        "holdHours",
                        "stages[0].amount",
                        "stages[1].invites",
                        "stages[1].rewardKind",
                        "stages[2].gift");
        assertThat(refused.body()).contains("活动名称");

        long campaign = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"points\", \"amount\": 10}]");
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/start", "{}").status())
                .as("running already")
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/campaigns", """
                        {"name": "同一个码", "channelCodeId": %d, "endsAt": "%s",
                         "stages": [{"invites": 1, "rewardKind": "points", "amount": 10}]}""".formatted(
                                        code, Instant.now().plus(Duration.ofDays(3))))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/end", "{}").status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": 1}")
                        .status())
                .isEqualTo(409);
    }

    /** A running campaign on the live code: invites held {@code holdHours}. */
    private long campaign(int holdHours, String stages) {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "邀 3 位好友领好礼", "channelCodeId": %d, "endsAt": "%s", "holdHours": %d, "stages": %s}""".formatted(code, Instant.now().plus(Duration.ofDays(7)), holdHours, stages));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        var started = admin.post("/api/v1/campaigns/" + id + "/start", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return id;
    }

    /**
     * The same WeChat user scans the code again, in a later second than their last add: WeCom times an add in
     * whole seconds, and two adds of one contact in the same second are one add to Siyu (a retried callback).
     */
    private void rescan(String config, String external) {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var scanned = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/scan",
                        "{\"configId\": \"%s\", \"externalUserId\": \"%s\"}".formatted(config, external));
        assertThat(scanned.status()).as(scanned.body()).isLessThan(300);
        assertThat(scanned.json().path("alreadyFriend").asBoolean()).isFalse();
    }

    /** The customer deletes lina in WeChat; answers their external user id once Siyu knows. */
    private String deleteStaff(long customer) {
        var external = sql.single(
                fixture.tenant(),
                "select external_user_id from wecom_contact where lost_at is null and customer_id = " + customer
                        + " limit 1",
                String.class);
        var deleted = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/customers/" + external + "/delete-staff",
                        "{\"userId\": \"lina\"}");
        assertThat(deleted.status()).as(deleted.body()).isLessThan(300);
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where lost_at is null and customer_id = " + customer))
                .isZero());
        return external;
    }

    private java.util.List<JsonNode> rewards(long campaign, long customer) {
        var all = new ArrayList<JsonNode>();
        for (var p : admin.get("/api/v1/campaigns/" + campaign + "/participants")
                .json()
                .path("items")) {
            if (p.path("customerId").asLong() == customer) {
                p.path("rewards").forEach(all::add);
            }
        }
        return all;
    }
}

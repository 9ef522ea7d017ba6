package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Tenancy;
import io.siyu.wecom.ConnectedCorpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Physical gifts over the API: granted once with the stage's reward, awaiting an address, then to ship, shipped,
 * received; or cancelled before shipping, which gives the stock back once. Repeated calls answer the gift as it
 * is; bad input names each bad field.
 */
class GiftRewardIntegrationTests extends ConnectedCorpTest {

    private static final String ADDRESS = """
            {"recipient": "王芳", "mobile": "+86 138-1234-5678", "province": "上海市", "city": "上海市",
             "district": "浦东新区", "detail": "张杨路 500 号 12 楼"}""";

    @Autowired
    InviteSettlement settlement;

    long code;

    @BeforeEach
    void liveCode() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "礼品活码", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        code = made.json().path("id").asLong();
    }

    @Test
    void aGiftGoesFromAwaitingItsAddressToReceivedAndRepeatingAStepAnswersItAsItIs() {
        long campaign = campaign("""
                [{"invites": 1, "rewardKind": "gift", "gift": "定制保温杯", "giftImage": "https://img.example/cup.png",
                  "stock": 2}]""");
        reach(campaign, 3, 0);

        var gifts =
                admin.get(rewards(campaign) + "?status=awaiting_address").json().path("items");
        assertThat(gifts).hasSize(2);
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'out_of_stock'"))
                .as("the third participant found the stock gone: no gift for them")
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/campaigns/" + campaign)
                        .json()
                        .path("stages")
                        .get(0)
                        .path("giftImage")
                        .asString())
                .isEqualTo("https://img.example/cup.png");
        long gift = gifts.get(0).path("id").asLong();
        var path = rewards(campaign) + "/" + gift;

        var addressed = admin.put(path + "/address", ADDRESS);
        assertThat(addressed.status()).as(addressed.body()).isEqualTo(200);
        assertThat(addressed.json().path("status").asString()).isEqualTo("to_ship");
        assertThat(addressed.json().path("address").path("mobile").asString()).isEqualTo("13812345678");
        assertThat(admin.put(path + "/address", ADDRESS).status())
                .as("the same address again")
                .isEqualTo(200);
        var csv = new String(admin.getBytes(rewards(campaign) + "/export"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("王芳,13812345678,上海市,上海市,浦东新区,张杨路 500 号 12 楼");

        var ship = "{\"carrier\": \"顺丰速运\", \"trackingNo\": \"SF1400000001\"}";
        var shipped = admin.post(path + "/ship", ship);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.json().path("status").asString()).isEqualTo("shipped");
        assertThat(shipped.json().path("shippedAt").isNull()).isFalse();
        assertThat(admin.post(path + "/ship", ship).status())
                .as("the same shipment again")
                .isEqualTo(200);
        assertThat(admin.post(path + "/ship", "{\"carrier\": \"中通快递\", \"trackingNo\": \"ZT99999\"}")
                        .status())
                .as("another tracking number")
                .isEqualTo(409);
        assertThat(admin.put(path + "/address", ADDRESS.replace("王芳", "李娜")).status())
                .as("a shipped gift's address cannot change")
                .isEqualTo(409);
        assertThat(admin.post(path + "/cancel", "{}").status()).isEqualTo(409);

        assertThat(admin.post(path + "/receive", "{}").json().path("status").asString())
                .isEqualTo("received");
        assertThat(admin.post(path + "/receive", "{}").status()).isEqualTo(200);
        var other = rewards(campaign) + "/" + gifts.get(1).path("id").asLong();
        var early = admin.post(other + "/ship", ship);
        assertThat(early.status()).as("no address yet").isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("growth.gift.ship-state");
        assertThat(admin.get(rewards(campaign) + "?status=received")
                        .json()
                        .path("items")
                        .findValuesAsString("status"))
                .containsExactly("received");
    }

    @Test
    void cancellingAGiftBeforeItShipsGivesTheStockBackOnceForTheNextToReachTheStage() {
        long campaign = campaign("[{\"invites\": 1, \"rewardKind\": \"gift\", \"gift\": \"蓝牙耳机\", \"stock\": 1}]");
        reach(campaign, 2, 0);
        var gift = admin.get(rewards(campaign)).json().path("items").get(0);
        var path = rewards(campaign) + "/" + gift.path("id").asLong();
        assertThat(admin.put(path + "/address", ADDRESS).status()).isEqualTo(200);

        assertThat(admin.post(path + "/cancel", "{}").json().path("status").asString())
                .isEqualTo("cancelled");
        assertThat(admin.post(path + "/cancel", "{}").status())
                .as("cancelled already")
                .isEqualTo(200);
        assertThat(granted(campaign)).as("the stock came back once").isZero();
        assertThat(sql.single(
                        fixture.tenant(),
                        "select status from campaign_reward where participant_id = "
                                + gift.path("participantId").asLong(),
                        String.class))
                .isEqualTo("cancelled");
        assertThat(admin.put(path + "/address", ADDRESS).status())
                .as("a cancelled gift")
                .isEqualTo(409);

        reach(campaign, 1, 2);
        assertThat(granted(campaign)).isEqualTo(1);
        assertThat(admin.get(rewards(campaign) + "?status=awaiting_address")
                        .json()
                        .path("items"))
                .as("the next participant got the stock given back")
                .hasSize(1);
    }

    @Test
    void aBadAddressOrShipmentIsRefusedNamingEachFieldInTheCallersLanguage() {
        long campaign = campaign("[{\"invites\": 1, \"rewardKind\": \"gift\", \"gift\": \"帆布袋\"}]");
        reach(campaign, 1, 0);
        var path = rewards(campaign) + "/"
                + admin.get(rewards(campaign))
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asLong();

        var refused = admin.put(path + "/address", """
                {"recipient": " ", "mobile": "12345678901", "province": "浙江省", "city": "", "detail": ""}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("recipient", "mobile", "city", "district", "detail");
        assertThat(refused.body()).contains("手机号码");
        var english = admin.language("en").put(path + "/address", "{\"mobile\": \"1381234567\"}");
        assertThat(english.body()).contains("mainland China mobile number");
        admin.language("zh-CN");
        assertThat(admin.put(path + "/address", ADDRESS).status()).isEqualTo(200);
        var badShipment = admin.post(path + "/ship", "{\"carrier\": \"\", \"trackingNo\": \"单号\"}");
        assertThat(badShipment.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("carrier", "trackingNo");

        var unknown = admin.put(rewards(campaign) + "/999999/address", ADDRESS);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("礼品奖励");
        assertThat(admin.get(rewards(campaign) + "?status=lost").status()).isEqualTo(400);
    }

    @Test
    void settlersRacingOverAThousandParticipantsGrantEachRewardOnceAndNeverPassTheGiftStock() throws Exception {
        long campaign = campaign("""
                [{"invites": 1, "rewardKind": "points", "amount": 10},
                 {"invites": 2, "rewardKind": "gift", "gift": "限量礼盒", "stock": 100}]""");
        held(campaign, 1000, 0, 2);
        var pool = Executors.newFixedThreadPool(8);
        var settlers = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            settlers.add(() -> Tenancy.callAs(fixture.tenant(), settlement::round));
        }
        pool.invokeAll(settlers);
        pool.shutdown();
        Tenancy.callAs(fixture.tenant(), settlement::round);

        assertThat(count("select count(*) from campaign_invite where status = 'counted'"))
                .isEqualTo(2000);
        assertThat(count("select count(*) from campaign_gift")).isEqualTo(100);
        assertThat(count("select count(distinct participant_id) from campaign_gift"))
                .isEqualTo(100);
        assertThat(count("select count(*) from campaign_reward where stage = 2 and status = 'out_of_stock'"))
                .isEqualTo(900);
        assertThat(count("select count(*) from points_entry where source = 'campaign'"))
                .as("one ledger entry per participant")
                .isEqualTo(1000);
        assertThat(count("select coalesce(sum(points), 0) from points_entry where source = 'campaign'"))
                .isEqualTo(10_000);
        assertThat(admin.get("/api/v1/campaigns/" + campaign)
                        .json()
                        .path("stages")
                        .get(1)
                        .path("granted")
                        .asInt())
                .isEqualTo(100);
    }

    private long campaign(String stages) {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "邀好友领实物礼品", "channelCodeId": %d, "endsAt": "%s", "holdHours": 24, "stages": %s}""".formatted(code, Instant.now().plus(Duration.ofDays(7)), stages));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + id + "/start", "{}").status())
                .isEqualTo(200);
        return id;
    }

    /** {@code participants} more participants, numbered from {@code from}, each with one invite due now; settled. */
    private void reach(long campaign, int participants, int from) {
        held(campaign, participants, from, 1);
        Tenancy.callAs(fixture.tenant(), settlement::round);
    }

    /** Participants with {@code friends} friends each, their invites due now, each friend still a contact. */
    private void held(long campaign, int participants, int from, int friends) {
        long base = 9_000_000L + campaign * 10_000 + from;
        sql.update(fixture.tenant(), """
                insert into campaign_participant (campaign_id, customer_id, code_id)
                select %d, %d + n, %d + n from generate_series(1, %d) n;
                insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, settles_at)
                select %d, 100000000 + p.customer_id * 10 + f, p.id, now(), 'held', now()
                from campaign_participant p, generate_series(1, %d) f
                where p.campaign_id = %d and p.customer_id > %d;
                insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at)
                select %d, 'wm-' || (100000000 + p.customer_id * 10 + f), 'lina', 100000000 + p.customer_id * 10 + f,
                       now()
                from campaign_participant p, generate_series(1, %d) f
                where p.campaign_id = %d and p.customer_id > %d""".formatted(
                        campaign,
                        base,
                        base,
                        participants,
                        campaign,
                        friends,
                        campaign,
                        base,
                        corp.appId(),
                        friends,
                        campaign,
                        base));
    }

    private String rewards(long campaign) {
        return "/api/v1/campaigns/" + campaign + "/rewards";
    }

    private int granted(long campaign) {
        return sql.single(
                fixture.tenant(),
                "select granted from campaign_stage where stage = (select max(stage) from campaign_stage where"
                        + " campaign_id = " + campaign + ") and campaign_id = " + campaign,
                Integer.class);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}

package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.shared.Tenancy;
import io.siyu.wecom.ConnectedCorpTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant's progress page over its own API: staff hand out a link; whoever opens it sees that participant's
 * stages, friends (names masked) and gifts, and writes a gift's address once however often it is sent. Forged
 * links and campaigns that are over are refused clearly. The pages opened note device and address: participants
 * beyond a campaign's limit on one device or address have their invites reviewed, with the reason.
 */
class CampaignPageIntegrationTests extends ConnectedCorpTest {

    private static final String ADDRESS = """
            {"recipient": "王芳", "mobile": "138 1234 5678", "province": "上海市", "city": "上海市",
             "district": "浦东新区", "detail": "张杨路 500 号 12 楼"}""";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.49";

    @Autowired
    InviteSettlement settlement;

    long code;
    String configId;

    @BeforeEach
    void liveCode() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "进度页活码", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        code = made.json().path("id").asLong();
        configId = made.json().path("configId").asString();
    }

    @Test
    void theLinkShowsTheParticipantsOwnProgressWithFriendsMaskedAndTakesAGiftsAddressOnce() {
        long campaign = campaign(24, """
                [{"invites": 1, "rewardKind": "points", "amount": 10},
                 {"invites": 2, "rewardKind": "gift", "gift": "定制保温杯", "stock": 1},
                 {"invites": 5, "rewardKind": "points", "amount": 100}]""");
        long anna = participant(campaign, 1, "王小明", "李雷", "Alexander");
        long bo = participant(campaign, 2);
        Tenancy.callAs(fixture.tenant(), settlement::round);

        var annas = page(campaign, anna);
        var progress = annas.get("/api/h5/v1/campaign/" + campaign);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        var json = progress.json();
        assertThat(json.path("name").asString()).isEqualTo("邀好友领好礼");
        assertThat(json.path("ended").asBoolean()).isFalse();
        assertThat(json.path("counted").asInt()).isEqualTo(2);
        assertThat(json.path("pending").asInt())
                .as("the third friend waits out the hold")
                .isEqualTo(1);
        assertThat(json.path("next").path("stage").asInt()).isEqualTo(3);
        assertThat(json.path("next").path("needed").asInt()).isEqualTo(3);
        assertThat(json.path("stages").findValuesAsString("status")).containsExactly("granted", "granted", "locked");
        assertThat(json.path("stages").get(1).path("soldOut").asBoolean())
                .as("the one cup went to Anna")
                .isTrue();
        assertThat(json.path("friends").findValuesAsString("name")).containsExactlyInAnyOrder("王**", "李*", "A***");
        assertThat(json.path("friends").findValuesAsString("status"))
                .containsExactlyInAnyOrder("counted", "counted", "held");
        assertThat(progress.body()).doesNotContain("王小明").doesNotContain("Alexander");
        var gift = json.path("gifts").get(0);
        assertThat(gift.path("status").asString()).isEqualTo("awaiting_address");
        var address =
                "/api/h5/v1/campaign/" + campaign + "/gifts/" + gift.path("id").asLong() + "/address";

        var refused = annas.put(address, """
                {"recipient": "", "mobile": "12345678901", "province": "上海市", "city": "上海市", "district": "浦东新区",
                 "detail": "%s"}""".formatted("长".repeat(121)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("recipient", "mobile", "detail");
        assertThat(refused.body()).contains("手机号码");
        var addressed = annas.put(address, ADDRESS);
        assertThat(addressed.status()).as(addressed.body()).isEqualTo(200);
        assertThat(addressed.json().path("status").asString()).isEqualTo("to_ship");
        assertThat(addressed.json().path("address").path("mobile").asString()).isEqualTo("13812345678");
        assertThat(annas.put(address, ADDRESS).status()).as("sent again").isEqualTo(200);
        assertThat(count("select count(*) from campaign_gift where status = 'to_ship'"))
                .isEqualTo(1);
        var shipped = admin.post(
                "/api/v1/campaigns/" + campaign + "/rewards/" + gift.path("id").asLong() + "/ship",
                "{\"carrier\": \"顺丰速运\", \"trackingNo\": \"SF1400000001\"}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        var travelling = annas.get("/api/h5/v1/campaign/" + campaign)
                .json()
                .path("gifts")
                .get(0);
        assertThat(travelling.path("carrier").asString()).isEqualTo("顺丰速运");
        assertThat(travelling.path("trackingNo").asString()).isEqualTo("SF1400000001");
        assertThat(annas.put(address, ADDRESS.replace("王芳", "李娜")).status())
                .as("shipped: the address no longer changes")
                .isEqualTo(409);

        var bos = page(campaign, bo);
        var bosProgress = bos.get("/api/h5/v1/campaign/" + campaign).json();
        assertThat(bosProgress.path("friends")).isEmpty();
        assertThat(bosProgress.path("gifts")).isEmpty();
        var notTheirs = bos.put(address, ADDRESS);
        assertThat(notTheirs.status()).as("Anna's gift, Bo's link").isEqualTo(404);
        long other = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"points\", \"amount\": 10}]");
        var elsewhere = annas.get("/api/h5/v1/campaign/" + other);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().path("code").asString()).isEqualTo("growth.page.not-participant");
    }

    @Test
    void aForgedOrMisdirectedLinkIsRefusedAndAnEndedCampaignSaysSoUnlessAGiftIsOnItsWay() {
        long campaign = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"gift\", \"gift\": \"帆布袋\"}]");
        long anna = participant(campaign, 1, "王小明");
        long bo = participant(campaign, 2);
        Tenancy.callAs(fixture.tenant(), settlement::round);
        var token = token(campaign, anna);

        var forged = new ApiClient(port)
                .apiKey(token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA"))
                .get("/api/h5/v1/campaign/" + campaign);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asString()).isEqualTo("link.invalid");
        var member = new ApiClient(port).apiKey(token).get("/api/h5/v1/member");
        assertThat(member.status()).as("a campaign link is not a member link").isEqualTo(403);
        var device = new ApiClient(port)
                .apiKey(token)
                .header("X-Siyu-Device", "../" + "x".repeat(80))
                .get("/api/h5/v1/campaign/" + campaign);
        assertThat(device.status()).isEqualTo(400);
        assertThat(device.json().path("errors").findValuesAsString("field")).containsExactly("device");

        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/end", "{}").status())
                .isEqualTo(200);
        var ended = page(campaign, bo).get("/api/h5/v1/campaign/" + campaign);
        assertThat(ended.status()).isEqualTo(410);
        assertThat(ended.json().path("code").asString()).isEqualTo("growth.page.ended");
        assertThat(ended.body()).contains("邀好友领好礼").contains("已结束");
        var annas = new ApiClient(port).apiKey(token);
        var stillOnItsWay = annas.get("/api/h5/v1/campaign/" + campaign);
        assertThat(stillOnItsWay.status()).as(stillOnItsWay.body()).isEqualTo(200);
        assertThat(stillOnItsWay.json().path("ended").asBoolean()).isTrue();
        long gift = stillOnItsWay.json().path("gifts").get(0).path("id").asLong();
        assertThat(annas.put("/api/h5/v1/campaign/" + campaign + "/gifts/" + gift + "/address", ADDRESS)
                        .status())
                .as("the gift still takes its address")
                .isEqualTo(200);
        var poster = annas.get("/api/h5/v1/campaign/" + campaign + "/poster");
        assertThat(poster.status())
                .as("no poster to share any more: " + poster.body())
                .isEqualTo(410);
    }

    @Test
    void theParticipantsBeyondTheLimitOnOneDeviceHaveTheirInvitesReviewedWithTheReason() {
        long campaign = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"points\", \"amount\": 10}]");
        var rule = admin.put("/api/v1/campaigns/" + campaign + "/repeats", "{\"maxParticipantsPerDevice\": 2}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/repeats")
                        .json()
                        .path("maxParticipantsPerDevice")
                        .asInt())
                .isEqualTo(2);
        var joined = new long[4];
        var codes = new String[4];
        for (int i = 0; i < 4; i++) {
            joined[i] = customerScanning(configId, "参与者" + i);
            var p = admin.post(
                    "/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + joined[i] + "}");
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            joined[i] = p.json().path("id").asLong();
            codes[i] = p.json().path("configId").asString();
        }
        customerScanning(codes[2], "好友甲");

        var phone = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            var opened = page(campaign, joined[i])
                    .header("X-Siyu-Device", phone)
                    .header("User-Agent", PHONE)
                    .get("/api/h5/v1/campaign/" + campaign);
            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        }
        page(campaign, joined[3])
                .header("X-Siyu-Device", UUID.randomUUID().toString())
                .header("User-Agent", PHONE)
                .get("/api/h5/v1/campaign/" + campaign);
        customerScanning(codes[2], "好友乙");
        customerScanning(codes[0], "好友丙");

        eventually(() -> assertThat(admin.get("/api/v1/campaigns/" + campaign + "/review")
                        .json()
                        .findValuesAsString("reason"))
                .as("the third on the phone: the invite from before and the one after")
                .containsExactly("device", "device"));
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/review").json().findValuesAsString("participantId"))
                .containsOnly(String.valueOf(joined[2]));
        assertThat(count("select count(*) from campaign_participant where flagged is not null"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from campaign_invite where status = 'held' and participant_id = " + joined[0]))
                .as("the first on the phone is within the limit")
                .isEqualTo(1);
        assertThat(admin.put("/api/v1/campaigns/" + campaign + "/repeats", "{\"maxParticipantsPerDevice\": 101}")
                        .json()
                        .path("errors")
                        .findValuesAsString("field"))
                .containsExactly("maxParticipantsPerDevice");
    }

    @Test
    void aSecondParticipantFromOneAddressIsFlaggedOnceTheLimitIsSetAndTheReviewSaysIp() {
        long campaign = campaign(24, "[{\"invites\": 1, \"rewardKind\": \"points\", \"amount\": 10}]");
        long anna = participant(campaign, 1, "王小明");
        // Bo's first friend counts, the second is still held
        long bo = participant(campaign, 2, "李雷", "韩梅梅");
        Tenancy.callAs(fixture.tenant(), settlement::round);
        page(campaign, anna)
                .header("X-Siyu-Device", UUID.randomUUID().toString())
                .get("/api/h5/v1/campaign/" + campaign);
        page(campaign, bo).header("X-Siyu-Device", UUID.randomUUID().toString()).get("/api/h5/v1/campaign/" + campaign);
        assertThat(count("select count(*) from campaign_invite where status = 'review'"))
                .as("no limit yet")
                .isZero();

        assertThat(admin.put("/api/v1/campaigns/" + campaign + "/repeats", "{\"maxParticipantsPerIp\": 1}")
                        .status())
                .isEqualTo(200);

        var review = admin.get("/api/v1/campaigns/" + campaign + "/review").json();
        assertThat(review.findValuesAsString("reason"))
                .as("Bo's held invite; the counted one stays counted")
                .containsExactly("ip");
        assertThat(count("select count(*) from campaign_invite where status = 'counted'"))
                .isEqualTo(2);
        assertThat(review.get(0).path("participantId").asLong()).isEqualTo(bo);
        assertThat(count("select count(*) from campaign_sighting where kind = 'device' and length(value) = 64"))
                .as("devices are kept as hashes")
                .isEqualTo(2);
    }

    /** A running campaign on the live code, invites held {@code holdHours}. */
    private long campaign(int holdHours, String stages) {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "邀好友领好礼", "channelCodeId": %d, "endsAt": "%s", "holdHours": %d, "burstPerMinute": 0,
                 "stages": %s}""".formatted(code, Instant.now().plus(Duration.ofDays(7)), holdHours, stages));
        if (made.status() == 400 && made.body().contains("growth.code.taken")) {
            var another = admin.post("/api/v1/wecom/channel-codes", """
                    {"appId": %d, "name": "进度页活码 2", "staff": ["lina"]}""".formatted(corp.appId()));
            code = another.json().path("id").asLong();
            return campaign(holdHours, stages);
        }
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + id + "/start", "{}").status())
                .isEqualTo(200);
        return id;
    }

    /**
     * A participant (written directly, numbered {@code n}) whose friends, named, added: all but the last are due
     * now and counted at the next settlement, the last is still held.
     */
    private long participant(long campaign, int n, String... friends) {
        long customer = 8_000_000L + campaign * 100 + n;
        long participant = sql.single(fixture.tenant(), """
                insert into campaign_participant (campaign_id, customer_id, code_id) values (%d, %d, %d)
                returning id""".formatted(campaign, customer, customer), Long.class);
        for (int i = 0; i < friends.length; i++) {
            var made = admin.post("/api/v1/customers", """
                    {"identities": [{"type": "mobile", "value": "139%08d", "verified": true}], "name": "%s"}""".formatted(customer % 100_000 * 10 + i, friends[i]));
            assertThat(made.status()).as(made.body()).isIn(200, 201);
            long friend = made.json().path("id").asLong();
            boolean due = i < friends.length - 1 || friends.length == 1;
            sql.update(fixture.tenant(), """
                    insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, settles_at)
                    values (%d, %d, %d, now(), 'held', now() + interval '%d hours');
                    insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at)
                    values (%d, 'wm-page-%d', 'lina', %d, now())""".formatted(
                            campaign, friend, participant, due ? 0 : 24, corp.appId(), friend, friend));
        }
        return participant;
    }

    /** The token of a fresh progress page link. */
    private String token(long campaign, long participant) {
        var link = admin.post("/api/v1/campaigns/" + campaign + "/participants/" + participant + "/page-link", "{}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var url = URI.create(link.text("url"));
        assertThat(url.getPath()).isEqualTo("/h5/campaign");
        assertThat(url.getQuery()).isEqualTo("c=" + campaign);
        assertThat(link.text("qr")).startsWith("data:image/png;base64,");
        return url.getFragment();
    }

    /** A phone that opened the participant's link: no session, only the link's token. */
    private ApiClient page(long campaign, long participant) {
        return new ApiClient(port).apiKey(token(campaign, participant));
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}

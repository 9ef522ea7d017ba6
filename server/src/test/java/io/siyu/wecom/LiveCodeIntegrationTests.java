package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Live codes end to end against the WeCom simulator: made in WeCom, scanned by a simulated WeChat user whose
 * add reaches Siyu as a real encrypted callback, which makes the customer, tags it, greets it once and moves
 * the code on; losses, statistics, store codes and the QR images.
 */
class LiveCodeIntegrationTests extends IntegrationTest {

    @Autowired
    OutboxSender sender;

    TestTenants.Fixture fixture;
    ApiClient admin;
    SimulatedCorp corp;
    int tagId;

    @BeforeEach
    void connect() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        corp = SimulatedCorp.connect(port, admin, true);
        var run = corp.sync();
        assertThat(run.path("diff").path("staff").path("total").asInt()).isEqualTo(8);
        assertThat(run.path("diff").path("departments").asInt()).isEqualTo(4);
        var group = admin.post("/api/v1/tag-groups", "{\"name\": \"渠道\", \"kind\": \"source\"}")
                .json();
        tagId = admin.post("/api/v1/tags", "{\"groupId\": " + group.path("id").asInt() + ", \"name\": \"双11海报\"}")
                .json()
                .path("id")
                .asInt();
    }

    @Test
    void aScanMakesTheTaggedCustomerGreetsItOnceByNameAndMovesTheCodeToTheNextStaffMember() {
        var code = create("""
                {"appId": %d, "name": "双11门店海报", "staff": ["lina", "wangfang"], "tagIds": [%d],
                 "welcome": {"text": "你好 {nickname}，我是{staff}，欢迎来到私域小店！",
                             "attachments": [{"type": "link", "title": "新人礼包", "url": "https://example.com/gift"}]}}""".formatted(corp.appId(), tagId));
        assertThat(code.path("configId").asString()).isNotBlank();
        assertThat(code.path("state").asString())
                .isEqualTo("c" + code.path("id").asLong());
        assertThat(code.path("routedTo").valueStream().map(JsonNode::asString)).containsExactly("lina");

        var scanned = corp.scan(code.path("configId").asString(), "小王", "ou-xiaowang");
        assertThat(scanned.path("userId").asString()).isEqualTo("lina");
        var external = scanned.path("externalUserId").asString();

        eventually(() -> assertThat(chat(external)).hasSize(1));
        var message = chat(external).get(0);
        assertThat(message.path("text").asString()).isEqualTo("你好 小王，我是李娜，欢迎来到私域小店！");
        assertThat(message.path("attachments").get(0).path("link").path("title").asString())
                .isEqualTo("新人礼包");

        long customer = sql.single(
                fixture.tenant(),
                "select customer_id from wecom_contact where external_user_id = '" + external + "'",
                Long.class);
        var profile = admin.get("/api/v1/customers/" + customer).json();
        assertThat(profile.path("name").asString()).isEqualTo("小王");
        assertThat(profile.toString()).contains(corp.corpId() + ":" + external).contains("ou-xiaowang");
        assertThat(admin.get("/api/v1/customers/" + customer + "/tags").body()).contains("双11海报");
        assertThat(sql.count(fixture.tenant(), "select count(*) from event where type = 7"))
                .isEqualTo(1);
        eventually(() -> assertThat(
                        get(code).path("code").path("routedTo").valueStream().map(JsonNode::asString))
                .as("round robin: the next customer goes to the next staff member")
                .containsExactly("wangfang"));
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_outbox where kind = 'welcome' and status = 'sent'"))
                .isEqualTo(1);

        var second = corp.scan(code.path("configId").asString(), "Momo", "ou-momo");
        assertThat(second.path("userId").asString()).isEqualTo("wangfang");
        eventually(
                () -> assertThat(get(code).path("totals").path("adds").asInt()).isEqualTo(2));
    }

    @Test
    void aWelcomeMessageWhoseAnswerWasLostIsRecognisedAsSentAndNotSentAgain() {
        var code = create("""
                {"appId": %d, "name": "直播间", "staff": ["zhaolei"], "welcome": {"text": "欢迎 {nickname}"}}""".formatted(corp.appId()));
        sender.stop();
        try {
            var external = corp.scan(code.path("configId").asString(), "晴天", "ou-qingtian")
                    .path("externalUserId")
                    .asString();
            eventually(() -> assertThat(
                            sql.count(fixture.tenant(), "select count(*) from wecom_outbox where kind = 'welcome'"))
                    .isEqualTo(1));
            // The first attempt reached WeCom, then the process died before it could mark the row.
            var payload = sql.single(
                    fixture.tenant(), "select payload::text from wecom_outbox where kind = 'welcome'", String.class);
            var sent = WeComSimulatorSupport.http()
                    .post("/cgi-bin/externalcontact/send_welcome_msg?access_token=" + token(), payload);
            assertThat(sent.json().path("errcode").asInt()).as(sent.body()).isZero();
            sql.update(fixture.tenant(), "update wecom_outbox set attempts = 1 where kind = 'welcome'");

            sender.start();
            eventually(() -> assertThat(sql.single(
                            fixture.tenant(), "select status from wecom_outbox where kind = 'welcome'", String.class))
                    .isEqualTo("sent"));
            assertThat(chat(external)).as("one welcome message, not two").hasSize(1);
        } finally {
            if (!sender.isRunning()) {
                sender.start();
            }
        }
    }

    @Test
    void aCustomerWhoDeletesTheStaffMemberIsALossCountedByDayAndToldToTheStaffMember() {
        var code = create("""
                {"appId": %d, "name": "公众号菜单", "staff": ["sunli"]}""".formatted(corp.appId()));
        var external = corp.scan(code.path("configId").asString(), "阿杰", "ou-ajie")
                .path("externalUserId")
                .asString();
        eventually(
                () -> assertThat(get(code).path("totals").path("adds").asInt()).isEqualTo(1));

        var deleted = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/customers/" + external + "/delete-staff",
                        "{\"userId\": \"sunli\"}");
        assertThat(deleted.status()).as(deleted.body()).isLessThan(300);

        eventually(() -> assertThat(sql.single(
                        fixture.tenant(),
                        "select coalesce(lost_by, '-') from wecom_contact where user_id = 'sunli'",
                        String.class))
                .isEqualTo("customer"));
        assertThat(sql.count(fixture.tenant(), "select count(*) from event where type = 8"))
                .isEqualTo(1);
        eventually(() -> assertThat(sql.single(
                        fixture.tenant(),
                        "select coalesce(max(status), '-') from wecom_outbox where kind = 'notify'",
                        String.class))
                .isEqualTo("sent"));
        assertThat(sql.single(
                        fixture.tenant(),
                        "select payload->>'touser' from wecom_outbox where kind = 'notify'",
                        String.class))
                .isEqualTo("sunli");

        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var stats = admin.get("/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/stats?from="
                        + today.minusDays(6) + "&to=" + today)
                .json();
        assertThat(stats.path("days")).hasSize(7);
        var last = stats.path("days").get(6);
        assertThat(last.path("adds").asInt()).isEqualTo(1);
        assertThat(last.path("losses").asInt()).isEqualTo(1);
        assertThat(last.path("net").asInt()).isZero();
        assertThat(stats.path("staff").get(0).path("name").asString()).isEqualTo("孙丽");
        assertThat(stats.path("totals").path("active").asInt()).isZero();

        var losses = admin.get("/api/v1/wecom/losses?from=" + today.minusDays(6) + "&to=" + today)
                .json();
        assertThat(losses.path("days").get(6).path("byCustomer").asInt()).isEqualTo(1);
        assertThat(losses.path("staff").get(0).path("userId").asString()).isEqualTo("sunli");
        assertThat(losses.path("codes").get(0).path("name").asString()).isEqualTo("公众号菜单");
        long customer = sql.single(
                fixture.tenant(), "select customer_id from wecom_contact where user_id = 'sunli'", Long.class);
        var contacts =
                admin.get("/api/v1/customers/" + customer + "/wecom-contacts").json();
        assertThat(contacts.get(0).path("lostBy").asString()).isEqualTo("customer");
        assertThat(contacts.get(0).path("channelCode").asString()).isEqualTo("公众号菜单");
    }

    @Test
    void aLossIsToldToTheManagerTheSettingsName() {
        var refused = admin.language("en").put("/api/v1/wecom/settings", "{\"lossNotify\": \"manager\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("lossManagerId");
        var saved =
                admin.put("/api/v1/wecom/settings", "{\"lossNotify\": \"manager\", \"lossManagerId\": \"zhangwei\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var code = create("""
                {"appId": %d, "name": "抖音", "staff": ["liuyang"]}""".formatted(corp.appId()));
        var external = corp.scan(code.path("configId").asString(), "小林", "ou-xiaolin")
                .path("externalUserId")
                .asString();
        eventually(
                () -> assertThat(get(code).path("totals").path("adds").asInt()).isEqualTo(1));

        WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/customers/" + external + "/delete-staff",
                        "{\"userId\": \"liuyang\"}");

        eventually(() -> assertThat(WeComSimulatorSupport.http()
                        .get("/sim/corps/" + corp.corpId() + "/staff/zhangwei/messages")
                        .body())
                .contains("小林")
                .contains("刘洋"));
    }

    @Test
    void theQrIsDrawnAgainFromWeComsPictureAndStoreCodesAreMadeFromTheirParent() throws Exception {
        var code = create("""
                {"appId": %d, "name": "门店导购", "staff": ["lina"], "tagIds": [%d]}""".formatted(corp.appId(), tagId));
        var answer = admin.get("/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/qr.png?size=300");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var png =
                admin.getBytes("/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/qr.png?size=300");
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        var text = new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
        assertThat(text).startsWith("https://work.weixin.qq.com/");
        var poster = ImageIO.read(new ByteArrayInputStream(
                admin.getBytes("/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/poster.png")));
        assertThat(poster.getHeight()).isEqualTo(1200);

        var stores = admin.post("/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/stores", """
                {"stores": [{"store": "南京西路店", "staff": ["wangfang"]}, {"store": "徐家汇店", "staff": ["zhoujie"]}]}""");
        assertThat(stores.status()).as(stores.body()).isEqualTo(201);
        assertThat(stores.json()).hasSize(2);
        var store = stores.json().get(0);
        assertThat(store.path("kind").asString()).isEqualTo("store");
        assertThat(store.path("tagIds").get(0).asInt()).isEqualTo(tagId);
        corp.scan(store.path("configId").asString(), "路人甲", "ou-lurenjia");
        eventually(() -> assertThat(get(code).path("totals").path("adds").asInt())
                .as("a store's adds count for its parent")
                .isEqualTo(1));
        assertThat(admin.get("/api/v1/wecom/channel-codes?parentId="
                                + code.path("id").asLong())
                        .json())
                .hasSize(2);
    }

    @Test
    void aPersonalCodeIsMadeOncePerSharerAndRemembersWhoBroughtEachAdd() {
        var code = create("""
                {"appId": %d, "name": "老带新", "staff": ["lina"]}""".formatted(corp.appId()));
        var sharer = admin.post(
                "/api/v1/customers",
                "{\"name\": \"老客户王\", \"identities\": [{\"type\": \"mobile\", \"value\": \"13800138021\"}]}");
        assertThat(sharer.status()).as(sharer.body()).isEqualTo(201);
        long sharerId = sharer.json().path("id").asLong();
        var path = "/api/v1/wecom/channel-codes/" + code.path("id").asLong() + "/personal";

        var personal = admin.post(path, "{\"customerId\": %d}".formatted(sharerId));
        assertThat(personal.status()).as(personal.body()).isEqualTo(200);
        assertThat(personal.json().path("kind").asString()).isEqualTo("personal");
        assertThat(personal.json().path("sharerCustomerId").asLong()).isEqualTo(sharerId);
        assertThat(admin.post(path, "{\"customerId\": %d}".formatted(sharerId))
                        .json()
                        .path("id")
                        .asLong())
                .as("asked again, the same code")
                .isEqualTo(personal.json().path("id").asLong());

        var external = corp.scan(personal.json().path("configId").asString(), "新朋友", "ou-xinpengyou")
                .path("externalUserId")
                .asString();

        eventually(() -> assertThat(sql.single(
                        fixture.tenant(),
                        "select coalesce(max((properties ->> 'sharerCustomerId')::bigint), 0) from event"
                                + " where type = 7 and properties ->> 'staffId' = 'lina'",
                        Long.class))
                .as("the add event names who shared the code")
                .isEqualTo(sharerId));
        var listed = admin.get("/api/v1/wecom/channel-codes?parentId="
                        + code.path("id").asLong())
                .json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("sharer").path("name").asString()).isEqualTo("老客户王");
        assertThat(listed.get(0).path("totals").path("adds").asInt()).isEqualTo(1);
        assertThat(get(code).path("totals").path("adds").asInt())
                .as("the parent counts its personal codes' adds")
                .isEqualTo(1);
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where external_user_id = '" + external
                                + "' and channel_code_id = "
                                + personal.json().path("id").asLong()))
                .isEqualTo(1);
        assertThat(admin.language("en").post(path, "{}").body()).contains("customerId");
    }

    @Test
    void whenWeComIsBusyTheOperatorIsToldClearlyAndNoCallbackIsLost() {
        WeComSimulatorSupport.corps().failNext(corp.corpId(), 45009, 20);
        var refused = admin.language("en").post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "忙时", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().path("code").asString()).isEqualTo("wecom.api.throttled");
        assertThat(refused.json().path("detail").asString()).contains("45009");
        assertThat(sql.count(fixture.tenant(), "select count(*) from wecom_channel_code"))
                .isZero();
        WeComSimulatorSupport.corps().clearFaults(corp.corpId());

        var code = create("""
                {"appId": %d, "name": "闲时", "staff": ["lina"]}""".formatted(corp.appId()));
        // WeCom answers busy to the next calls: processing the add fails, is tried again, and succeeds
        WeComSimulatorSupport.corps().failNext(corp.corpId(), -1, 6);
        var external = corp.scan(code.path("configId").asString(), "小忙", "ou-xiaomang")
                .path("externalUserId")
                .asString();

        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where external_user_id = '" + external + "'"))
                .isEqualTo(1));
        assertThat(sql.single(fixture.tenant(), "select status from wecom_callback", String.class))
                .isEqualTo("processed");
    }

    @Test
    void aSlowWeComIsGivenUpOnAndAskedAgainSoNoAddIsLost() throws InterruptedException {
        var code = create("""
                {"appId": %d, "name": "慢时", "staff": ["zhaolei"]}""".formatted(corp.appId()));
        WeComSimulatorSupport.corps().slowNext(corp.corpId(), java.time.Duration.ofSeconds(5), 2);

        var external = corp.scan(code.path("configId").asString(), "阿慢", "ou-aman")
                .path("externalUserId")
                .asString();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline
                && sql.count(
                                fixture.tenant(),
                                "select count(*) from wecom_contact where external_user_id = '" + external + "'")
                        == 0) {
            Thread.sleep(200);
        }
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where external_user_id = '" + external + "'"))
                .isEqualTo(1);
        assertThat(sql.single(fixture.tenant(), "select status from wecom_callback", String.class))
                .isEqualTo("processed");
    }

    @Test
    void aBadCodeIsRefusedNamingEachFieldInTheCallersLanguage() {
        var bad = admin.language("en").post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "", "staff": ["lina", "nobody"], "dailyCap": 0, "assignment": "random",
                 "schedule": {"days": [0], "from": "9am", "to": "18:00"}, "tagIds": [999999],
                 "welcome": {"text": "hi", "attachments": [{"type": "link", "title": "x", "url": "ftp://x"}]}}""".formatted(corp.appId()));

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder(
                        "name",
                        "staff[1]",
                        "dailyCap",
                        "assignment",
                        "schedule.days",
                        "schedule.from",
                        "tagIds[0]",
                        "welcome.attachments[0].url");
        assertThat(bad.body()).contains("nobody");
        assertThat(sql.count(fixture.tenant(), "select count(*) from wecom_channel_code"))
                .isZero();
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .post("/api/v1/wecom/channel-codes", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/wecom/app-options").body())
                .contains(corp.corpId())
                .doesNotContain("encodingAesKey");
    }

    @Test
    void aReconcileFindsContactsWhoseCallbacksWereMissedAndEndsThoseWeComNoLongerHas() {
        var code = create("""
                {"appId": %d, "name": "朋友圈", "staff": ["chenjing"], "tagIds": [%d]}""".formatted(corp.appId(), tagId));
        corp.register(port, false); // Siyu is unreachable: WeCom's callbacks go nowhere
        var external = corp.scan(code.path("configId").asString(), "小鱼", "ou-xiaoyu")
                .path("externalUserId")
                .asString();
        assertThat(sql.count(fixture.tenant(), "select count(*) from wecom_contact"))
                .isZero();

        var run = corp.sync();

        assertThat(run.path("diff").path("contacts").path("added").asInt()).isEqualTo(1);
        assertThat(sql.single(
                        fixture.tenant(),
                        "select channel_code_id from wecom_contact where external_user_id = '" + external + "'",
                        Long.class))
                .as("traced to its code by the state WeCom keeps")
                .isEqualTo(code.path("id").asLong());
        WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/staff/chenjing/delete-customer",
                        "{\"externalUserId\": \"" + external + "\"}");
        var again = corp.sync();
        assertThat(again.path("diff").path("contacts").path("lost").asInt()).isEqualTo(1);
        assertThat(corp.sync().path("diff").path("contacts").path("added").asInt())
                .as("nothing new the third time")
                .isZero();
    }

    private JsonNode create(String body) {
        var created = admin.post("/api/v1/wecom/channel-codes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonNode get(JsonNode code) {
        return admin.get("/api/v1/wecom/channel-codes/" + code.path("id").asLong())
                .json();
    }

    private java.util.List<JsonNode> chat(String externalUserId) {
        return WeComSimulatorSupport.http()
                .get("/sim/corps/" + corp.corpId() + "/customers/" + externalUserId + "/chat")
                .json()
                .valueStream()
                .toList();
    }

    private String token() {
        return WeComSimulatorSupport.http()
                .get("/cgi-bin/gettoken?corpid=" + corp.corpId() + "&corpsecret=the-secret")
                .json()
                .path("access_token")
                .asString();
    }
}

package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.siyu.ApiClient;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Group live codes end to end against the WeCom simulator: groups made and filled in WeCom reach Siyu as
 * real encrypted callbacks, and the code's join way moves to the next group before one is full, or the code
 * falls back to a channel live code when all are.
 */
class GroupCodeIntegrationTests extends ConnectedCorpTest {

    SimulatedGroups groups;

    @BeforeEach
    void connect() {
        groups = new SimulatedGroups(corp);
    }

    @Test
    void aGroupFilledToTheThresholdIsLeftOutOfTheJoinWaySoTheNextScanLandsInTheNextGroupAndIsCountedByDay() {
        var first = known(groups.create("会员1群", "lina"));
        var second = known(groups.create("会员2群", "lina"));
        var third = known(groups.create("会员3群", "lina"));
        var code = create("""
                {"appId": %d, "name": "会员群", "groups": ["%s", "%s", "%s"], "threshold": 10}""".formatted(corp.appId(), first, second, third));
        assertThat(code.path("state").asString())
                .isEqualTo("g" + code.path("id").asLong());
        assertThat(strings(code.path("routedTo"))).containsExactly(first, second, third);
        assertThat(strings(groups.joinWay(configId(code)).path("chat_id_list"))).containsExactly(first, second, third);

        groups.fill(first, 10);

        eventually(() ->
                assertThat(strings(get(code).path("code").path("routedTo"))).containsExactly(second, third));
        assertThat(strings(groups.joinWay(configId(code)).path("chat_id_list")))
                .as("WeCom's way no longer names the group at the threshold")
                .containsExactly(second, third);
        assertThat(get(code).path("code").path("full").asBoolean()).isFalse();

        var scanned = groups.scan(configId(code), "小雨");
        assertThat(scanned.path("chatId").asString()).isEqualTo(second);
        eventually(
                () -> assertThat(get(code).path("totals").path("joins").asInt()).isEqualTo(1));
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var stats = admin.get("/api/v1/wecom/group-codes/" + code.path("id").asLong() + "/stats?from="
                        + today.minusDays(6) + "&to=" + today)
                .json();
        assertThat(stats.path("days")).hasSize(7);
        assertThat(stats.path("days").get(6).path("joins").asInt()).isEqualTo(1);
        assertThat(stats.path("days").get(5).path("joins").asInt()).isZero();
        assertThat(stats.path("groups")).hasSize(1);
        assertThat(stats.path("groups").get(0).path("chatId").asString()).isEqualTo(second);
        assertThat(stats.path("groups").get(0).path("name").asString()).isEqualTo("会员2群");
        assertThat(sql.single(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where member_id = '"
                                + scanned.path("externalUserId").asString() + "' and customer_id is not null",
                        Long.class))
                .as("the customer who joined is known to Siyu")
                .isEqualTo(1L);
    }

    @Test
    void whenEveryGroupIsAtTheThresholdTheCodeShowsItsFallbackChannelCodeUntilThereIsRoomAgain() throws Exception {
        var fallback = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "群满兜底", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(fallback.status()).as(fallback.body()).isEqualTo(201);
        var first = known(groups.create("福利1群", "zhangwei"));
        var second = known(groups.create("福利2群", "zhangwei"));
        var code = create("""
                {"appId": %d, "name": "福利群", "groups": ["%s", "%s"], "threshold": 5, "fallbackCodeId": %d}""".formatted(
                        corp.appId(), first, second, fallback.json().path("id").asLong()));
        assertThat(qrText(code)).contains("/gm/");

        groups.fill(first, 5);
        groups.fill(second, 5);

        eventually(() ->
                assertThat(get(code).path("code").path("fallback").asBoolean()).isTrue());
        assertThat(get(code).path("code").path("full").asBoolean()).isTrue();
        assertThat(qrText(code)).as("the fallback 联系我 code is shown").contains("/ca/");

        var patched = admin.patch("/api/v1/wecom/group-codes/" + code.path("id").asLong(), "{\"threshold\": 50}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("fallback").asBoolean()).isFalse();
        assertThat(strings(patched.json().path("routedTo"))).containsExactly(first, second);
        assertThat(qrText(code)).contains("/gm/");
    }

    @Test
    void aBadCodeIsRefusedNamingEachFieldInTheCallersLanguage() {
        var group = known(groups.create("售后群", "lina"));
        var bad = admin.language("en").post("/api/v1/wecom/group-codes", """
                {"appId": %d, "name": "", "groups": ["%s", "%s", "wrNoSuchChat"], "threshold": 201,
                 "fallbackCodeId": 999999, "autoCreateRoom": true, "roomBaseName": "", "roomBaseId": 0}""".formatted(corp.appId(), group, group));

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder(
                        "name", "groups[1]", "groups[2]", "threshold", "fallbackCodeId", "roomBaseName", "roomBaseId");
        assertThat(bad.body()).contains("wrNoSuchChat").contains("chosen twice");
        var zh = admin.language("zh-CN").post("/api/v1/wecom/group-codes", """
                {"appId": %d, "name": "售后", "groups": []}""".formatted(corp.appId()));
        assertThat(zh.body()).contains("请选择 1 到 100 个客户群");
        assertThat(sql.count(fixture.tenant(), "select count(*) from wecom_group_code"))
                .isZero();
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .post("/api/v1/wecom/group-codes", "{}")
                        .status())
                .isEqualTo(403);
    }

    /** Waits until Siyu has the group (from WeCom's create callback). */
    private String known(String chatId) {
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(), "select count(*) from wecom_group where chat_id = '" + chatId + "'"))
                .isEqualTo(1));
        return chatId;
    }

    private JsonNode create(String body) {
        var created = admin.post("/api/v1/wecom/group-codes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonNode get(JsonNode code) {
        return admin.get("/api/v1/wecom/group-codes/" + code.path("id").asLong())
                .json();
    }

    private String qrText(JsonNode code) throws Exception {
        var png = admin.getBytes("/api/v1/wecom/group-codes/" + code.path("id").asLong() + "/qr.png?size=300");
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // a code drawn by a program: read as such (the finder-pattern search misses about 1 in 100 clean codes)
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    private static String configId(JsonNode code) {
        return code.path("configId").asString();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}

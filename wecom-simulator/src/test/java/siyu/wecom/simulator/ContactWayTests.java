package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ContactWayTests {

    @Test
    void qrCodeIsAPngTheSimulatorServesHoldingWeComsUrlForTheWay() throws Exception {
        var corp = Simulator.demoCorp();
        var answer = corp.post(
                "externalcontact/add_contact_way",
                Map.of("type", 1, "scene", 2, "user", List.of("lina"), "state", "poster-01"));

        var png = Simulator.bytes(answer.path("qr_code").asString());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        var decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText())
                .isEqualTo("https://work.weixin.qq.com/ca/cawcde"
                        + answer.path("config_id").asString());
    }

    @Test
    void getContactWayAnswersWhatWasConfigured() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of(
                "type", 2, "scene", 2, "user", List.of("lina", "wangfang"), "state", "store-sh", "remark", "上海店"));

        var way = corp.post("externalcontact/get_contact_way", Map.of("config_id", configId))
                .path("contact_way");

        assertThat(way.path("config_id").asString()).isEqualTo(configId);
        assertThat(way.path("type").asInt()).isEqualTo(2);
        assertThat(way.path("state").asString()).isEqualTo("store-sh");
        assertThat(way.path("remark").asString()).isEqualTo("上海店");
        assertThat(way.path("skip_verify").asBoolean()).isTrue();
        assertThat(way.path("user")).extracting(u -> u.asString()).containsExactly("lina", "wangfang");
        assertThat(way.path("qr_code").asString()).endsWith("/sim/qr/" + configId + ".png");
    }

    @Test
    void miniProgramSceneHasNoQrCode() {
        var corp = Simulator.demoCorp();

        var answer =
                corp.post("externalcontact/add_contact_way", Map.of("type", 1, "scene", 1, "user", List.of("lina")));

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.has("qr_code")).isFalse();
    }

    @Test
    void invalidConfigurationsGetWeComsErrcodes() {
        var corp = Simulator.demoCorp();
        corp.sim("POST", "/staff", Map.of("userId", "intern", "name", "实习生", "customerContact", false));

        assertThat(errcode(corp, Map.of("scene", 2, "user", List.of("lina")))).isEqualTo(41037);
        assertThat(errcode(corp, Map.of("type", 1, "user", List.of("lina")))).isEqualTo(41038);
        assertThat(errcode(corp, Map.of("type", 3, "scene", 2, "user", List.of("lina"))))
                .isEqualTo(41039);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 3, "user", List.of("lina"))))
                .isEqualTo(41040);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("lina", "wangfang"))))
                .isEqualTo(41041);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "style", 4, "user", List.of("lina"))))
                .isEqualTo(41042);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("intern"))))
                .isEqualTo(40098);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("nobody"))))
                .isEqualTo(40098);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("lina"), "state", "s".repeat(31))))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("lina"), "remark", "备".repeat(31))))
                .isEqualTo(40058);
    }

    @Test
    void moreThanOneHundredMembersAfterExpandingDepartmentsIs41041() {
        var corp = Simulator.demoCorp();
        for (int i = 0; i < 100; i++) {
            corp.sim("POST", "/staff", Map.of("userId", "clerk" + i, "name", "店员" + i, "departments", List.of(3)));
        }

        var answer = corp.post("externalcontact/add_contact_way", Map.of("type", 2, "scene", 2, "party", List.of(3)));

        assertThat(answer.path("errcode").asInt()).isEqualTo(41041);
    }

    @Test
    void aBodyIsReadAsJsonWhateverItsContentType() throws Exception {
        var corp = Simulator.demoCorp();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Simulator.baseUrl()
                        + "/cgi-bin/externalcontact/add_contact_way?access_token=" + corp.accessToken))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":1,\"scene\":2,\"user\":[\"lina\"]}"))
                .build();

        var answer = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Simulator.JSON.readTree(answer.body()).path("errcode").asInt())
                .isZero();
    }

    @Test
    void malformedJsonIs47001() {
        var corp = Simulator.demoCorp();

        var answer = corp.post("externalcontact/add_contact_way", "{\"type\":1,");

        assertThat(answer.path("errcode").asInt()).isEqualTo(47001);
        assertThat(answer.path("errmsg").asString()).contains("Warning: wrong json format.");
    }

    @Test
    void quotaSharedWithJoinWaysEndsIn41045() {
        var corp = Simulator.demoCorp();
        corp.sim("POST", "/limits", Map.of("wayQuota", 2));
        corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var chatId = corp.state().path("groups").get(0).path("chatId").asString();
        var joinWay = corp.post(
                "externalcontact/groupchat/add_join_way", Map.of("scene", 2, "chat_id_list", List.of(chatId)));
        assertThat(joinWay.path("errcode").asInt()).isZero();

        assertThat(errcode(corp, Map.of("type", 1, "scene", 2, "user", List.of("lina"))))
                .isEqualTo(41045);
    }

    @Test
    void updateChangesStateAndUsersAndDeleteEndsTheWay() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 2, "scene", 2, "user", List.of("lina")));

        var update = corp.post(
                "externalcontact/update_contact_way",
                Map.of("config_id", configId, "state", "spring", "user", List.of("wangfang", "zhoujie")));
        var way = corp.post("externalcontact/get_contact_way", Map.of("config_id", configId))
                .path("contact_way");
        var delete = corp.post("externalcontact/del_contact_way", Map.of("config_id", configId));
        var gone = corp.post("externalcontact/get_contact_way", Map.of("config_id", configId));

        assertThat(update.path("errcode").asInt()).isZero();
        assertThat(way.path("state").asString()).isEqualTo("spring");
        assertThat(way.path("user")).extracting(u -> u.asString()).containsExactly("wangfang", "zhoujie");
        assertThat(delete.path("errcode").asInt()).isZero();
        assertThat(gone.path("errcode").asInt()).isEqualTo(41044);
        assertThat(corp.post("externalcontact/get_contact_way", Map.of())
                        .path("errcode")
                        .asInt())
                .isEqualTo(41043);
    }

    @Test
    void anotherAppCannotSeeTheWay() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        corp.addApp("1000003", "other-secret", false);
        var otherToken = corp.tokenFor("other-secret");

        var answer = corp.post("externalcontact/get_contact_way", Map.of("config_id", configId), otherToken);

        assertThat(answer.path("errcode").asInt()).isEqualTo(41044);
    }

    @Test
    void listContactWayPagesThroughThisAppsWays() {
        var corp = Simulator.demoCorp();
        for (int i = 0; i < 3; i++) {
            corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        }

        var first = corp.post("externalcontact/list_contact_way", Map.of("limit", 2));
        var second = corp.post(
                "externalcontact/list_contact_way",
                Map.of("limit", 2, "cursor", first.path("next_cursor").asString()));

        assertThat(first.path("contact_way")).hasSize(2);
        assertThat(second.path("contact_way")).hasSize(1);
        assertThat(second.path("next_cursor").asString()).isEmpty();
        assertThat(corp.post("externalcontact/list_contact_way", Map.of("cursor", "bogus"))
                        .path("errcode")
                        .asInt())
                .isEqualTo(50100);
    }

    private static int errcode(TestCorp corp, Map<String, Object> body) {
        return corp.post("externalcontact/add_contact_way", body)
                .path("errcode")
                .asInt();
    }
}

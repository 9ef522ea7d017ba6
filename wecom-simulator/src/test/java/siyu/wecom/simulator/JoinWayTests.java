package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinWayTests {

    @Test
    void joinWayScanJoinsTheFirstGroupWithRoomByQrCodeWithTheWaysState() {
        var corp = Simulator.demoCorp();
        var chatId = GroupTests.chatOf(corp, "lina");
        var configId = joinWay(corp, Map.of("scene", 2, "chat_id_list", List.of(chatId), "state", "group-poster"));

        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", "小明")))
                .json();
        var event = corp.nextCallback();
        var member = corp.post("externalcontact/groupchat/get", Map.of("chat_id", chatId))
                .path("group_chat")
                .path("member_list")
                .get(5);

        assertThat(answer.path("chatId").asString()).isEqualTo(chatId);
        assertThat(event.get("UpdateDetail")).isEqualTo("add_member");
        assertThat(event.get("JoinScene")).isEqualTo("3");
        assertThat(member.path("join_scene").asInt()).isEqualTo(3);
        assertThat(member.path("state").asString()).isEqualTo("group-poster");
        assertThat(member.has("invitor")).isFalse();
    }

    @Test
    void joinWayMovesToNextGroupWhenFull() {
        var corp = Simulator.demoCorp();
        var full = GroupTests.chatOf(corp, "lina");
        var next = GroupTests.chatOf(corp, "zhaolei");
        corp.sim("POST", "/groups/" + full + "/fill", Map.of("count", 200));
        corp.nextCallback();
        var configId = joinWay(corp, Map.of("scene", 2, "chat_id_list", List.of(full, next)));

        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", "小明")))
                .json();

        assertThat(answer.path("chatId").asString()).isEqualTo(next);
        assertThat(corp.nextCallback().get("ChatId")).isEqualTo(next);
    }

    @Test
    void whenEveryGroupIsFullAutoCreateRoomMakesTheNextNumberedGroup() {
        var corp = Simulator.demoCorp();
        var full = GroupTests.chatOf(corp, "lina");
        corp.sim("POST", "/groups/" + full + "/fill", Map.of("count", 200));
        corp.nextCallback();
        var configId = joinWay(
                corp,
                Map.of(
                        "scene",
                        2,
                        "chat_id_list",
                        List.of(full),
                        "auto_create_room",
                        1,
                        "room_base_name",
                        "福利群",
                        "room_base_id",
                        7));

        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", "小明")))
                .json();
        var create = corp.nextCallback();
        var join = corp.nextCallback();
        var made = corp.post(
                        "externalcontact/groupchat/get",
                        Map.of("chat_id", answer.path("chatId").asString()))
                .path("group_chat");
        var way = corp.post("externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                .path("join_way");

        assertThat(create.get("ChangeType")).isEqualTo("create");
        assertThat(join.get("UpdateDetail")).isEqualTo("add_member");
        assertThat(made.path("name").asString()).isEqualTo("福利群7");
        assertThat(made.path("owner").asString()).isEqualTo("lina");
        assertThat(way.path("room_base_id").asInt()).isEqualTo(8);
        assertThat(way.path("chat_id_list")).hasSize(2);
    }

    @Test
    void withoutAutoCreateRoomAScanOfFullGroupsFails() {
        var corp = Simulator.demoCorp();
        var full = GroupTests.chatOf(corp, "lina");
        corp.sim("POST", "/groups/" + full + "/fill", Map.of("count", 200));
        corp.nextCallback();
        var configId = joinWay(corp, Map.of("scene", 2, "chat_id_list", List.of(full), "auto_create_room", 0));

        var answer = corp.sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", "小明")));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errcode()).isEqualTo(86006);
    }

    @Test
    void getJoinWayHasAQrCodeHoldingTheGroupUrl() throws Exception {
        var corp = Simulator.demoCorp();
        var chatId = GroupTests.chatOf(corp, "lina");
        var configId = joinWay(corp, Map.of("scene", 2, "chat_id_list", List.of(chatId), "remark", "备".repeat(40)));

        var way = corp.post("externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                .path("join_way");
        var png = Simulator.bytes(way.path("qr_code").asString());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        var text = new com.google.zxing.qrcode.QRCodeReader()
                .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))))
                .getText();

        assertThat(text).isEqualTo("https://work.weixin.qq.com/gm/" + configId);
        assertThat(way.path("remark").asString()).hasSize(30);
        assertThat(way.path("chat_id_list").get(0).asString()).isEqualTo(chatId);
    }

    @Test
    void joinWayChecksItsChatsStateAndScene() {
        var corp = Simulator.demoCorp();
        var chatId = GroupTests.chatOf(corp, "lina");

        assertThat(errcode(
                        corp,
                        Map.of("scene", 2, "chat_id_list", List.of(chatId, chatId, chatId, chatId, chatId, chatId))))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of("scene", 2, "chat_id_list", List.of(chatId), "state", "s".repeat(31))))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of("scene", 3, "chat_id_list", List.of(chatId))))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of("scene", 2, "chat_id_list", List.of("wrnope"))))
                .isEqualTo(40050);
    }

    @Test
    void updateAndDeleteJoinWay() {
        var corp = Simulator.demoCorp();
        var chatId = GroupTests.chatOf(corp, "lina");
        var configId = joinWay(corp, Map.of("scene", 2, "chat_id_list", List.of(chatId)));

        var update = corp.post(
                "externalcontact/groupchat/update_join_way", Map.of("config_id", configId, "state", "autumn"));
        var state = corp.post("externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                .path("join_way")
                .path("state")
                .asString();
        var delete = corp.post("externalcontact/groupchat/del_join_way", Map.of("config_id", configId));

        assertThat(update.path("errcode").asInt()).isZero();
        assertThat(state).isEqualTo("autumn");
        assertThat(delete.path("errcode").asInt()).isZero();
        assertThat(corp.post("externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                        .path("errcode")
                        .asInt())
                .isEqualTo(41044);
    }

    private static String joinWay(TestCorp corp, Map<String, Object> body) {
        var answer = corp.post("externalcontact/groupchat/add_join_way", body);
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("config_id").asString();
    }

    private static int errcode(TestCorp corp, Map<String, Object> body) {
        return corp.post("externalcontact/groupchat/add_join_way", body)
                .path("errcode")
                .asInt();
    }
}

package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Customer groups of a simulated corp, as people make and change them in WeCom. */
record SimulatedGroups(SimulatedCorp corp) {

    /** A staff member makes a group; WeCom reports change_external_chat create. Returns its chat id. */
    String create(String name, String owner) {
        var created = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/groups", """
                        {"name": "%s", "owner": "%s"}""".formatted(name, owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("chatId").asString();
    }

    /** New customers join until the group has {@code count} members, in one add_member callback. */
    void fill(String chatId, int count) {
        var filled = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/groups/" + chatId + "/fill", "{\"count\": " + count + "}");
        assertThat(filled.status()).as(filled.body()).isLessThan(300);
    }

    /** A new customer joins by invitation; returns their external_userid. */
    String join(String chatId, String name) {
        var joined = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/groups/" + chatId + "/join", """
                        {"customer": {"name": "%s", "gender": 1}}""".formatted(name));
        assertThat(joined.status()).as(joined.body()).isLessThan(300);
        return joined.json().path("memberId").asString();
    }

    void leave(String chatId, String externalUserId) {
        var left = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/groups/" + chatId + "/leave",
                        "{\"externalUserId\": \"" + externalUserId + "\"}");
        assertThat(left.status()).as(left.body()).isLessThan(300);
    }

    /** A WeChat user scans a 加入群聊 code; answers {externalUserId, chatId}. */
    JsonNode scan(String configId, String name) {
        var scanned = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/scan", """
                        {"configId": "%s", "customer": {"name": "%s", "gender": 2}}""".formatted(configId, name));
        assertThat(scanned.status()).as(scanned.body()).isLessThan(300);
        return scanned.json();
    }

    /** The join way as WeCom holds it (get_join_way). */
    JsonNode joinWay(String configId) {
        var token = WeComSimulatorSupport.http()
                .get("/cgi-bin/gettoken?corpid=" + corp.corpId() + "&corpsecret=the-secret")
                .json()
                .path("access_token")
                .asString();
        return WeComSimulatorSupport.http()
                .post(
                        "/cgi-bin/externalcontact/groupchat/get_join_way?access_token=" + token,
                        "{\"config_id\": \"" + configId + "\"}")
                .json()
                .path("join_way");
    }

    /**
     * The owner dismisses the group: WeCom forgets it and reports change_external_chat dismiss (with
     * {@code callback}).
     */
    void dismiss(String chatId, boolean callback) {
        var sent = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/groups/" + chatId + "/dismiss",
                        "{\"notify\": " + callback + "}");
        assertThat(sent.status()).as(sent.body()).isLessThan(300);
    }
}

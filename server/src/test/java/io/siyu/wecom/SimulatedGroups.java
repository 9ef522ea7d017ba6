package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Customer groups of a simulated corp, as people make and change them in WeCom. */
public record SimulatedGroups(SimulatedCorp corp) {

    /** A staff member makes a group; WeCom reports change_external_chat create. Returns its chat id. */
    public String create(String name, String owner) {
        return sim("/groups", """
                        {"name": "%s", "owner": "%s"}""".formatted(name, owner)).path("chatId").asString();
    }

    /** New customers join until the group has {@code count} members, in one add_member callback. */
    public void fill(String chatId, int count) {
        sim("/groups/" + chatId + "/fill", "{\"count\": " + count + "}");
    }

    /** A new customer joins by invitation; returns their external_userid. */
    public String join(String chatId, String name) {
        return sim("/groups/" + chatId + "/join", """
                        {"customer": {"name": "%s", "gender": 1}}""".formatted(name))
                .path("memberId")
                .asString();
    }

    public void leave(String chatId, String externalUserId) {
        sim("/groups/" + chatId + "/leave", "{\"externalUserId\": \"" + externalUserId + "\"}");
    }

    /** A WeChat user scans a 加入群聊 code; answers {externalUserId, chatId}. */
    public JsonNode scan(String configId, String name) {
        return sim("/scan", """
                        {"configId": "%s", "customer": {"name": "%s", "gender": 2}}""".formatted(configId, name));
    }

    /** The join way as WeCom holds it (get_join_way). */
    public JsonNode joinWay(String configId) {
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
    public void dismiss(String chatId, boolean callback) {
        sim("/groups/" + chatId + "/dismiss", "{\"notify\": " + callback + "}");
    }

    /** A sandbox control of the simulator, for this corp; it must succeed. */
    private JsonNode sim(String path, String body) {
        var answer = WeComSimulatorSupport.http().post("/sim/corps/" + corp.corpId() + path, body);
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
        return answer.json();
    }
}

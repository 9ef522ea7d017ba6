package io.siyu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.wecom.SimulatedCorp;
import io.siyu.wecom.SimulatedGroups;
import io.siyu.wecom.WeComSimulatorSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 客户群群发 against the WeCom simulator: each group goes through its owner, once; what each group got is learned
 * from WeCom; WeCom's per-group quota is counted before asking.
 */
class GroupSendIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;
    SimulatedCorp corp;
    SimulatedGroups groups;

    @BeforeEach
    void connect() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        corp = SimulatedCorp.connect(port, admin, true);
        groups = new SimulatedGroups(corp);
        rules("days-in-month");
    }

    @Test
    void eachGroupIsAskedOnceOfItsOwnerAndWhatEachGroupGotIsLearnedFromWeCom() {
        var fans = groups.create("粉丝福利群", "lina");
        var vip = groups.create("VIP 会员群", "lina");
        var outlet = groups.create("门店群", "wangfang");
        corp.sync();
        var audience = List.of(fans, vip, outlet);

        var preview = admin.post("/api/v1/mass-sends/preview", body("预览", audience, List.of()));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("audience").asLong()).isEqualTo(3);
        assertThat(preview.json().path("reachable").asLong()).isEqualTo(3);
        assertThat(preview.json().path("staff").get(0).path("userId").asString())
                .isEqualTo("lina");
        assertThat(preview.json().path("staff").get(0).path("customers").asLong())
                .as("lina owns two of the groups")
                .isEqualTo(2);

        long id = send("周末福利", audience);
        eventually(() -> assertThat(status(id)).isEqualTo("sent"));
        var messages = simMessages();
        assertThat(messages).as("one task per owner").hasSize(2);
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.path("chatType").asString()).isEqualTo("group"));
        assertThat(detail(id).path("send").path("chatType").asString()).isEqualTo("group");
        assertThat(detail(id).path("send").path("recipients").path("submitted").asLong())
                .isEqualTo(3);

        // lina sends to her groups; the 门店群 is dismissed before wangfang sends
        groups.dismiss(outlet, false);
        for (var message : messages) {
            var sent = WeComSimulatorSupport.http()
                    .post(
                            "/sim/corps/" + corp.corpId() + "/group-messages/"
                                    + message.path("msgid").asString() + "/send",
                            "{\"userId\": \"" + message.path("sender").asString() + "\"}");
            assertThat(sent.status()).as(sent.body()).isLessThan(300);
        }
        eventually(() -> {
            var recipients = detail(id).path("send").path("recipients");
            assertThat(recipients.path("delivered").asLong())
                    .as(recipients.toString())
                    .isEqualTo(2);
            assertThat(recipients.path("dismissed").asLong())
                    .as(recipients.toString())
                    .isEqualTo(1);
        });
        var shares = detail(id).path("staff");
        assertThat(shares.get(0).path("userId").asString()).isEqualTo("lina");
        assertThat(shares.get(0).path("recipients").asLong()).isEqualTo(2);
        assertThat(shares.get(0).path("delivered").asLong()).isEqualTo(2);
        assertThat(shares.get(1).path("failed").asLong())
                .as("the dismissed group")
                .isEqualTo(1);

        var listed = admin.get("/api/v1/mass-sends/" + id + "/recipients?limit=2");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(2);
        var next = admin.get("/api/v1/mass-sends/" + id + "/recipients?limit=2&cursor="
                        + listed.json().path("nextCursor").asString())
                .json();
        assertThat(next.path("nextCursor").isNull()).isTrue();
        var byChat = new java.util.HashMap<String, String>();
        var names = new java.util.HashMap<String, String>();
        for (var page : List.of(listed.json(), next)) {
            page.path("items").forEach(item -> {
                byChat.put(item.path("chatId").asString(), item.path("status").asString());
                names.put(item.path("chatId").asString(), item.path("name").asString());
            });
        }
        assertThat(byChat)
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of(fans, "delivered", vip, "delivered", outlet, "dismissed"));
        assertThat(names.get(fans)).isEqualTo("粉丝福利群");
        assertThat(sql.count(fixture.tenant(), "select count(*) from group_receipt where source = 'mass:" + id + "'"))
                .isEqualTo(3);
    }

    @Test
    void aGroupOverWeComsQuotaIsHeldBeforeWeComIsAskedAndAGroupWithoutOwnerIsHeldToo() {
        rules("1-per-day");
        var fans = groups.create("粉丝福利群", "lina");
        corp.sync();
        long first = send("第一条", List.of(fans));
        eventually(() -> assertThat(status(first)).isEqualTo("sent"));
        assertThat(simMessages()).hasSize(1);

        long second = send("第二条", List.of(fans));
        eventually(() -> assertThat(status(second)).isEqualTo("sent"));
        assertThat(detail(second).path("send").path("recipients").path("quota").asLong())
                .as("WeCom allows one a day: Siyu holds the group instead of asking")
                .isEqualTo(1);
        assertThat(simMessages()).as("WeCom was not asked again").hasSize(1);

        // a group whose owner left: WeCom lists it with status 1 (离职待继承)
        rules("days-in-month");
        sql.update(fixture.tenant(), "update wecom_group set status = 1 where chat_id = '" + fans + "'");
        long third = send("第三条", List.of(fans));
        eventually(() -> assertThat(status(third)).isEqualTo("sent"));
        assertThat(detail(third)
                        .path("send")
                        .path("recipients")
                        .path("no_owner")
                        .asLong())
                .isEqualTo(1);
        assertThat(simMessages()).hasSize(1);
    }

    @Test
    void everyGroupOfTheChosenOwnersIsTheAudienceWhenNoneIsNamed() {
        var mine = groups.create("lina 的群", "lina");
        var theirs = groups.create("wangfang 的群", "wangfang");
        corp.sync();
        var made = admin.post("/api/v1/mass-sends", """
                {"appId": %d, "name": "全部", "chatType": "group", "staff": ["lina"], "text": "大家好"}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        eventually(() -> assertThat(status(id)).isEqualTo("sent"));
        var chatIds = new ArrayList<String>();
        admin.get("/api/v1/mass-sends/" + id + "/recipients?limit=200")
                .json()
                .path("items")
                .forEach(item -> chatIds.add(item.path("chatId").asString()));
        assertThat(chatIds).contains(mine).doesNotContain(theirs);
        assertThat(simMessages()).hasSize(1);
    }

    @Test
    void refusesUnknownGroupsACustomerAudienceAndAnUnknownChatTypeNamingEachField() {
        var fans = groups.create("粉丝福利群", "lina");
        corp.sync();
        var unknown = admin.post("/api/v1/mass-sends", body("错群", List.of(fans, "wrOgQhDgAAnone"), List.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown.json())).containsExactly("audience.chatIds[1]");

        var customers = admin.post("/api/v1/mass-sends", """
                {"appId": %d, "name": "错对象", "chatType": "group", "audience": {"customerIds": [1]}, "text": "hi"}""".formatted(corp.appId()));
        assertThat(customers.status()).isEqualTo(400);
        assertThat(fields(customers.json())).containsExactly("audience");

        var type = admin.post("/api/v1/mass-sends", """
                {"appId": %d, "name": "错类型", "chatType": "moments", "audience": {"customerIds": [1]}, "text": "hi"}""".formatted(corp.appId()));
        assertThat(type.status()).isEqualTo(400);
        assertThat(fields(type.json())).contains("chatType");
        assertThat(simMessages()).isEmpty();
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private long send(String name, List<String> chatIds) {
        var made = admin.post("/api/v1/mass-sends", body(name, chatIds, List.of()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private String body(String name, List<String> chatIds, List<String> staff) {
        var ids = chatIds.stream().map(id -> "\"" + id + "\"").toList();
        var owners = staff.stream().map(id -> "\"" + id + "\"").toList();
        return """
                {"appId": %d, "name": "%s", "chatType": "group", "audience": {"chatIds": %s}, "staff": %s,
                 "text": "%s：群内福利，今晚 8 点开抢"}""".formatted(corp.appId(), name, ids, owners, name);
    }

    private String status(long id) {
        return detail(id).path("send").path("status").asString();
    }

    private JsonNode detail(long id) {
        return admin.get("/api/v1/mass-sends/" + id).json();
    }

    /** No quiet hours (the tests run at any time of day), no caps, and WeCom's quota as given. */
    private void rules(String quota) {
        SimulatedMessaging.rules(admin, corp, "00:00", "00:00", 0, 0, quota);
    }

    private List<JsonNode> simMessages() {
        return SimulatedMessaging.groupMessages(corp);
    }
}

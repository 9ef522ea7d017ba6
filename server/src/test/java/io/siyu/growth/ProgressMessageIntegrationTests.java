package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Tenancy;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.SimulatedGroups;
import io.siyu.wecom.WeComSimulatorSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Progress messages (进度消息) against the simulated corp: participants hear through the staff member they added
 * (add_msg_template, single) when their invites count and when they reach a stage, one message for invites counted
 * close together, never the same news twice, within WeCom's quota; a group campaign announces its task in each of its
 * groups once, and the day's top inviters at most once a day.
 */
class ProgressMessageIntegrationTests extends ConnectedCorpTest {

    @Autowired
    ProgressMessages messages;

    @Autowired
    GroupMessages groupMessages;

    @Autowired
    TransactionTemplate transactions;

    String configId;
    long code;

    @BeforeEach
    void liveCodeAndNoQuietHours() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "任务宝活码", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        code = made.json().path("id").asLong();
        configId = made.json().path("configId").asString();
        rules("days-in-month");
    }

    @Test
    void invitesCountedCloseTogetherGiveOneMessageWithTheLatestFiguresAndTheSameNewsIsNeverSentTwice() {
        long campaign = campaign("""
                [{"invites": 3, "rewardKind": "points", "amount": 100}]""", "{\"enabled\": true}");
        long anna = customerScanning(configId, "安娜");
        var own = join(campaign, anna);
        customerScanning(own.path("configId").asString(), "博文");
        customerScanning(own.path("configId").asString(), "蔡明");
        long participant = own.path("id").asLong();
        eventually(() -> assertThat(counted(participant)).isEqualTo(2));
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_message where status = 'pending'"))
                .as("both invites wait in one note")
                .isOne();

        due();
        eventually(() -> assertThat(simMessages()).hasSize(1));
        var message = simMessages().getFirst();
        assertThat(message.path("chatType").asString()).isEqualTo("single");
        assertThat(message.path("sender").asString())
                .as("the staff member anna added")
                .isEqualTo("lina");
        assertThat(message.path("text").asString())
                .startsWith("安娜，助力成功！你已成功邀请 2 位好友，再邀请 1 位即可获得 100 积分。活动截至 ")
                .matches(".*活动截至 \\d+月\\d+日 \\d\\d:\\d\\d。");

        // the same news noted again (an event delivered twice) says nothing new: skipped, not sent
        Tenancy.runAs(
                fixture.tenant(),
                () -> transactions.executeWithoutResult(
                        s -> messages.noted(campaign, participant, "progress", null, false)));
        due();
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_message where status = 'skipped'"))
                .isOne());
        assertThat(simMessages()).hasSize(1);

        var sent = admin.get("/api/v1/campaigns/" + campaign + "/messages/sent?participantId=" + participant);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().findValuesAsString("status")).containsExactly("skipped", "sent");
        assertThat(sent.json().findValuesAsString("participantName"))
                .as("named as the participant's profile has it")
                .containsExactly("安娜", "安娜");
        eventually(() -> assertThat(admin.get("/api/v1/campaigns/" + campaign + "/messages/sent")
                        .json()
                        .get(1)
                        .path("delivery")
                        .asString())
                .as("waiting for lina to confirm")
                .isEqualTo("submitted"));
        confirm(message);
        eventually(
                Duration.ofSeconds(20),
                () -> assertThat(admin.get("/api/v1/campaigns/" + campaign + "/messages/sent")
                                .json()
                                .get(1)
                                .path("delivery")
                                .asString())
                        .isEqualTo("delivered"));
    }

    @Test
    void aParticipantWhoReachesAStageIsToldWhatTheyGot() {
        long campaign = campaign("""
                [{"invites": 1, "rewardKind": "gift", "gift": "保温杯"},
                 {"invites": 3, "rewardKind": "points", "amount": 300}]""", """
                {"enabled": true, "stage": "{name}完成了第 {stage} 阶段，获得{reward}；再邀 {remaining} 人得下一份奖励"}""");
        long anna = customerScanning(configId, "安娜");
        var own = join(campaign, anna);
        customerScanning(own.path("configId").asString(), "博文");
        eventually(() -> assertThat(counted(own.path("id").asLong())).isOne());

        due();
        eventually(() -> assertThat(simMessages()).hasSize(1));
        assertThat(simMessages().getFirst().path("text").asString()).isEqualTo("安娜完成了第 1 阶段，获得保温杯；再邀 2 人得下一份奖励");
        var shown =
                admin.get("/api/v1/campaigns/" + campaign + "/messages/sent").json();
        assertThat(shown.get(0).path("kind").asString()).isEqualTo("stage");
        assertThat(shown.get(0).path("stage").asInt()).isOne();
    }

    @Test
    void aParticipantOverWeComsQuotaIsHeldBackAsWeComWouldRefuseThemAndTheMessageSaysSo() {
        rules("1-per-day");
        long campaign = campaign("""
                [{"invites": 2, "rewardKind": "points", "amount": 100}]""", "{\"enabled\": true}");
        long anna = customerScanning(configId, "安娜");
        var own = join(campaign, anna);
        long participant = own.path("id").asLong();
        customerScanning(own.path("configId").asString(), "博文");
        eventually(() -> assertThat(counted(participant)).isOne());
        due();
        eventually(() -> assertThat(simMessages()).hasSize(1));

        customerScanning(own.path("configId").asString(), "蔡明");
        eventually(() -> assertThat(counted(participant)).isEqualTo(2));
        due();
        eventually(() -> assertThat(admin.get("/api/v1/campaigns/" + campaign + "/messages/sent")
                        .json()
                        .get(0)
                        .path("delivery")
                        .asString())
                .as("the stage message: anna had her one message of the day")
                .isEqualTo("quota"));
        assertThat(simMessages()).as("WeCom was not asked").hasSize(1);
    }

    @Test
    void badTemplatesAreRefusedNamingTheFieldAndThePlaceholder() {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "邀请有礼", "channelCodeId": %d, "endsAt": "%s",
                 "stages": [{"invites": 1, "rewardKind": "points", "amount": 10}],
                 "messages": {"progress": "再邀 {remain} 人", "stage": "%s", "link": "ftp://x"}}""".formatted(code, Instant.now().plus(Duration.ofDays(7)), "好".repeat(501)));
        assertThat(made.status()).as(made.body()).isEqualTo(400);
        assertThat(made.json().findValuesAsString("field"))
                .containsExactlyInAnyOrder("messages.progress", "messages.stage", "messages.link");
        assertThat(made.body()).contains("{remain}");

        long campaign = campaign("""
                [{"invites": 1, "rewardKind": "points", "amount": 10}]""", "{\"enabled\": true}");
        var changed = admin.put("/api/v1/campaigns/" + campaign + "/messages", """
                {"announcement": "欢迎 {name}", "digestHour": 24}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(400);
        assertThat(changed.json().findValuesAsString("field")).containsExactlyInAnyOrder("announcement", "digestHour");
        var off = admin.put("/api/v1/campaigns/" + campaign + "/messages", "{\"enabled\": false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("messages").path("enabled").asBoolean()).isFalse();
        assertThat(off.json().path("messages").path("progress").asString())
                .as("the default text is kept")
                .contains("{remaining}");
    }

    @Test
    void aGroupCampaignAnnouncesItsTaskOnceInEachGroupAndTheDaysTopInvitersAtMostOnceADay() {
        var groups = new SimulatedGroups(corp);
        var fans = groups.create("福利1群", "lina");
        var more = groups.create("福利2群", "wangfang");
        corp.sync();
        var groupCode = admin.post("/api/v1/wecom/group-codes", """
                {"appId": %d, "name": "福利群", "groups": ["%s", "%s"]}""".formatted(corp.appId(), fans, more));
        assertThat(groupCode.status()).as(groupCode.body()).isEqualTo(201);
        var made = admin.post("/api/v1/campaigns", """
                {"kind": "group", "name": "拉好友进群", "groupCodeId": %d, "endsAt": "%s", "holdHours": 24,
                 "stages": [{"invites": 3, "rewardKind": "points", "amount": 100}],
                 "messages": {"enabled": true, "link": "https://siyu.example/poster", "digestHour": 0}}""".formatted(
                        groupCode.json().path("id").asLong(), Instant.now().plus(Duration.ofDays(7))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long campaign = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/start", "{}").status())
                .isEqualTo(200);

        eventually(Duration.ofSeconds(15), () -> assertThat(simMessages()).hasSize(2));
        Tenancy.callAs(fixture.tenant(), groupMessages::round);
        assertThat(simMessages()).allSatisfy(m -> {
            assertThat(m.path("chatType").asString()).isEqualTo("group");
            assertThat(m.path("text").asString())
                    .startsWith("【拉好友进群】邀请好友进群即可领奖：邀请 3 位好友得 100 积分")
                    .endsWith("https://siyu.example/poster");
        });
        assertThat(simMessages().stream().map(m -> m.path("sender").asString()))
                .as("each group through its owner")
                .containsExactlyInAnyOrder("lina", "wangfang");

        // no invites yet: no digest; then anna brings 博文 into the group
        long anna = joining(groups, groupCode.json().path("configId").asString(), "安娜");
        var own = join(campaign, anna);
        joining(groups, own.path("configId").asString(), "博文");
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_invite where status = 'held'"))
                .isOne());
        Tenancy.callAs(fixture.tenant(), groupMessages::round);
        eventually(Duration.ofSeconds(15), () -> assertThat(simMessages()).hasSize(4));
        Tenancy.callAs(fixture.tenant(), groupMessages::round);
        assertThat(simMessages()).hasSize(4);
        var digest = simMessages().get(3).path("text").asString();
        assertThat(digest).contains("【拉好友进群】今日邀请榜").contains("1. 安* 邀请 1 人").doesNotContain("安娜");
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from campaign_message where kind = 'digest' and occasion like '%:digest:%'"))
                .isEqualTo(2);
        var log = admin.get("/api/v1/campaigns/" + campaign + "/messages/sent").json();
        assertThat(log.findValuesAsString("chatName"))
                .as("the log names each group as WeCom does")
                .containsExactlyInAnyOrder("福利1群", "福利2群", "福利1群", "福利2群");
    }

    private long joining(SimulatedGroups groups, String configId, String name) {
        var external = groups.scan(configId, name).path("externalUserId").asString();
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where customer_id is not null and member_id = '"
                                + external + "'"))
                .isOne());
        return sql.single(
                fixture.tenant(),
                "select customer_id from wecom_group_member where member_id = '" + external + "'",
                Long.class);
    }

    /** A running 任务宝 campaign on the live code with invites counted at once (no hold). */
    private long campaign(String stages, String messages) {
        var made = admin.post(
                "/api/v1/campaigns", """
                {"name": "邀请有礼", "channelCodeId": %d, "endsAt": "%s", "holdHours": 0, "stages": %s,
                 "messages": %s}""".formatted(code, Instant.now().plus(Duration.ofDays(7)), stages, messages));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + id + "/start", "{}").status())
                .isEqualTo(200);
        return id;
    }

    private JsonNode join(long campaign, long customer) {
        var joined =
                admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + customer + "}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        return joined.json();
    }

    private long counted(long participant) {
        return sql.single(
                fixture.tenant(), "select counted from campaign_participant where id = " + participant, Long.class);
    }

    /** The window passes for the waiting notes, and they are sent. */
    private void due() {
        sql.update(fixture.tenant(), "update campaign_message set due_at = now() where status = 'pending'");
        Tenancy.callAs(fixture.tenant(), messages::round);
    }

    private void rules(String quota) {
        var updated = admin.put("/api/v1/messaging/settings", """
                {"quietFrom": "00:00", "quietTo": "00:00", "capDay": 0, "capWeek": 0, "massQuota": "%s"}""".formatted(quota));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        var sim = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/limits", "{\"massQuota\": \"" + quota + "\"}");
        assertThat(sim.status()).as(sim.body()).isLessThan(300);
    }

    private List<JsonNode> simMessages() {
        var listed = WeComSimulatorSupport.http().get("/sim/corps/" + corp.corpId() + "/group-messages");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var all = new ArrayList<JsonNode>();
        listed.json().forEach(all::add);
        return all;
    }

    private void confirm(JsonNode message) {
        var sent = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/group-messages/"
                                + message.path("msgid").asString() + "/send",
                        "{\"userId\": \"" + message.path("sender").asString() + "\"}");
        assertThat(sent.status()).as(sent.body()).isLessThan(300);
    }
}

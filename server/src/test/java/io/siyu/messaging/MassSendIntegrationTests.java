package io.siyu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.WeComSimulatorSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 企业群发 end to end against the WeCom simulator: Siyu plans who gets a send, hands each staff member's share
 * to WeCom once, and learns from WeCom what the staff member sent and what each customer got.
 */
class MassSendIntegrationTests extends ConnectedCorpTest {

    long code;
    String configId;

    @BeforeEach
    void connect() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "门店", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        code = made.json().path("id").asLong();
        configId = made.json().path("configId").asString();
        // no quiet hours: the tests run at any time of day
        rules("00:00", "00:00", 1, 3, "days-in-month");
    }

    @AfterEach
    void clearFaults() {
        WeComSimulatorSupport.corps().clearFaults(corp.corpId());
    }

    @Test
    void eachCustomerIsReachedOnceThroughTheStaffMemberTheyAddedAndWhatTheyGotIsLearnedFromWeCom() {
        var anna = customerScanning("安娜");
        var bo = customerScanning("博文");
        var optedOut = customerScanning("陈晨");
        var patched = admin.patch("/api/v1/customers/" + optedOut, "{\"consent\": {\"wecom\": false}}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        long stranger = admin.post("/api/v1/customers", """
                        {"name": "路人", "identities": [{"type": "mobile", "value": "13900139000"}]}""").json().path("id").asLong();
        var audience = List.of(anna, bo, optedOut, stranger);

        var preview = admin.post("/api/v1/mass-sends/preview", body("预览", audience, null))
                .json();
        assertThat(preview.path("reachable").asLong()).isEqualTo(2);
        assertThat(preview.path("held").path("opted_out").asLong()).isEqualTo(1);
        assertThat(preview.path("held").path("no_contact").asLong()).isEqualTo(1);
        assertThat(preview.path("staff").get(0).path("userId").asString()).isEqualTo("lina");

        var send = admin.post("/api/v1/mass-sends", body("双十二预热", audience, null));
        assertThat(send.status()).as(send.body()).isEqualTo(201);
        long id = send.json().path("id").asLong();
        eventually(() ->
                assertThat(detail(id).path("send").path("status").asString()).isEqualTo("sent"));
        var counts = detail(id).path("send").path("recipients");
        assertThat(counts.path("submitted").asLong()).isEqualTo(2);
        assertThat(counts.path("opted_out").asLong()).isEqualTo(1);
        assertThat(counts.path("no_contact").asLong()).isEqualTo(1);
        var share = detail(id).path("staff").get(0);
        assertThat(share.path("status").asString())
                .as("WeCom asks lina to confirm")
                .isEqualTo("submitted");
        var messages = simMessages();
        assertThat(messages).hasSize(1);
        var msgid = messages.get(0).path("msgid").asString();

        var sent = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/group-messages/" + msgid + "/send", "{\"userId\": \"lina\"}");
        assertThat(sent.status()).as(sent.body()).isLessThan(300);

        eventually(() -> assertThat(detail(id)
                        .path("send")
                        .path("recipients")
                        .path("delivered")
                        .asLong())
                .isEqualTo(2));
        assertThat(detail(id).path("staff").get(0).path("status").asString()).isEqualTo("sent");
        assertThat(sql.count(fixture.tenant(), "select count(*) from message_receipt where source = 'mass:" + id + "'"))
                .isEqualTo(2);
    }

    @Test
    void aCustomerWhoseWeComProfileWasMergedIntoAnotherIsReachedThroughItsRelation() {
        long member = admin.post("/api/v1/customers", """
                        {"name": "会员王", "identities": [{"type": "mobile", "value": "13700137000"}]}""").json().path("id").asLong();
        var wechat = customerScanning("王小姐");
        var linked = admin.post("/api/v1/customers/" + member + "/links", "{\"customerId\": " + wechat + "}");
        assertThat(linked.status()).as(linked.body()).isLessThan(300);
        assertThat(admin.get("/api/v1/customers/" + wechat).json().path("id").asLong())
                .as("the older member profile survives")
                .isEqualTo(member);

        long id = send("合并后", List.of(member));

        eventually(() ->
                assertThat(detail(id).path("send").path("status").asString()).isEqualTo("sent"));
        var recipients = detail(id).path("send").path("recipients");
        assertThat(recipients.path("submitted").asLong())
                .as(recipients.toString())
                .isEqualTo(1);
    }

    @Test
    void aSecondSendIsHeldByTheDailyCapAndByWeComsQuotaBeforeWeComIsAsked() {
        var anna = customerScanning("安娜");
        long first = send("第一条", List.of(anna));
        eventually(() ->
                assertThat(detail(first).path("send").path("status").asString()).isEqualTo("sent"));

        long second = send("第二条", List.of(anna));
        eventually(() -> assertThat(detail(second).path("send").path("status").asString())
                .isEqualTo("sent"));
        assertThat(detail(second)
                        .path("send")
                        .path("recipients")
                        .path("frequency")
                        .asLong())
                .as("one a day by the tenant's cap")
                .isEqualTo(1);

        rules("00:00", "00:00", 0, 0, "1-per-day");
        long third = send("第三条", List.of(anna));
        eventually(() ->
                assertThat(detail(third).path("send").path("status").asString()).isEqualTo("sent"));
        assertThat(detail(third).path("send").path("recipients").path("quota").asLong())
                .as("WeCom allows one a day: counted before asking")
                .isEqualTo(1);
        assertThat(simMessages()).as("only the first reached WeCom").hasSize(1);
    }

    @Test
    void theSameContentReachesACustomerOnceWithinTheDedupeWindowWhicheverSendCarriesIt() {
        rules("00:00", "00:00", 0, 0, "days-in-month");
        var anna = customerScanning("安娜");
        long first = send("旅程欢迎", List.of(anna), "新人礼已到账，点击领取", "normal");
        eventually(() -> assertThat(status(first)).isEqualTo("sent"));

        long again = send("群发欢迎", List.of(anna), "新人礼已到账，点击领取", "high");
        eventually(() -> assertThat(status(again)).isEqualTo("sent"));
        assertThat(detail(again)
                        .path("send")
                        .path("recipients")
                        .path("same_content")
                        .asLong())
                .as("the same text within 7 days, from another send, even of higher priority")
                .isEqualTo(1);

        long other = send("新品", List.of(anna), "新品上市，回复 1 了解详情", "normal");
        eventually(() -> assertThat(status(other)).isEqualTo("sent"));
        assertThat(detail(other)
                        .path("send")
                        .path("recipients")
                        .path("submitted")
                        .asLong())
                .isEqualTo(1);

        limits(0, 0, 0);
        long off = send("关闭去重", List.of(anna), "新人礼已到账，点击领取", "normal");
        eventually(() -> assertThat(status(off)).isEqualTo("sent"));
        assertThat(detail(off).path("send").path("recipients").path("submitted").asLong())
                .as("no dedupe when its window is 0 days")
                .isEqualTo(1);
    }

    @Test
    void aMessageCountsAgainstTheCapsOnlyMessagesOfItsPriorityOrHigher() {
        var anna = customerScanning("安娜");
        long normal = send("日常", List.of(anna), "日常推送", "normal");
        eventually(() -> assertThat(status(normal)).isEqualTo("sent"));

        long low = send("低优先", List.of(anna), "低优先推送", "low");
        eventually(() -> assertThat(status(low)).isEqualTo("sent"));
        assertThat(detail(low).path("send").path("recipients").path("frequency").asLong())
                .as("one a day, and a normal one came first")
                .isEqualTo(1);

        long high = send("生日关怀", List.of(anna), "生日快乐！", "high");
        eventually(() -> assertThat(status(high)).isEqualTo("sent"));
        assertThat(detail(high).path("send").path("priority").asString()).isEqualTo("high");
        assertThat(detail(high)
                        .path("send")
                        .path("recipients")
                        .path("submitted")
                        .asLong())
                .as("a normal message does not crowd out a high-priority one")
                .isEqualTo(1);

        long second = send("第二条日常", List.of(anna), "又一条日常推送", "normal");
        eventually(() -> assertThat(status(second)).isEqualTo("sent"));
        assertThat(detail(second)
                        .path("send")
                        .path("recipients")
                        .path("frequency")
                        .asLong())
                .isEqualTo(1);
        assertThat(simMessages()).hasSize(2);
    }

    @Test
    void aStaffMembersTasksBeyondTheDailyLimitWaitForTheNextDayAndTheTenantsForTheNextMinute() {
        rules("00:00", "00:00", 0, 0, "days-in-month");
        var anna = customerScanning("安娜");
        limits(7, 1, 0);
        long first = send("第一条", List.of(anna));
        eventually(() -> assertThat(status(first)).isEqualTo("sent"));
        long second = send("第二条", List.of(anna));
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from mass_send_task where error like 'staff daily limit%' and mass_send_id = "
                                + second))
                .isEqualTo(1));
        assertThat(status(second)).isEqualTo("sending");
        assertThat(sql.single(
                        fixture.tenant(),
                        "select next_at > now() + interval '1 minute' from mass_send_task where mass_send_id = "
                                + second,
                        Boolean.class))
                .as("waits for the next day")
                .isTrue();
        assertThat(detail(second).path("staff").get(0).path("status").asString())
                .isEqualTo("pending");

        limits(7, 0, 1);
        sql.update(fixture.tenant(), "update mass_send_task set next_at = now() where mass_send_id = " + second);
        eventually(() -> assertThat(status(second)).isEqualTo("sent"));
        long third = send("第三条", List.of(anna));
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from mass_send_task where error like 'tenant limit%' and mass_send_id = "
                                + third))
                .isEqualTo(1));
        assertThat(simMessages()).as("one task a minute").hasSize(2);
    }

    @Test
    void anAnswerLostAfterWeComMadeTheTaskIsFoundInWeComAndTheTaskIsNotMadeAgain() {
        var anna = customerScanning("安娜");
        // WeCom makes the task but answers after Siyu has stopped waiting (api-timeout 3 s in tests)
        WeComSimulatorSupport.corps().slowNext(corp.corpId(), Duration.ofSeconds(5), 1);

        long id = send("慢回答", List.of(anna));

        // 3 s unanswered, a short backoff, then WeCom is asked what it has
        eventually(
                Duration.ofSeconds(20),
                () -> assertThat(detail(id).path("send").path("status").asString())
                        .isEqualTo("sent"));
        assertThat(simMessages()).as("one task in WeCom, not two").hasSize(1);
        assertThat(sql.single(
                        fixture.tenant(),
                        "select extract(epoch from submitted_at - first_asked_at) >= 3 from mass_send_task",
                        Boolean.class))
                .as("the answer was lost and the task found in WeCom later")
                .isTrue();
        assertThat(detail(id).path("send").path("recipients").path("submitted").asLong())
                .isEqualTo(1);
        assertThat(sql.single(
                        fixture.tenant(), "select msgid from mass_send_task where mass_send_id = " + id, String.class))
                .isEqualTo(simMessages().get(0).path("msgid").asString());
    }

    @Test
    void aScheduledSendCanBeCancelledAndOneUnderWayStopsAskingStaff() {
        var anna = customerScanning("安娜");
        var later = admin.post("/api/v1/mass-sends", body("明天", List.of(anna), "2099-01-01T00:00:00Z"));
        assertThat(later.status()).as(later.body()).isEqualTo(400);
        var tomorrow = java.time.Instant.now().plus(Duration.ofDays(1)).toString();
        long scheduled = admin.post("/api/v1/mass-sends", body("明天", List.of(anna), tomorrow))
                .json()
                .path("id")
                .asLong();
        assertThat(admin.post("/api/v1/mass-sends/" + scheduled + "/cancel", "{}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");

        long now = send("马上", List.of(anna));
        eventually(() ->
                assertThat(detail(now).path("send").path("status").asString()).isEqualTo("sent"));
        var reminded = admin.post("/api/v1/mass-sends/" + now + "/remind", "{}");
        assertThat(reminded.status()).as(reminded.body()).isEqualTo(200);
        assertThat(reminded.json().path("reminded").asInt()).isEqualTo(1);
        assertThat(detail(now).path("staff").get(0).path("reminders").asInt()).isEqualTo(1);

        // handed over, lina has not sent it yet: WeCom is told to stop asking her
        var cancelled = admin.post("/api/v1/mass-sends/" + now + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(simMessages().getLast().path("cancelled").asBoolean()).isTrue();
        assertThat(detail(now).path("send").path("recipients").path("cancelled").asLong())
                .isEqualTo(1);
        var again = admin.language("en").post("/api/v1/mass-sends/" + now + "/cancel", "{}");
        assertThat(again.status()).as("a cancelled send is done").isEqualTo(409);
    }

    @Test
    void aBadSendIsRefusedNamingEachFieldInTheCallersLanguage() {
        var bad = admin.language("en").post("/api/v1/mass-sends", """
                {"appId": 999999, "name": "", "audience": {"segmentId": 1, "customerIds": [1]},
                 "text": "%s", "materialIds": [999999]}""".formatted("字".repeat(1400)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        var fields = new ArrayList<String>();
        bad.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("appId", "name", "audience", "text", "materialIds[0]");
        var rule = admin.language("zh-CN").post("/api/v1/mass-sends", """
                {"appId": %d, "name": "规则", "audience": {"rule": {"attribute": "shoeSize", "op": "eq", "value": 1}},
                 "text": "hi"}""".formatted(corp.appId()));
        assertThat(rule.status()).as(rule.body()).isEqualTo(400);
        assertThat(rule.body()).contains("audience.rule");
        assertThat(sql.count(fixture.tenant(), "select count(*) from mass_send"))
                .isZero();
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/mass-sends")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anArticleWrittenInSiyuGoesAsALinkToItsPublicPageWhichShowsItsMarkdownWithHtmlEscaped() throws Exception {
        var article = admin.post("/api/v1/materials", """
                {"kind": "article", "title": "冬季护肤指南", "description": "三步搞定换季干皮",
                 "body": "# 第一步\\n\\n多喝水 <script>alert(1)</script> [官网](javascript:alert(1))"}""");
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        var anna = customerScanning("安娜");
        var send = admin.post("/api/v1/mass-sends", """
                {"appId": %d, "name": "护肤文章", "audience": {"customerIds": [%d]}, "text": "新文章",
                 "materialIds": [%d]}""".formatted(
                        corp.appId(), anna, article.json().path("id").asLong()));
        assertThat(send.status()).as(send.body()).isEqualTo(201);
        eventually(() -> assertThat(simMessages()).hasSize(1));

        var url = simMessages().getFirst().findValue("url").asString();
        var prefix = "http://localhost:8080/h5/" + fixture.tenant().value() + "/articles/";
        assertThat(url).startsWith(prefix);
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.replace("8080", String.valueOf(port))))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("opened by a customer, without a login")
                .isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("<h1 class=\"title\">冬季护肤指南</h1>", "<h1>第一步</h1>", "三步搞定换季干皮")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>", "javascript:");

        var token = url.substring(prefix.length());
        var guessed = "http://localhost:" + port + "/h5/" + fixture.tenant().value() + "/articles/"
                + java.util.UUID.randomUUID();
        var otherTenant =
                "http://localhost:" + port + "/h5/" + (fixture.tenant().value() + 1_000) + "/articles/" + token;
        for (var address : List.of(guessed, otherTenant, guessed.replaceAll("[^/]+$", "not-a-token"))) {
            var missing = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).as(address).isEqualTo(404);
            assertThat(missing.body()).contains("文章不存在");
        }
    }

    private long customerScanning(String name) {
        var external = corp.scan(configId, name, "ou-" + java.util.UUID.randomUUID())
                .path("externalUserId")
                .asString();
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where external_user_id = '" + external + "'"))
                .isEqualTo(1));
        return sql.single(
                fixture.tenant(),
                "select customer_id from wecom_contact where external_user_id = '" + external + "'",
                Long.class);
    }

    private long send(String name, List<Long> customers) {
        var made = admin.post("/api/v1/mass-sends", body(name, customers, null));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private long send(String name, List<Long> customers, String text, String priority) {
        var made = admin.post("/api/v1/mass-sends", """
                {"appId": %d, "name": "%s", "audience": {"customerIds": %s}, "text": "%s", "priority": "%s"}""".formatted(corp.appId(), name, customers, text, priority));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private String status(long id) {
        return detail(id).path("send").path("status").asString();
    }

    /** The dedupe window and the limits on tasks, keeping the other rules. */
    private void limits(int dedupeDays, int staffTasksPerDay, int tasksPerMinute) {
        var current = admin.get("/api/v1/messaging/settings").json();
        var updated = admin.put("/api/v1/messaging/settings", """
                {"quietFrom": "%s", "quietTo": "%s", "capDay": %d, "capWeek": %d, "massQuota": "%s",
                 "dedupeDays": %d, "staffTasksPerDay": %d, "tasksPerMinute": %d}""".formatted(
                        current.path("quietFrom").asString(),
                        current.path("quietTo").asString(),
                        current.path("capDay").asInt(),
                        current.path("capWeek").asInt(),
                        current.path("massQuota").asString(),
                        dedupeDays,
                        staffTasksPerDay,
                        tasksPerMinute));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("dedupeDays").asInt()).isEqualTo(dedupeDays);
    }

    private String body(String name, List<Long> customers, String sendAt) {
        return """
                {"appId": %d, "name": "%s", "audience": {"customerIds": %s}, "text": "%s：新品上市，回复 1 了解详情"%s}""".formatted(
                        corp.appId(), name, customers, name, sendAt == null ? "" : ", \"sendAt\": \"" + sendAt + "\"");
    }

    private JsonNode detail(long id) {
        return admin.get("/api/v1/mass-sends/" + id).json();
    }

    private void rules(String quietFrom, String quietTo, int capDay, int capWeek, String quota) {
        SimulatedMessaging.rules(admin, corp, quietFrom, quietTo, capDay, capWeek, quota);
    }

    private List<JsonNode> simMessages() {
        return SimulatedMessaging.groupMessages(corp);
    }
}

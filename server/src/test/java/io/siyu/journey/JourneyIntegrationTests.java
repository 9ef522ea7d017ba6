package io.siyu.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.wecom.SimulatedCorp;
import io.siyu.wecom.WeComSimulatorSupport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Journeys end to end over the API: triggers let customers in, each step is done once, waits end by time or
 * by an event, a new version leaves customers in flight on theirs, webhooks are signed and retried, and
 * publishing refuses what cannot run.
 */
class JourneyIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    @Test
    void publishingRefusesAJourneyThatCannotRunNamingEachProblem() {
        long id = draft("""
                {"trigger": {"type": "segment_enter", "segmentId": 999999},
                 "start": "a",
                 "steps": [
                   {"id": "a", "type": "message", "text": "", "materialIds": [], "priority": "urgent", "next": "b"},
                   {"id": "b", "type": "tag", "add": [], "remove": [], "next": "c"},
                   {"id": "c", "type": "condition", "rule": {"attribute": "nope", "op": "eq", "value": 1}, "next": "a", "elseNext": "nowhere"},
                   {"id": "d", "type": "wait", "duration": "PT1S", "next": null},
                   {"id": "e", "type": "split", "branches": [{"percent": 60, "next": null}, {"percent": 30, "next": null}]},
                   {"id": "f", "type": "webhook", "url": "not a url", "next": null}
                 ]}""");

        var refused = ApiClient.loggedIn(port, fixture.admin())
                .language("en")
                .post("/api/v1/journeys/" + id + "/publish", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("journey.invalid");
        var fields = new ArrayList<String>();
        refused.json()
                .path("errors")
                .forEach(e -> fields.add(
                        e.path("field").asString() + " " + e.path("code").asString()));
        assertThat(fields)
                .contains(
                        "definition.trigger.segmentId journey.segment.unknown",
                        "definition.steps[0].text messaging.empty",
                        "definition.steps[0].priority messaging.priority",
                        "definition.steps[1].add journey.tag.empty",
                        "definition.steps[2].elseNext journey.step.unknown",
                        "definition.steps[3] journey.step.unreachable",
                        "definition.steps[3].duration journey.duration",
                        "definition.steps[4].branches journey.split.percent",
                        "definition.steps[5].url journey.webhook.url")
                .anyMatch(f -> f.endsWith("journey.step.cycle"))
                .anyMatch(f -> f.startsWith("definition.steps[2].rule."))
                .noneMatch(f -> f.contains("rule.rule"));
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isNotBlank();
        var validated = admin.post("/api/v1/journeys/" + id + "/validate", "{}");
        assertThat(validated.json().path("problems"))
                .hasSize(refused.json().path("errors").size());
        assertThat(admin.get("/api/v1/journeys/" + id).json().path("status").asString())
                .isEqualTo("draft");
    }

    @Test
    void aCustomerWhoAddsAStaffMemberGoesThroughEachStepOnceAndItsMessageReachesWeComOnce() {
        var corp = SimulatedCorp.connect(port, admin, true);
        corp.sync();
        admin.put("/api/v1/messaging/settings", """
                {"quietFrom": "00:00", "quietTo": "00:00", "capDay": 0, "capWeek": 0, "massQuota": "days-in-month"}""");
        var code = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "门店", "staff": ["lina"]}""".formatted(corp.appId()));
        int tag = tag("已欢迎");
        long journey = publish(draft("""
                {"trigger": {"type": "event", "eventType": "wecom_add"},
                 "entry": "once", "start": "hello",
                 "steps": [
                   {"id": "hello", "type": "message", "name": "欢迎", "text": "你好，欢迎来到私域小店！", "materialIds": [], "next": "mark"},
                   {"id": "mark", "type": "tag", "add": [%d], "remove": [], "next": "later"},
                   {"id": "later", "type": "wait", "duration": "PT1H", "next": "call"},
                   {"id": "call", "type": "task", "title": "电话回访", "dueIn": "P1D", "next": null}
                 ]}""".formatted(tag)));

        var external = corp.scan(code.json().path("configId").asString(), "安娜", "ou-" + UUID.randomUUID())
                .path("externalUserId")
                .asString();
        eventually(
                Duration.ofSeconds(15),
                () -> assertThat(runs(journey, "waiting")).hasSize(1));
        var run = runs(journey, "waiting").getFirst();
        long customer = run.path("customerId").asLong();
        assertThat(run.path("step").asString()).isEqualTo("later");
        assertThat(customer)
                .isEqualTo(sql.single(
                        fixture.tenant(),
                        "select customer_id from wecom_contact where external_user_id = '" + external + "'",
                        Long.class));
        assertThat(admin.get("/api/v1/customers/" + customer + "/tags").body()).contains("已欢迎");
        eventually(Duration.ofSeconds(15), () -> assertThat(simMessages(corp)).hasSize(1));
        var message = simMessages(corp).getFirst();
        assertThat(message.path("text").asString()).isEqualTo("你好，欢迎来到私域小店！");
        assertThat(message.path("tasks").get(0).path("userId").asString()).isEqualTo("lina");
        assertThat(message.path("tasks").get(0).toString()).contains(external);
        assertThat(admin.get("/api/v1/mass-sends").json().path("items"))
                .as("a journey's sends stay out of the console's list")
                .isEmpty();

        fastForward(journey);

        eventually(
                Duration.ofSeconds(10), () -> assertThat(runs(journey, "done")).hasSize(1));
        var tasks = admin.get("/api/v1/staff-tasks?status=open").json().path("items");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("title").asString()).isEqualTo("电话回访");
        assertThat(tasks.get(0).path("userId").asString()).isEqualTo("lina");
        assertThat(tasks.get(0).path("customerName").asString()).isEqualTo("安娜");
        assertThat(admin.post("/api/v1/staff-tasks/" + tasks.get(0).path("id").asLong() + "/done", "{}")
                        .status())
                .isEqualTo(204);

        var stats = admin.get("/api/v1/journeys/" + journey + "/stats").json();
        assertThat(stats.path("totals").path("entered").asLong()).isEqualTo(1);
        assertThat(stats.path("totals").path("done").asLong()).isEqualTo(1);
        for (var step : stats.path("steps")) {
            assertThat(step.path("entered").asLong()).as(step.toString()).isEqualTo(1);
            assertThat(step.path("done").asLong()).as(step.toString()).isEqualTo(1);
        }
        assertThat(stats.path("steps").get(0).path("effects").path("submitted").asLong())
                .as("the message step's customer, handed to WeCom once")
                .isEqualTo(1);
        assertThat(stats.path("steps").get(3).path("effects").path("tasks").asLong())
                .isEqualTo(1);
        var path = admin.get("/api/v1/customers/" + customer + "/journeys").json();
        assertThat(path).hasSize(1);
        assertThat(path.get(0).path("steps").findValuesAsString("step"))
                .containsExactly("hello", "mark", "later", "call");
        assertThat(sql.count(fixture.tenant(), "select count(*) from journey_action"))
                .isEqualTo(1);
        assertThat(simMessages(corp)).as("still one message in WeCom").hasSize(1);

        corp.scan(code.json().path("configId").asString(), "安娜", "ou-" + UUID.randomUUID());
        eventually(() -> assertThat(sql.count(fixture.tenant(), "select count(*) from journey_run"))
                .isEqualTo(2));
    }

    @Test
    void aGroupMessageAndAMomentStepPostOnceADayHoweverManyCustomersPassThem() {
        var corp = SimulatedCorp.connect(port, admin, true);
        corp.sync();
        admin.put("/api/v1/messaging/settings", """
                {"quietFrom": "00:00", "quietTo": "00:00", "capDay": 0, "capWeek": 0, "massQuota": "days-in-month"}""");
        int trigger = tag("社群");
        long journey = publish(draft("""
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "g",
                 "steps": [
                   {"id": "g", "type": "group_message", "name": "今日活动", "text": "今日活动开始啦", "materialIds": [],
                    "chatIds": [], "staff": [], "next": "m"},
                   {"id": "m", "type": "moment", "name": "新品", "text": "新品上市", "materialIds": [],
                    "staff": [], "tagIds": [], "next": null}
                 ]}""".formatted(trigger)));

        tagCustomers(List.of(customer("13800138011"), customer("13800138012"), customer("13800138013")), trigger);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(3));
        tagCustomers(List.of(customer("13800138014")), trigger);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(4));

        eventually(
                Duration.ofSeconds(15),
                () -> assertThat(simMessages(corp)).isNotEmpty().allSatisfy(m -> {
                    assertThat(m.path("chatType").asString()).isEqualTo("group");
                    assertThat(m.path("text").asString()).isEqualTo("今日活动开始啦");
                }));
        assertThat(simMessages(corp).stream()
                        .flatMap(m -> m.path("tasks").findValuesAsString("userId").stream())
                        .toList())
                .as("one message to the groups today, however many customers passed the step: each owner asked once")
                .doesNotHaveDuplicates();
        eventually(
                Duration.ofSeconds(15),
                () -> assertThat(simMoments(corp))
                        .singleElement()
                        .satisfies(m -> assertThat(m.toString()).contains("新品上市")));
        var steps = admin.get("/api/v1/journeys/" + journey + "/stats").json().path("steps");
        assertThat(steps.get(0).path("effects").path("sends").asLong()).isEqualTo(1);
        assertThat(steps.get(0).path("done").asLong()).isEqualTo(4);
        assertThat(steps.get(1).path("effects").path("posts").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/moments").json().path("items"))
                .as("a journey's posts stay out of the console's list")
                .isEmpty();
    }

    @Test
    void aGroupMessageOrMomentStepWeComWouldRefuseIsRefusedAtPublishNamingEachField() {
        var corp = SimulatedCorp.connect(port, admin, true);
        corp.sync();
        int trigger = tag("社群");
        long id = draft("""
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "g",
                 "steps": [
                   {"id": "g", "type": "group_message", "text": "", "materialIds": [],
                    "chatIds": ["wr-nope"], "staff": ["ghost"], "next": "m"},
                   {"id": "m", "type": "moment", "text": "%s", "materialIds": [], "staff": [],
                    "tagIds": [999999], "next": null}
                 ]}""".formatted(trigger, "长".repeat(2_001)));
        var refused = admin.post("/api/v1/journeys/" + id + "/publish", "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .contains(
                        "definition.steps[0].text",
                        "definition.steps[0].chatIds[0]",
                        "definition.steps[0].staff[0]",
                        "definition.steps[1].text",
                        "definition.steps[1].tagIds[0]");
    }

    @Test
    void aScheduleLetsItsSegmentInOnceAndAFireCutShortGoesOnFromItsCursor() {
        int member = tag("会员");
        int reached = tag("已触达");
        long anna = customer("13800138021");
        long bo = customer("13800138022");
        long cai = customer("13800138023");
        tagCustomers(List.of(anna, bo, cai), member);
        var segment = admin.post("/api/v1/segments", """
                {"name": "会员 %s", "rule": {"tags": {"any": [%d]}}}""".formatted(UUID.randomUUID(), member));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        var at = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long journey = publish(draft("""
                {"trigger": {"type": "schedule", "every": "day", "at": "%s", "segmentId": %d}, "entry": "again",
                 "start": "t", "steps": [{"id": "t", "type": "tag", "add": [%d], "next": null}]}""".formatted(at, segment.json().path("id").asLong(), reached)));
        // published before today's time came
        sql.update(
                fixture.tenant(),
                "update journey_version set published_at = now() - interval '1 day' where journey_id = " + journey);

        eventually(() -> assertThat(runs(journey, "done")).hasSize(3));
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from journey_fire where cursor is null and customers = 3 and journey_id = "
                                + journey))
                .isEqualTo(1);
        assertThat(tagsOf(cai)).contains("已触达");

        // a fire whose admission stopped after bo (as if the server died there) lets in only those after him
        sql.update(
                fixture.tenant(),
                "insert into journey_fire (journey_id, occurrence, customers, version, cursor) values (" + journey
                        + ", 'fire:2026-01-01T09:00', 2, 1, " + bo + ")");
        eventually(() -> assertThat(runs(journey, "done")).hasSize(4));
        assertThat(runs(journey, "done").stream()
                        .filter(r -> r.path("customerId").asLong() == cai))
                .hasSize(2);
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from journey_fire where cursor is null and customers = 3 and journey_id = "
                                + journey))
                .isEqualTo(2);
    }

    @Test
    void aWaitForAnEventEndsWhenItHappensOrTimesOutAndAPurchaseCountsAsConversion() {
        int trigger = tag("新客");
        int bought = tag("已下单");
        int nudged = tag("待跟进");
        long journey = publish(draft("""
                {"trigger": {"type": "tag_added", "tagId": %d},
                 "start": "buy",
                 "steps": [
                   {"id": "buy", "type": "wait_event", "eventType": "purchase",
                    "where": [{"property": "amount", "op": "gte", "value": 100}],
                    "timeout": "P2D", "next": "yes", "elseNext": "no"},
                   {"id": "yes", "type": "tag", "add": [%d], "next": null},
                   {"id": "no", "type": "tag", "add": [%d], "next": null}
                 ],
                 "goal": {"eventType": "purchase", "windowDays": 7, "exitOnGoal": false}}""".formatted(trigger, bought, nudged)));
        long anna = customer("13800138001");
        long bo = customer("13800138002");

        tagCustomers(List.of(anna, bo), trigger);
        eventually(() -> assertThat(runs(journey, "waiting")).hasSize(2));

        purchase("13800138002", 50); // below the step's filter: still waiting
        purchase("13800138001", 299);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(1));
        assertThat(runs(journey, "done").getFirst().path("customerId").asLong()).isEqualTo(anna);
        assertThat(runs(journey, "done").getFirst().path("convertedAt").isNull())
                .isFalse();
        assertThat(tagsOf(anna)).contains("已下单").doesNotContain("待跟进");

        fastForward(journey);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(2));
        assertThat(tagsOf(bo)).contains("待跟进").doesNotContain("已下单");
        var steps = admin.get("/api/v1/journeys/" + journey + "/stats").json().path("steps");
        assertThat(steps.get(0).path("done").asLong()).isEqualTo(2);
        assertThat(steps.get(0).path("converted").asLong())
                .as("both passed it; a purchase of 50 still meets the goal, which has no filter")
                .isEqualTo(2);
    }

    @Test
    void aRewardStepGrantsPointsAndACouponOnceIntoTheLoyaltyLedger() {
        int trigger = tag("首单礼");
        long refused = draft("""
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "c",
                 "steps": [{"id": "c", "type": "reward", "kind": "coupon", "couponId": "NOPE", "next": null}]}""".formatted(trigger));
        var problem = admin.language("en").post("/api/v1/journeys/" + refused + "/publish", "{}");
        assertThat(problem.status()).as(problem.body()).isEqualTo(400);
        assertThat(problem.body()).contains("couponId");
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "WELCOME5", "name": "首单礼 5 元", "kind": "amount", "value": 5, "validDays": 14}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        long journey = publish(draft("""
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "p",
                 "steps": [{"id": "p", "type": "reward", "kind": "points", "amount": 50, "next": "c"},
                           {"id": "c", "type": "reward", "kind": "coupon", "couponId": "WELCOME5", "next": null}]}""".formatted(trigger)));
        long anna = customer("13800138031");
        long bo = customer("13800138032");

        tagCustomers(List.of(anna, bo), trigger);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(2));
        for (long c : List.of(anna, bo)) {
            var member = admin.get("/api/v1/loyalty/members/" + c).json();
            assertThat(member.path("points").asLong()).isEqualTo(50);
            assertThat(member.path("source").asString()).isEqualTo("journey");
            var coupons = admin.get("/api/v1/loyalty/members/" + c + "/coupons").json();
            assertThat(coupons).hasSize(1);
            assertThat(coupons.get(0).path("templateCode").asString()).isEqualTo("WELCOME5");
        }
        assertThat(sql.count(fixture.tenant(), "select count(*) from points_entry where source = 'journey'"))
                .isEqualTo(2);
    }

    @Test
    void aNewVersionTakesNewCustomersWhileThoseInFlightFinishOnTheirs() {
        int trigger = tag("入群");
        int first = tag("一版");
        int second = tag("二版");
        long journey = publish(draft(waitThenTag(trigger, first)));
        long anna = customer("13800138011");
        tagCustomers(List.of(anna), trigger);
        eventually(() -> assertThat(runs(journey, "waiting")).hasSize(1));

        var edited = admin.put("/api/v1/journeys/" + journey, "{\"definition\": " + waitThenTag(trigger, second) + "}");
        assertThat(edited.json().path("changed").asBoolean()).isTrue();
        var republished = admin.post("/api/v1/journeys/" + journey + "/publish", "{}");
        assertThat(republished.json().path("version").asInt()).isEqualTo(2);
        assertThat(republished.json().path("changed").asBoolean()).isFalse();
        long bo = customer("13800138012");
        tagCustomers(List.of(bo), trigger);
        eventually(() -> assertThat(runs(journey, "waiting")).hasSize(2));

        fastForward(journey);
        eventually(() -> assertThat(runs(journey, "done")).hasSize(2));
        assertThat(tagsOf(anna)).contains("一版").doesNotContain("二版");
        assertThat(tagsOf(bo)).contains("二版").doesNotContain("一版");
        assertThat(sql.list(fixture.tenant(), "select version from journey_run order by id", Integer.class))
                .containsExactly(1, 2);
    }

    @Test
    void aWebhookIsSignedAndRetriedAndARunWhoseWebhookKeepsFailingFailsWithTheReason() throws IOException {
        var calls = new CopyOnWriteArrayList<String[]>();
        var answers = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-Siyu-Signature"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                body
            });
            exchange.sendResponseHeaders(answers.incrementAndGet() == 1 ? 503 : 200, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            int trigger = tag("推送");
            int broken = tag("坏推送");
            var base = "http://127.0.0.1:" + server.getAddress().getPort();
            long ok = publish(draft(webhook(trigger, base + "/hook")));
            long failing = publish(draft(webhook(broken, base + "/broken")));
            long anna = customer("13800138021");

            tagCustomers(List.of(anna), trigger);
            tagCustomers(List.of(anna), broken);

            eventually(
                    Duration.ofSeconds(15), () -> assertThat(runs(ok, "done")).hasSize(1));
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0)[1]).as("the same key on the retry").isEqualTo(calls.get(1)[1]);
            var secret = admin.get("/api/v1/journeys/" + ok)
                    .json()
                    .path("webhookSecret")
                    .asString();
            var signature = calls.get(1)[0];
            var t = signature.substring(2, signature.indexOf(','));
            assertThat(signature).endsWith(",v1=" + JourneyWebhooks.sign(secret, t + "." + calls.get(1)[2]));
            assertThat(calls.get(1)[2]).contains("\"customerId\":" + anna);

            eventually(
                    Duration.ofSeconds(15),
                    () -> assertThat(runs(failing, "failed")).hasSize(1));
            assertThat(runs(failing, "failed").getFirst().path("error").asString())
                    .isEqualTo("HTTP 500");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aConditionAndASplitRouteEachCustomerDownOnePath() {
        int trigger = tag("分流");
        int vip = tag("VIP");
        int yes = tag("是VIP");
        int a = tag("A组");
        int b = tag("B组");
        long journey = publish(draft("""
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "vip",
                 "steps": [
                   {"id": "vip", "type": "condition", "rule": {"tags": {"any": [%d]}}, "next": "mark", "elseNext": "ab"},
                   {"id": "mark", "type": "tag", "add": [%d], "next": null},
                   {"id": "ab", "type": "split", "branches": [{"percent": 50, "next": "a"}, {"percent": 50, "next": "b"}]},
                   {"id": "a", "type": "tag", "add": [%d], "next": null},
                   {"id": "b", "type": "tag", "add": [%d], "next": null}
                 ]}""".formatted(trigger, vip, yes, a, b)));
        var customers = new ArrayList<Long>();
        for (int i = 0; i < 40; i++) {
            customers.add(customer("1390000%04d".formatted(i)));
        }
        tagCustomers(customers.subList(0, 10), vip);
        eventually(() -> assertThat(
                        admin.post("/api/v1/segments/evaluate", "{\"rule\": {\"tags\": {\"any\": [" + vip + "]}}}")
                                .json()
                                .path("count")
                                .asLong())
                .isEqualTo(10));

        tagCustomers(customers, trigger);

        eventually(() -> assertThat(runs(journey, "done")).hasSize(40));
        long vips = sql.count(fixture.tenant(), "select count(*) from customer_tag where tag_id = " + yes);
        long inA = sql.count(fixture.tenant(), "select count(*) from customer_tag where tag_id = " + a);
        long inB = sql.count(fixture.tenant(), "select count(*) from customer_tag where tag_id = " + b);
        assertThat(vips).isEqualTo(10);
        assertThat(inA + inB).isEqualTo(30);
        assertThat(inA).as("a 50/50 split of 30 is not all on one side").isBetween(5L, 25L);
    }

    @Test
    void stoppingEndsEveryRunAndAPausedJourneyHoldsItsSteps() {
        int trigger = tag("暂停测试");
        int after = tag("之后");
        long journey = publish(draft(waitThenTag(trigger, after)));
        long anna = customer("13800138031");
        tagCustomers(List.of(anna), trigger);
        eventually(() -> assertThat(runs(journey, "waiting")).hasSize(1));

        assertThat(admin.post("/api/v1/journeys/" + journey + "/pause", "{}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("paused");
        fastForward(journey);
        assertThat(admin.post("/api/v1/journeys/" + journey + "/pause", "{}").status())
                .isEqualTo(409);
        sleep(1500);
        assertThat(tagsOf(anna)).doesNotContain("之后");

        admin.post("/api/v1/journeys/" + journey + "/resume", "{}");
        eventually(() -> assertThat(tagsOf(anna)).contains("之后"));

        long bo = customer("13800138032");
        tagCustomers(List.of(bo), trigger);
        eventually(() -> assertThat(runs(journey, "waiting")).hasSize(1));
        assertThat(admin.post("/api/v1/journeys/" + journey + "/stop", "{}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("stopped");
        assertThat(runs(journey, "exited")).hasSize(1);
        assertThat(admin.delete("/api/v1/journeys/" + journey).status()).isEqualTo(409);
    }

    @Test
    void templatesComeInTheCallersLanguageAndAJourneyCanStartFromOne() {
        var zh = admin.get("/api/v1/journey-templates").json();
        var en = ApiClient.loggedIn(port, fixture.admin())
                .language("en")
                .get("/api/v1/journey-templates")
                .json();
        assertThat(zh.findValuesAsString("key"))
                .containsExactly(
                        "activation",
                        "new-customer",
                        "birthday",
                        "reactivation",
                        "community-daily",
                        "points-expiring",
                        "tier-drop-winback",
                        "member-anniversary");
        assertThat(zh.get(0).path("name").asString()).startsWith("促活 SOP");
        assertThat(en.get(0).path("name").asString()).startsWith("Activation SOP");
        assertThat(zh.get(0)
                        .path("definition")
                        .path("steps")
                        .get(0)
                        .path("text")
                        .asString())
                .contains("你好");

        var made = admin.post("/api/v1/journeys", "{\"template\": \"activation\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("name").asString()).startsWith("促活 SOP");
        assertThat(made.json().path("definition").path("steps")).hasSize(7);
        assertThat(admin.post("/api/v1/journeys", "{\"template\": \"nope\"}").status())
                .isEqualTo(400);
    }

    private String waitThenTag(int trigger, int tag) {
        return """
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "w",
                 "steps": [{"id": "w", "type": "wait", "duration": "P1D", "next": "t"},
                           {"id": "t", "type": "tag", "add": [%d], "next": null}]}""".formatted(trigger, tag);
    }

    private String webhook(int trigger, String url) {
        return """
                {"trigger": {"type": "tag_added", "tagId": %d}, "start": "h",
                 "steps": [{"id": "h", "type": "webhook", "url": "%s", "next": null}]}""".formatted(trigger, url);
    }

    private long draft(String definition) {
        var made = admin.post(
                "/api/v1/journeys",
                "{\"name\": \"旅程 " + UUID.randomUUID().toString().substring(0, 8) + "\", \"definition\": " + definition
                        + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private long publish(long id) {
        var published = admin.post("/api/v1/journeys/" + id + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private int tag(String name) {
        var group = admin.post("/api/v1/tag-groups", "{\"name\": \"组" + name + "\", \"kind\": \"attribute\"}");
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        var tag = admin.post(
                "/api/v1/tags", "{\"groupId\": " + group.json().path("id").asInt() + ", \"name\": \"" + name + "\"}");
        assertThat(tag.status()).as(tag.body()).isEqualTo(201);
        return tag.json().path("id").asInt();
    }

    private long customer(String mobile) {
        var made = admin.post("/api/v1/customers", """
                {"name": "客户%s", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile.substring(7), mobile));
        assertThat(made.status()).as(made.body()).isLessThan(300);
        return made.json().path("id").asLong();
    }

    private void tagCustomers(List<Long> customers, int tag) {
        var tagged =
                admin.post("/api/v1/tags/assignments", "{\"customerIds\": " + customers + ", \"add\": [" + tag + "]}");
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
    }

    private void purchase(String mobile, int amount) {
        var sent =
                admin.post("/api/v1/events", """
                {"events": [{"eventId": "%s", "type": "purchase", "occurredAt": "%s", "customer": {"mobile": "%s"},
                             "properties": {"orderId": "o-%s", "amount": %d, "currency": "CNY"}}]}""".formatted(UUID.randomUUID(), Instant.now(), mobile, mobile, amount));
        assertThat(sent.json().path("accepted").asInt()).as(sent.body()).isEqualTo(1);
    }

    private String tagsOf(long customer) {
        return admin.get("/api/v1/customers/" + customer + "/tags").body();
    }

    private List<JsonNode> runs(long journey, String state) {
        var all = new ArrayList<JsonNode>();
        admin.get("/api/v1/journeys/" + journey + "/runs?state=" + state)
                .json()
                .path("items")
                .forEach(all::add);
        return all;
    }

    /** The waits of the journey's runs are over now (as if their time had come). */
    private void fastForward(long journey) {
        sql.update(
                fixture.tenant(),
                "update journey_run set due_at = now() where journey_id = " + journey
                        + " and state = 'waiting' and due_at > now()");
    }

    private List<JsonNode> simMessages(SimulatedCorp corp) {
        return simList(corp, "group-messages");
    }

    private List<JsonNode> simMoments(SimulatedCorp corp) {
        return simList(corp, "moments");
    }

    private static List<JsonNode> simList(SimulatedCorp corp, String what) {
        var all = new ArrayList<JsonNode>();
        WeComSimulatorSupport.http()
                .get("/sim/corps/" + corp.corpId() + "/" + what)
                .json()
                .forEach(all::add);
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

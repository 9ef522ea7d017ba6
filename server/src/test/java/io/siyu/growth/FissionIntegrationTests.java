package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Tenancy;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.SimulatedGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 社群裂变 and 红包裂变 against the simulated corp and the stand-in payout provider: friends who join a group
 * through a participant's own group code are invites held like adds (leaving the group before the window ends
 * rejects them); red packets come out of a budget that never goes below zero, each paid exactly once.
 */
class FissionIntegrationTests extends ConnectedCorpTest {

    @Autowired
    InviteSettlement settlement;

    @Autowired
    RedPacketPayouts payouts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFriendWhoJoinsTheGroupThroughAParticipantsCodeCountsAndOneWhoLeavesWithinTheHoldDoesNot() {
        var groups = new SimulatedGroups(corp);
        var chat = groups.create("福利1群", "lina");
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from wecom_group where chat_id = '" + chat + "'"))
                .isOne());
        var code = admin.post("/api/v1/wecom/group-codes", """
                {"appId": %d, "name": "福利群", "groups": ["%s"]}""".formatted(corp.appId(), chat));
        assertThat(code.status()).as(code.body()).isEqualTo(201);
        var made = admin.post("/api/v1/campaigns", """
                {"kind": "group", "name": "拉好友进群领积分", "groupCodeId": %d, "endsAt": "%s", "holdHours": 24,
                 "stages": [{"invites": 1, "rewardKind": "points", "amount": 100}]}""".formatted(
                        code.json().path("id").asLong(), Instant.now().plus(Duration.ofDays(7))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("kind").asString()).isEqualTo("group");
        long campaign = made.json().path("id").asLong();
        admin.post("/api/v1/campaigns/" + campaign + "/start", "{}");

        long anna =
                joining(groups, code.json().path("configId").asString(), "安娜").customer();
        var joined = admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + anna + "}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        var own = joined.json().path("configId").asString();
        assertThat(own).isNotBlank().isNotEqualTo(code.json().path("configId").asString());
        assertThat(groups.joinWay(own).path("chat_id_list").get(0).asString())
                .as("the participant's own code leads to the campaign's group")
                .isEqualTo(chat);
        assertThat(admin.get("/api/v1/wecom/group-codes").json().findValuesAsString("configId"))
                .as("a participant's code is not one of the operator's")
                .doesNotContain(own);

        var bo = joining(groups, own, "博文");
        var cai = joining(groups, own, "蔡明");
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_invite where status = 'held'"))
                .isEqualTo(2));
        groups.leave(chat, cai.external());
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where left_at is not null and customer_id = "
                                + cai.customer()))
                .isOne());

        // the window passes
        sql.update(fixture.tenant(), "update campaign_invite set settles_at = now() where status = 'held'");
        Tenancy.callAs(fixture.tenant(), settlement::round);

        assertThat(invite(bo.customer())).isEqualTo("counted");
        assertThat(invite(cai.customer())).isEqualTo("rejected:left");
        var shown = admin.get("/api/v1/campaigns/" + campaign).json();
        assertThat(shown.path("counts").path("counted").asLong()).isOne();
        assertThat(shown.path("counts").path("rejected").asLong()).isOne();
        assertThat(admin.get("/api/v1/loyalty/members/" + anna)
                        .json()
                        .path("points")
                        .asLong())
                .as("the stage reached with the friend who stayed")
                .isEqualTo(100);
    }

    @Test
    void concurrentGrantsTakeExactlyWhatTheBudgetCoversAndNeverGoBelowZero() throws Exception {
        long campaign = campaign(1_000, "[{\"invites\": 1, \"rewardKind\": \"red_packet\", \"amount\": 300}]");
        dueInvites(campaign, 40, "now()");

        var pool = Executors.newFixedThreadPool(8);
        var settlers = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            settlers.add(() -> Tenancy.callAs(fixture.tenant(), settlement::round));
        }
        pool.invokeAll(settlers);
        pool.shutdown();
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from campaign_invite where status = 'held'"))
                .isZero());

        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_red_packet"))
                .isEqualTo(3);
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'granted'"))
                .isEqualTo(3);
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'out_of_budget'"))
                .isEqualTo(37);
        var budget = admin.get("/api/v1/campaigns/" + campaign + "/budget").json();
        assertThat(budget.path("budget").path("remaining").asLong()).isEqualTo(100);
        assertThat(sql.count(fixture.tenant(), "select sum(amount) from campaign_budget_entry"))
                .as("remaining is the sum of the ledger")
                .isEqualTo(100);
        assertThat(budget.path("entries")).hasSize(4);
        assertThat(budget.path("outOfBudget").asLong()).isEqualTo(37);
        assertThat(admin.get("/api/v1/campaigns/" + campaign)
                        .json()
                        .path("stages")
                        .get(0)
                        .path("granted")
                        .asInt())
                .as("packets not granted give their stock back")
                .isEqualTo(3);

        Tenancy.callAs(fixture.tenant(), payouts::round);
        assertThat(sql.count(fixture.tenant(), "select count(*) from simulated_payout where amount = 3.00"))
                .isEqualTo(3);
        var paid = admin.get("/api/v1/campaigns/" + campaign).json().path("budget");
        assertThat(paid.path("paid").asLong()).isEqualTo(900);
        assertThat(paid.path("reserved").asLong()).isZero();
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/red-packets")
                        .json()
                        .path("items")
                        .findValuesAsString("status"))
                .containsOnly("paid")
                .hasSize(3);

        var topped = admin.post("/api/v1/campaigns/" + campaign + "/budget/top-ups", """
                {"amount": 500, "note": "追加预算"}""");
        assertThat(topped.status()).as(topped.body()).isEqualTo(200);
        assertThat(topped.json().path("remaining").asLong()).isEqualTo(600);
        assertThat(topped.json().path("toppedUp").asLong()).isEqualTo(1_500);
    }

    @Test
    void aRandomRedPacketStaysWithinItsRangeAndOneThePoviderPaidBeforeACrashIsRecordedNotPaidAgain() {
        long campaign = campaign(
                500, "[{\"invites\": 1, \"rewardKind\": \"red_packet\", \"amount\": 100, \"amountMax\": 200}]");
        dueInvites(campaign, 1, "now() + interval '1 hour'");
        // the window passes, the packet is granted, the provider pays it, and Siyu stops before it writes that down
        // (all in one transaction, so background work sees none of it before it all happened)
        Tenancy.callAs(
                fixture.tenant(),
                () -> transactions.execute(s -> {
                    jdbc.sql("update campaign_invite set settles_at = now()").update();
                    settlement.round();
                    var packet = jdbc.sql("select id, customer_id, amount from campaign_red_packet")
                            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                            .single();
                    jdbc.sql(
                                    "insert into simulated_payout (payout_key, customer_id, amount, purpose) values (?, ?, ?, '红包奖励')")
                            .params(
                                    RedPacketPayouts.key(packet[0]),
                                    packet[1],
                                    java.math.BigDecimal.valueOf(packet[2], 2))
                            .update();
                    return null;
                }));
        long amount = sql.single(fixture.tenant(), "select amount from campaign_red_packet", Long.class);
        assertThat(amount).isBetween(100L, 200L);

        Tenancy.callAs(fixture.tenant(), payouts::round);
        Tenancy.callAs(fixture.tenant(), payouts::round);

        assertThat(sql.count(fixture.tenant(), "select calls from simulated_payout"))
                .as("the provider was asked, not told to pay again")
                .isOne();
        assertThat(sql.single(fixture.tenant(), "select status from campaign_red_packet", String.class))
                .isEqualTo("paid");
        var budget = admin.get("/api/v1/campaigns/" + campaign).json().path("budget");
        assertThat(budget.path("paid").asLong()).isEqualTo(amount);
        assertThat(budget.path("remaining").asLong()).isEqualTo(500 - amount);
    }

    @Test
    void badBudgetsAndRedPacketsAreRefusedNamingTheFieldInTheCallersLanguage() {
        long code = channelCode();
        var body = """
                {"name": "红包裂变", "channelCodeId": %d, "endsAt": "%s", "budget": %s,
                 "stages": [{"invites": 1, "rewardKind": "red_packet", "amount": 300, "amountMax": 200}]}""";
        var ends = Instant.now().plus(Duration.ofDays(3));
        var negative = admin.language("en").post("/api/v1/campaigns", body.formatted(code, ends, "-1"));
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("budget", "stages[0].amountMax");
        assertThat(negative.body()).contains("never negative").contains("at least the smallest");

        var none = admin.language("zh-CN").post("/api/v1/campaigns", """
                        {"kind": "group", "name": "红包裂变", "endsAt": "%s",
                         "stages": [{"invites": 1, "rewardKind": "red_packet", "amount": 10}]}""".formatted(ends));
        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("groupCodeId", "budget", "stages[0].amount");
        assertThat(none.body()).contains("红包预算").contains("红包金额");
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign")).isZero();

        long campaign = campaign(100, "[{\"invites\": 1, \"rewardKind\": \"red_packet\", \"amount\": 50}]");
        var topUp = admin.language("en").post("/api/v1/campaigns/" + campaign + "/budget/top-ups", "{\"amount\": -5}");
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(400);
        assertThat(topUp.json().path("errors").findValuesAsString("field")).containsExactly("amount");
        assertThat(sql.count(fixture.tenant(), "select sum(amount) from campaign_budget_entry"))
                .isEqualTo(100);
    }

    @Autowired
    FissionDemo demo;

    @Test
    void theDemoHasAGroupCampaignAndARedPacketCampaignWhoseLedgersAddUp() {
        var end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        int granted = Tenancy.callAs(fixture.tenant(), () -> transactions.execute(s -> demo.load(5_000, 2026, end)));
        assertThat(granted).isPositive();
        var campaigns = admin.get("/api/v1/campaigns").json().path("items");
        assertThat(campaigns.findValuesAsString("kind")).containsExactlyInAnyOrder("group", "task");
        for (var campaign : campaigns) {
            long id = campaign.path("id").asLong();
            var ledger = admin.get("/api/v1/campaigns/" + id + "/budget").json();
            long sum = 0;
            for (var entry : ledger.path("entries")) {
                sum += entry.path("amount").asLong();
            }
            assertThat(sum)
                    .as("remaining is the sum of the ledger")
                    .isEqualTo(campaign.path("budget").path("remaining").asLong());
            assertThat(admin.get("/api/v1/campaigns/" + id + "/red-packets")
                            .json()
                            .path("items"))
                    .isNotEmpty();
        }
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_reward where status = 'out_of_budget'"))
                .as("the red-packet campaign's budget ran out")
                .isPositive();
        assertThat(sql.count(fixture.tenant(), "select count(*) from campaign_invite where reason = 'left'"))
                .isPositive();
        assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from campaign_red_packet p where status = 'paid' and not exists (select 1"
                                + " from simulated_payout s where s.customer_id = p.customer_id)"))
                .as("the provider holds every packet paid")
                .isZero();
    }

    private record Joiner(String external, long customer) {}

    /** A new WeChat user scans a 加入群聊 code; answers them once Siyu has the join. */
    private Joiner joining(SimulatedGroups groups, String configId, String name) {
        var external = groups.scan(configId, name).path("externalUserId").asString();
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where customer_id is not null and member_id = '"
                                + external + "'"))
                .isOne());
        return new Joiner(
                external,
                sql.single(
                        fixture.tenant(),
                        "select customer_id from wecom_group_member where member_id = '" + external + "'",
                        Long.class));
    }

    private String invite(long invitee) {
        return sql.single(
                fixture.tenant(),
                "select status || coalesce(':' || reason, '') from campaign_invite where invitee_id = " + invitee,
                String.class);
    }

    private long channelCode() {
        var made = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "红包活码 %d", "staff": ["lina"]}""".formatted(corp.appId(), System.nanoTime() % 1000));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    /** A running 任务宝 campaign with a red-packet budget of {@code budget} fen. */
    private long campaign(long budget, String stages) {
        var made = admin.post("/api/v1/campaigns", """
                {"name": "邀好友领红包", "channelCodeId": %d, "endsAt": "%s", "budget": %d, "stages": %s}""".formatted(
                        channelCode(), Instant.now().plus(Duration.ofDays(7)), budget, stages));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + id + "/start", "{}").status())
                .isEqualTo(200);
        return id;
    }

    /** Participants with one friend's invite each, as the listener writes them, due then; each friend a contact. */
    private void dueInvites(long campaign, int participants, String due) {
        sql.update(fixture.tenant(), """
                insert into customer (tenant_id, id, display_name, anonymous, first_seen_at, created_at)
                select siyu_current_tenant(), 9000000 + n, '参与者' || n, false, now(), now() from generate_series(1, %d) n;
                insert into campaign_participant (campaign_id, customer_id, code_id)
                select %d, 9000000 + n, 9000000 + n from generate_series(1, %d) n;
                insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, settles_at)
                select %d, 8000000 + p.customer_id, p.id, now(), 'held', %s from campaign_participant p
                where p.campaign_id = %d;
                insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at)
                select %d, 'wm-' || n, 'lina', 17000000 + n, now() from generate_series(1, %d) n""".formatted(
                        participants, campaign, participants, campaign, due, campaign, corp.appId(), participants));
    }
}

package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The referral view over a graph with known answers: campaign A (1 invites 2, 3 and 5; 2 invites 4), campaign B a
 * day later (3, invited in A, invites 7 and 2; 7 invites 8), and 8 refers member 9 the day after. Figures are
 * worked out by hand in the comments and, where another reading exists, checked against it.
 */
class ReferralIntegrationTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CampaignStats campaignStats;

    @Autowired
    KocCandidates candidates;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Fixture fixture;
    ApiClient admin;
    LocalDate day;
    Instant t0;
    long a;
    long b;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        sql.customers(fixture.tenant(), "客户", 20);
        day = LocalDate.now(ZONE).minusDays(10);
        t0 = day.atTime(1, 0).atZone(ZONE).toInstant();
        a = campaign("A", -1);
        b = campaign("B", -2);
        long p1 = participant(a, 1, null, 0);
        long p2 = participant(a, 2, p1, 2);
        long p3 = participant(a, 3, p1, 6);
        participant(a, 4, p2, 12);
        invite(a, 2, p1, 1, "counted");
        invite(a, 5, p1, 3, "counted");
        invite(a, 6, p1, 4, "rejected");
        invite(a, 3, p1, 5, "counted");
        invite(a, 4, p2, 11, "counted");
        long q3 = participant(b, 3, null, 24);
        long q7 = participant(b, 7, q3, 28);
        participant(b, 8, q7, 34);
        participant(b, 2, q3, 26);
        invite(b, 2, q3, 25, "counted");
        invite(b, 7, q3, 27, "counted");
        invite(b, 8, q7, 33, "counted");
        invite(b, 11, q7, 35, "held");
        sql.update(fixture.tenant(), """
                insert into member (customer_id, member_no, source, joined_at, referral_code, referred_by)
                values (8, 'M8', 'test', '%s', 'R8', null), (9, 'M9', 'test', '%s', 'R9', 8)""".formatted(t0, t0.plus(Duration.ofHours(48))));
    }

    long campaign(String name, long code) {
        return sql.single(
                fixture.tenant(),
                """
                insert into campaign (name, app_id, channel_code_id, status, starts_at, ends_at)
                values ('%s', 0, %d, 'ended', '%s', '%s') returning id""".formatted(name, code, t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(5))),
                Long.class);
    }

    long participant(long campaign, long customer, Long invitedBy, int hours) {
        return sql.single(
                fixture.tenant(),
                """
                insert into campaign_participant (campaign_id, customer_id, code_id, invited_by, joined_at, counted)
                values (%d, %d, %d, %s, '%s', 0) returning id""".formatted(
                        campaign, customer, -(campaign * 100 + customer), invitedBy, t0.plus(Duration.ofHours(hours))),
                Long.class);
    }

    void invite(long campaign, long invitee, long participant, int hours, String status) {
        var at = t0.plus(Duration.ofHours(hours));
        sql.update(fixture.tenant(), """
                insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, settles_at)
                values (%d, %d, %d, '%s', '%s', '%s')""".formatted(campaign, invitee, participant, at, status, at));
        if (status.equals("counted")) {
            sql.update(
                    fixture.tenant(),
                    "update campaign_participant set counted = counted + 1 where id = " + participant);
        }
    }

    JsonNode view(String query) {
        var response = admin.get("/api/v1/growth/referrals" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode campaignIn(JsonNode view, long id) {
        for (var c : view.path("campaigns")) {
            if (c.path("id").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("no campaign " + id + " in " + view);
    }

    static List<String> generations(JsonNode campaign) {
        var list = new ArrayList<String>();
        campaign.path("generations")
                .forEach(g -> list.add(g.path("depth").asInt() + ":"
                        + g.path("participants").asLong() + ":"
                        + (g.path("ratio").isNull() ? "-" : g.path("ratio").asDouble())));
        return list;
    }

    @Test
    void chainsAcrossTwoCampaignsGiveEachCampaignItsKFactorCycleTimeAndDepths() {
        var view = view("");
        var campaignA = campaignIn(view, a);
        // A: 4 participants, 4 counted (1→2, 1→5, 1→3, 2→4; 1→6 was rejected); joins after the inviter 2h, 6h, 10h
        assertThat(campaignA.path("participants").asLong()).isEqualTo(4);
        assertThat(campaignA.path("counted").asLong()).isEqualTo(4);
        assertThat(campaignA.path("kFactor").asDouble()).isEqualTo(1.0);
        assertThat(campaignA.path("cycleHours").asDouble()).isEqualTo(6.0);
        assertThat(generations(campaignA)).containsExactly("0:1:-", "1:2:2.0", "2:1:0.5");
        var campaignB = campaignIn(view, b);
        // B: 4 participants, 3 counted (the held invite of 11 does not count); joins after 2h, 4h, 6h
        assertThat(campaignB.path("kFactor").asDouble()).isEqualTo(0.75);
        assertThat(campaignB.path("cycleHours").asDouble()).isEqualTo(4.0);
        assertThat(campaignB.path("maxDepth").asInt()).isEqualTo(2);
        // the per-campaign dashboard reads the same campaign the same way
        var stats = Tenancy.callAs(fixture.tenant(), () -> campaignStats.stats(b));
        assertThat(campaignB.path("kFactor").asDouble()).isEqualTo(stats.kFactor());
        assertThat(campaignB.path("cycleHours").asDouble()).isEqualTo(stats.cycleHours());

        var figures = view.path("figures");
        assertThat(figures.path("customers").asLong()).as("1, 2, 3, 4, 7, 8").isEqualTo(6);
        assertThat(figures.path("participants").asLong()).isEqualTo(8);
        assertThat(figures.path("counted").asLong()).isEqualTo(7);
        assertThat(figures.path("memberReferrals").asLong()).isEqualTo(1);
        assertThat(figures.path("kFactor").asDouble()).as("7 / 8").isEqualTo(0.88);
        assertThat(figures.path("cycleHours").asDouble())
                .as("median of 2, 2, 4, 6, 6, 10")
                .isEqualTo(5.0);
        // across campaigns: 1 → 3 (A) → 7 (B) → 8 (B) → 9 (member referral)
        assertThat(figures.path("maxDepth").asInt()).isEqualTo(4);
        var depths = new ArrayList<String>();
        view.path("depths")
                .forEach(d -> depths.add(
                        d.path("depth").asInt() + ":" + d.path("customers").asLong()));
        assertThat(depths).containsExactly("0:1", "1:3", "2:2", "3:1", "4:1");
    }

    @Test
    void topInvitersCountInvitesAcrossCampaignsAndMemberReferralsWithTheirDeepestChain() {
        var inviters = view("").path("inviters");
        var rows = new ArrayList<String>();
        inviters.forEach(i ->
                rows.add(i.path("customerId").asLong() + " " + i.path("invites").asInt() + " "
                        + i.path("campaigns").asInt() + " " + i.path("chain").asInt()));
        // 1: three in A, a chain of four below; 3: one in B... see the class comment
        assertThat(rows).containsExactly("1 3 1 4", "3 2 2 3", "7 1 1 2", "2 1 2 1", "8 1 1 1");
        assertThat(inviters.get(0).path("name").asString()).isEqualTo("客户1");
        assertThat(inviters.get(4).path("memberReferrals").asInt()).isEqualTo(1);
        // independent: counted invites per inviting customer, straight from the tables
        var counted = sql.list(fixture.tenant(), """
                select p.customer_id || ' ' || count(*) from campaign_invite i
                join campaign_participant p on p.id = i.participant_id
                where i.status = 'counted' group by p.customer_id order by count(*) desc, p.customer_id""", String.class);
        assertThat(counted).containsExactly("1 3", "3 2", "2 1", "7 1");

        var graph = view("?graph=1").path("graph");
        var nodes = new ArrayList<Long>();
        graph.path("nodes").forEach(n -> nodes.add(n.path("customerId").asLong()));
        assertThat(nodes)
                .as("everyone customer 1 brought in, however far")
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L);
        assertThat(graph.path("edges")).hasSize(8);
    }

    @Test
    void aRangeCountsOnlyWhatHappenedInIt() {
        var next = day.plusDays(1);
        var view = view("?from=" + next + "&to=" + next);
        assertThat(view.path("campaigns")).hasSize(1);
        assertThat(campaignIn(view, b).path("participants").asLong()).isEqualTo(4);
        assertThat(view.path("figures").path("counted").asLong()).isEqualTo(3);
        assertThat(view.path("figures").path("memberReferrals").asLong()).isZero();
        // 3 → 2, 3 → 7 → 8: two generations below 3
        assertThat(view.path("figures").path("maxDepth").asInt()).isEqualTo(2);
        assertThat(view.path("inviters").get(0).path("customerId").asLong()).isEqualTo(3);
        assertThat(view("?from=" + day.minusDays(30) + "&to=" + day.minusDays(20))
                        .path("figures")
                        .path("participants")
                        .asLong())
                .isZero();
    }

    @Test
    void impossibleRangesAreRefusedNamingTheFieldInTheCallersLanguage() {
        var backwards = admin.get("/api/v1/growth/referrals?from=2026-03-10&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").findValuesAsString("field")).containsExactly("to");
        assertThat(backwards.body()).contains("结束日期不能早于开始日期");
        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");
        var tooLong = english.get("/api/v1/growth/referrals?from=2025-01-01&to=2026-06-01&top=0");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("to", "top");
        assertThat(tooLong.body()).contains("at most 366 days");
        var future = english.get(
                "/api/v1/growth/referrals?from=" + LocalDate.now(ZONE).plusDays(3));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(admin.get("/api/v1/growth/referrals?from=2026-02-30").status())
                .as("no such day")
                .isEqualTo(400);
    }

    List<Long> tagged() {
        return sql.list(fixture.tenant(), """
                select customer_id from customer_tag where tag_id = (select koc_tag_id from referral_setting)
                order by customer_id""", Long.class);
    }

    @Test
    void kocCandidatesAreTaggedOnceAndLoseTheTagBelowTheThreshold() {
        var set = admin.put("/api/v1/growth/referrals/koc", "{\"threshold\": 2}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("candidates").asLong()).isEqualTo(2);
        assertThat(tagged()).containsExactly(1L, 3L);
        assertThat(sql.single(
                        fixture.tenant(),
                        "select name from tag where id = (select koc_tag_id from referral_setting)",
                        String.class))
                .isEqualTo("KOC 候选");
        var again = Tenancy.callAs(fixture.tenant(), () -> transactions.execute(s -> candidates.mark()));
        assertThat(again).isEqualTo(new KocCandidates.Marking(0, 0, 2));
        long history = sql.count(fixture.tenant(), "select count(*) from customer_tag_history");
        Tenancy.callAs(fixture.tenant(), () -> transactions.execute(s -> candidates.mark()));
        assertThat(sql.count(fixture.tenant(), "select count(*) from customer_tag_history"))
                .as("a marking with nothing new writes nothing")
                .isEqualTo(history);
        var inviters = view("").path("inviters");
        assertThat(inviters.get(0).path("koc").asBoolean()).isTrue();
        assertThat(inviters.get(2).path("koc").asBoolean()).isFalse();

        admin.put("/api/v1/growth/referrals/koc", "{\"threshold\": 3}");
        assertThat(tagged()).containsExactly(1L);
        // customer 2 reaches three counted invites: the next marking adds them
        long p2 = sql.single(
                fixture.tenant(),
                "select id from campaign_participant where campaign_id = " + a + " and customer_id = 2",
                Long.class);
        invite(a, 12, p2, 13, "counted");
        invite(a, 13, p2, 14, "counted");
        var marking = Tenancy.callAs(fixture.tenant(), () -> transactions.execute(s -> candidates.mark()));
        assertThat(marking).isEqualTo(new KocCandidates.Marking(1, 0, 2));
        assertThat(tagged()).containsExactly(1L, 2L);
        var bad = admin.language("en").put("/api/v1/growth/referrals/koc", "{\"threshold\": 0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("from 1 to 10,000");
    }
}

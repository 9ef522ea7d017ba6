package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Customer groups against the WeCom simulator: a full sync finds groups with their members (customers made
 * known to Siyu), reads members again only when WeCom's member_version changed, and marks groups WeCom no
 * longer has as dismissed; callbacks apply joins, leaves and dismissals as they happen.
 */
class GroupChatIntegrationTests extends IntegrationTest {

    @Autowired
    GroupChats groupChats;

    @Autowired
    WeComApps apps;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    @Test
    void aSyncPicksUpGroupsAndTheirMembersSkipsUnchangedOnesAndMarksADismissedGroup() throws Exception {
        var corp = SimulatedCorp.connect(port, admin, false); // no callbacks: only the sync can tell
        var groups = new SimulatedGroups(corp);
        var chat = groups.create("老客户群", "lina");
        var xiaoming = groups.join(chat, "小明");
        groups.join(chat, "小红");

        var first = sync(corp);

        assertThat(first.total()).as("the demo's two groups and the new one").isEqualTo(3);
        assertThat(first.added()).isEqualTo(3);
        var listed = listed(corp, false);
        var group = find(listed, chat);
        assertThat(group.path("name").asString()).isEqualTo("老客户群");
        assertThat(group.path("ownerName").asString()).isEqualTo("李娜");
        assertThat(group.path("memberCount").asInt()).isEqualTo(3);
        assertThat(group.path("customerCount").asInt()).isEqualTo(2);
        long customer = sql.single(
                fixture.tenant(),
                "select customer_id from wecom_group_member where member_id = '" + xiaoming + "'",
                Long.class);
        var profile = admin.get("/api/v1/customers/" + customer).json();
        assertThat(profile.path("name").asString()).isEqualTo("小明");
        assertThat(profile.toString()).contains(corp.corpId() + ":" + xiaoming);

        var again = sync(corp);
        assertThat(again.unchanged())
                .as("member_version unchanged: members not read")
                .isEqualTo(3);
        assertThat(again.changed()).isZero();

        groups.leave(chat, xiaoming);
        groups.dismiss(chat, false);
        var third = sync(corp);

        assertThat(third.dismissed()).isEqualTo(1);
        assertThat(third.total()).isEqualTo(2);
        assertThat(listed(corp, false).valueStream().map(g -> g.path("chatId").asString()))
                .doesNotContain(chat);
        assertThat(find(listed(corp, true), chat).path("dismissed").asBoolean()).isTrue();
    }

    @Test
    void callbacksRecordJoinsAndLeavesWithTheirTimesAndADismissal() throws Exception {
        var corp = SimulatedCorp.connect(port, admin, true);
        var groups = new SimulatedGroups(corp);
        var chat = groups.create("新品体验群", "wangfang");
        var guest = groups.join(chat, "阿杰");
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where member_id = '" + guest
                                + "' and left_at is null"))
                .isEqualTo(1));

        groups.leave(chat, guest);

        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_group_member where member_id = '" + guest
                                + "' and left_at is not null and left_at >= joined_at"))
                .isEqualTo(1));
        assertThat(find(listed(corp, false), chat).path("memberCount").asInt()).isEqualTo(1);

        groups.join(chat, "回头客");
        groups.dismiss(chat, true);

        eventually(() -> assertThat(
                        find(listed(corp, true), chat).path("dismissed").asBoolean())
                .isTrue());
    }

    private GroupChats.Counts sync(SimulatedCorp corp) {
        return Tenancy.callAs(fixture.tenant(), () -> {
            var app = java.util.Objects.requireNonNull(transactions.execute(s -> apps.find(corp.appId())))
                    .orElseThrow();
            return groupChats.sync(app);
        });
    }

    private JsonNode listed(SimulatedCorp corp, boolean includeDismissed) {
        var listed = admin.get("/api/v1/wecom/apps/" + corp.appId() + "/groups?includeDismissed=" + includeDismissed);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    private static JsonNode find(JsonNode groups, String chatId) {
        return groups.valueStream()
                .filter(g -> g.path("chatId").asString().equals(chatId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(chatId + " not in " + groups));
    }
}

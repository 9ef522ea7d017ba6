package io.siyu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityMergeIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    static String identity(String type, String value) {
        return "{\"type\": \"%s\", \"value\": \"%s\"}".formatted(type, value);
    }

    static String verifiedMobile(String value) {
        return "{\"type\": \"mobile\", \"value\": \"%s\", \"verified\": true}".formatted(value);
    }

    ApiClient.Response upsert(String fields, String... identities) {
        var body = "{\"identities\": [" + String.join(",", identities) + "]" + (fields.isEmpty() ? "" : ", " + fields)
                + "}";
        return admin.post("/api/v1/customers", body);
    }

    long create(String fields, String... identities) {
        var response = upsert(fields, identities);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    JsonNode profile(long id) {
        var response = admin.get("/api/v1/customers/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aWriteWithTheSameUnionidMergesTwoProfilesAndKeepsTheHistory() {
        long a = create("\"name\": \"张三\"", identity("openid", "wxapp:o-1"));
        long b = create("\"city\": \"上海\"", identity("wecomExternalUserId", "ww1:wm-1"));
        var linked = upsert("", identity("wecomExternalUserId", "ww1:wm-1"), identity("unionid", "U-1"));
        assertThat(linked.status())
                .as("a new unionid joins the profile it came with")
                .isEqualTo(200);
        assertThat(linked.json().path("id").asLong()).isEqualTo(b);

        var merged = upsert("", identity("openid", "wxapp:o-1"), identity("unionid", "U-1"));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("id").asLong())
                .as("the older profile survives")
                .isEqualTo(a);
        var survivor = profile(b);
        assertThat(survivor.path("id").asLong())
                .as("a merged-away id resolves to the survivor")
                .isEqualTo(a);
        assertThat(survivor.path("requestedId").asLong()).isEqualTo(b);
        assertThat(survivor.path("members").valueStream().map(JsonNode::asLong)).containsExactly(a, b);
        assertThat(survivor.path("city").path("name").asString())
                .as("empty fields are filled")
                .isEqualTo("上海");
        assertThat(survivor.path("name").asString()).isEqualTo("张三");
        var history = survivor.path("merges").get(0);
        assertThat(history.path("rule").asString()).isEqualTo("unionid");
        assertThat(history.path("survivorId").asLong()).isEqualTo(a);
        assertThat(history.path("mergedId").asLong()).isEqualTo(b);
        assertThat(history.path("actor").asString()).isEqualTo(fixture.admin());
        assertThat(survivor.path("identities")
                        .valueStream()
                        .map(i -> i.path("value").asString()))
                .containsExactlyInAnyOrder("wxapp:o-1", "ww1:wm-1", "U-1");
        assertThat(admin.get("/api/v1/customers?q=张")
                        .json()
                        .path("items")
                        .valueStream()
                        .map(c -> c.path("id").asLong()))
                .as("the list shows the survivor only")
                .containsExactly(a);
    }

    @Test
    void identitiesOfTwoProfilesWithoutAStrongLinkAreAConflictNotAMerge() {
        long a = create("", identity("openid", "wxapp:o-2"));
        long b = create("", identity("mobile", "13900000002"));

        var response = upsert("", identity("openid", "wxapp:o-2"), identity("mobile", "13900000002"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("code").asString()).isEqualTo("customer.identity.conflict");
        assertThat(profile(a).path("members")).hasSize(1);
        assertThat(profile(b).path("id").asLong()).isEqualTo(b);
    }

    @Test
    void aVerifiedMobileMergesAndChainsResolveToOneSurvivor() {
        long a = create("", identity("openid", "wxapp:o-3"), verifiedMobile("13900000003"));
        long b = create("", identity("wecomExternalUserId", "ww1:wm-3"), verifiedMobile("13900000004"));
        long c = create("", identity("email", "c3@example.com"));

        // A~B through A's verified mobile would give one person two verified mobiles: refused.
        var refused = upsert("", identity("wecomExternalUserId", "ww1:wm-3"), identity("mobile", "13900000003"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("customer.merge.conflict");

        // B~C through B's verified mobile, then A~B by an explicit link (two phones are allowed there).
        var bc = upsert("", identity("email", "c3@example.com"), identity("mobile", "13900000004"));
        assertThat(bc.status()).as(bc.body()).isEqualTo(200);
        assertThat(bc.json().path("id").asLong()).isEqualTo(b);
        var link = admin.post("/api/v1/customers/" + c + "/links", "{\"customerId\": " + a + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);

        for (long id : List.of(a, b, c)) {
            assertThat(profile(id).path("id").asLong()).isEqualTo(a);
        }
        assertThat(profile(a).path("members").valueStream().map(JsonNode::asLong))
                .containsExactly(a, b, c);
        assertThat(count("select count(*) from customer_merge where undone_at is null"))
                .isEqualTo(2);
    }

    @Test
    void anExplicitLinkCannotJoinTwoUnionids() {
        long a = create("", identity("unionid", "U-5a"));
        long b = create("", identity("unionid", "U-5b"));

        var response = admin.post("/api/v1/customers/" + a + "/links", "{\"customerId\": " + b + "}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("code").asString()).isEqualTo("customer.merge.conflict");
    }

    @Test
    void concurrentMergesOfTheSamePeopleEndInOneProfile() throws Exception {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            // One person has one openid per app: six apps, six openids, one unionid.
            ids.add(create("", identity("openid", "wxapp" + i + ":o-c")));
        }
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            tasks.add(() -> upsert("", identity("openid", "wxapp" + n + ":o-c"), identity("unionid", "U-c"))
                    .status());
        }
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(200);
            }
        }

        var roots = ids.stream()
                .map(id -> profile(id).path("id").asLong())
                .distinct()
                .toList();
        assertThat(roots).containsExactly(ids.getFirst());
        assertThat(count("select count(*) from customer_merge where undone_at is null"))
                .isEqualTo(5);
        assertThat(count("select count(*) from customer where survivor_id is null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from customer_identity where type = 'unionid'"))
                .isEqualTo(1);
    }

    @Test
    void anUnmergeAfterFurtherEventsGivesTheMergedProfileItsIdentitiesEventsAndFieldsBack() {
        long a = create("\"gender\": \"female\"", identity("openid", "wxapp:o-6"));
        long b = create("\"name\": \"李四\"", identity("wecomExternalUserId", "ww1:wm-6"));
        upsert("", identity("openid", "wxapp:o-6"), identity("unionid", "U-6"));
        var merge = upsert("", identity("wecomExternalUserId", "ww1:wm-6"), identity("unionid", "U-6"));
        assertThat(merge.json().path("id").asLong()).isEqualTo(a);
        assertThat(profile(a).path("name").asString()).isEqualTo("李四");

        var at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        var sent = admin.post("/api/v1/events", """
                {"events": [{"eventId": "after-merge", "type": "view", "occurredAt": "%s",
                             "customer": {"wecomExternalUserId": "ww1:wm-6"}}]}""".formatted(at));
        assertThat(sent.json().path("results").get(0).path("customerId").asLong())
                .as("an event for the merged profile is reported against the survivor")
                .isEqualTo(a);
        eventually(() -> assertThat(profile(a).path("lastActiveAt").asString())
                .as("the event's time reaches the profile after the commit")
                .isEqualTo(at.toString()));
        long mergeId = profile(a).path("merges").get(0).path("id").asLong();

        var undo = admin.post("/api/v1/customer-merges/" + mergeId + "/undo", "{}");

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().path("undoneBy").asString()).isEqualTo(fixture.admin());
        var split = profile(b);
        assertThat(split.path("id").asLong()).isEqualTo(b);
        assertThat(split.path("identities")
                        .valueStream()
                        .map(i -> i.path("value").asString()))
                .containsExactly("ww1:wm-6");
        assertThat(split.path("lastActiveAt").asString()).isEqualTo(at.toString());
        assertThat(count("select count(*) from event where event_id = 'after-merge' and customer_id = " + b))
                .isEqualTo(1);
        var survivor = profile(a);
        assertThat(survivor.path("name").asString())
                .as("the filled-in name goes back")
                .isEmpty();
        assertThat(survivor.path("gender").asString()).isEqualTo("female");
        assertThat(survivor.path("lastActiveAt").isNull()).isTrue();
        assertThat(admin.post("/api/v1/customer-merges/" + mergeId + "/undo", "{}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anEventWithTwoIdentitiesFollowsTheMergeRulesWithoutLosingTheEvent() {
        long a = create("", identity("openid", "wxapp:o-7"));
        long b = create("", identity("wecomExternalUserId", "ww1:wm-7"));
        var at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);

        var weak = admin.post("/api/v1/events", """
                {"events": [{"eventId": "two-ids-1", "type": "view", "occurredAt": "%s",
                             "customer": {"openid": "wxapp:o-7", "email": "x7@example.com"}},
                            {"eventId": "two-ids-2", "type": "view", "occurredAt": "%s",
                             "customer": {"wecomExternalUserId": "ww1:wm-7", "openid": "wxapp:o-7"}}]}""".formatted(at, at));
        assertThat(weak.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from customer_merge"))
                .as("no strong link: no merge")
                .isZero();

        var strong = admin.post("/api/v1/events", """
                {"events": [{"eventId": "two-ids-3", "type": "view", "occurredAt": "%s",
                             "customer": {"wecomExternalUserId": "ww1:wm-7", "openid": "wxapp:o-7", "unionid": "U-7"}}]}""".formatted(at));
        assertThat(strong.json().path("results").get(0).path("customerId").asLong())
                .isEqualTo(a);
        assertThat(profile(b).path("id").asLong()).isEqualTo(a);
        assertThat(count("select count(*) from customer_identity where type = 'email' and customer_id = " + a))
                .isEqualTo(1);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}

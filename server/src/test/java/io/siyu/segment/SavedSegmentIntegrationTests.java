package io.siyu.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import tools.jackson.databind.JsonNode;

class SavedSegmentIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    MembershipTracker tracker;

    final List<SegmentMembershipChanged> published = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof SegmentMembershipChanged change) {
            published.add(change);
        }
    };

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(listener);
    }

    @Test
    void aSavedSegmentPublishesWhoEntersAndLeaves() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long a = customer(admin, "A", 3);
        long b = customer(admin, "B", 4);
        long id = create(admin, "北京客户", "{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 3}", null);

        eventually(() -> assertThat(changes(fixture.tenant(), id)).hasSize(1));
        var first = changes(fixture.tenant(), id).getFirst();
        assertThat(first.first()).isTrue();
        assertThat(first.entered()).containsExactly(a);

        assertThat(admin.patch("/api/v1/customers/" + b, "{\"city\": 3}").status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/customers/" + a, "{\"city\": 5}").status())
                .isEqualTo(200);
        eventually(() -> {
            var all = changes(fixture.tenant(), id);
            assertThat(all.stream().flatMap(c -> c.entered().stream())).containsExactly(a, b);
            assertThat(all.stream().flatMap(c -> c.exited().stream())).containsExactly(a);
        });
        var all = changes(fixture.tenant(), id);
        assertThat(all.subList(1, all.size()).stream().noneMatch(SegmentMembershipChanged::first))
                .isTrue();

        // the listener hears the change inside the transaction that records it: read once it has committed
        eventually(() -> {
            var segment = admin.get("/api/v1/segments/" + id).json();
            assertThat(segment.path("size").asLong()).isEqualTo(1);
            var sizes = admin.get("/api/v1/segments/" + id + "/sizes?days=7").json();
            var today = sizes.get(sizes.size() - 1);
            assertThat(today.path("size").asLong()).isEqualTo(1);
            assertThat(today.path("entered").asLong()).isEqualTo(2);
            assertThat(today.path("exited").asLong()).isEqualTo(1);
        });
        var members = admin.get("/api/v1/segments/" + id + "/members").json().path("items");
        assertThat(members.get(0).path("id").asLong()).isEqualTo(b);
    }

    @Test
    void anIngestedEventPublishesTheCustomerEnteringASegment() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long a = customer(admin, "V1", 1);
        long id = create(admin, "今天浏览过", "{\"event\": {\"type\": \"view\", \"lastDays\": 1}}", null);
        // Nobody viewed anything yet: the first evaluation finds the segment empty and publishes nothing.
        eventually(() -> assertThat(admin.get("/api/v1/segments/" + id)
                        .json()
                        .path("evaluatedAt")
                        .isString())
                .isTrue());
        assertThat(changes(fixture.tenant(), id)).isEmpty();

        var sent = admin.post("/api/v1/events", """
                {"events": [{"eventId": "v-1", "type": "view", "occurredAt": "%s", "customer": {"memberNo": "V1"}}]}""".formatted(
                        java.time.Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        eventually(() -> assertThat(changes(fixture.tenant(), id).stream().flatMap(c -> c.entered().stream()))
                .containsExactly(a));
        assertThat(changes(fixture.tenant(), id).getLast().first()).isFalse();
    }

    @Test
    void aRestartPublishesWhatChangedWhileDownAndNothingTwice() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long a = customer(admin, "R1", 7);
        long b = customer(admin, "R2", 8);
        long id = create(admin, "城市7", "{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 7}", null);
        eventually(() -> assertThat(changes(fixture.tenant(), id)).hasSize(1));

        tracker.stop();
        try {
            assertThat(admin.patch("/api/v1/customers/" + b, "{\"city\": 7}").status())
                    .isEqualTo(200);
        } finally {
            tracker.start();
        }
        // What the restarted tracker knows comes from the database: the snapshot and the changes after it.
        tracker.reload(fixture.tenant());
        eventually(() -> assertThat(changes(fixture.tenant(), id)).hasSize(2));
        assertThat(changes(fixture.tenant(), id).get(1).entered()).containsExactly(b);

        tracker.reload(fixture.tenant());
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(changes(fixture.tenant(), id)).hasSize(2);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aRuleTagFollowsItsSegmentAndCannotBeSetByHand() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        long a = customer(admin, "G1", 11);
        long b = customer(admin, "G2", 12);
        var group = admin.post("/api/v1/tag-groups", "{\"name\": \"属性\", \"kind\": \"attribute\"}")
                .json()
                .path("id")
                .asInt();
        int tag = admin.post("/api/v1/tags", "{\"groupId\": %d, \"name\": \"城市11\"}".formatted(group))
                .json()
                .path("id")
                .asInt();
        long id = create(admin, "城市11的人", "{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 11}", tag);

        eventually(() -> assertThat(tagNames(admin, a)).containsExactly("城市11"));
        assertThat(admin.get("/api/v1/customers/" + a + "/tags")
                        .json()
                        .get(0)
                        .path("source")
                        .asString())
                .isEqualTo("rule");
        var byHand = admin.post("/api/v1/tags/assignments", "{\"customerIds\": [%d], \"add\": [%d]}".formatted(b, tag));
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.json().path("errors").get(0).path("message").asString())
                .contains("城市11");

        assertThat(admin.patch("/api/v1/customers/" + a, "{\"city\": 12}").status())
                .isEqualTo(200);
        eventually(() -> assertThat(tagNames(admin, a)).isEmpty());

        assertThat(admin.delete("/api/v1/segments/" + id).status()).isEqualTo(204);
        var tagView = admin.get("/api/v1/tag-groups").json().get(0).path("tags").get(0);
        assertThat(tagView.path("segmentId").isMissingNode()
                        || tagView.path("segmentId").isNull())
                .isTrue();
    }

    @Test
    void everyoneInASegmentCanBeTaggedAtOnce() {
        var fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        customer(admin, "E1", 21);
        customer(admin, "E2", 21);
        customer(admin, "E3", 22);
        var group = admin.post("/api/v1/tag-groups", "{\"name\": \"活动\", \"kind\": \"campaign\"}")
                .json()
                .path("id")
                .asInt();
        int tag = admin.post("/api/v1/tags", "{\"groupId\": %d, \"name\": \"双12\"}".formatted(group))
                .json()
                .path("id")
                .asInt();
        long id = create(admin, "城市21", "{\"attribute\": \"city\", \"op\": \"eq\", \"value\": 21}", null);

        var tagged = admin.post("/api/v1/segments/" + id + "/tags", "{\"add\": [%d]}".formatted(tag));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(tagged.json().path("customers").asLong()).isEqualTo(2);
        assertThat(tagged.json().path("added").asLong()).isEqualTo(2);

        var export = admin.post("/api/v1/exports", "{\"format\": \"csv\", \"segmentId\": %d}".formatted(id));
        assertThat(export.status()).as(export.body()).isEqualTo(202);
        var job = "/api/v1/exports/" + export.json().path("id").asLong();
        eventually(() ->
                assertThat(admin.get(job).json().path("status").asString()).isEqualTo("done"));
        assertThat(admin.get(job).json().path("fileName").asString()).startsWith("城市21-");
        var lines = admin.get(job + "/file").body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines)).contains("客户E1", "客户E2").doesNotContain("客户E3");
    }

    @Test
    void badSegmentsAreRefusedNamingTheField() {
        var admin = ApiClient.loggedIn(port, tenants.create().admin()).language("en");
        var noName = admin.post("/api/v1/segments", "{\"name\": \" \", \"rule\": {\"tags\": {\"any\": []}}}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        var badRule = admin.post(
                "/api/v1/segments",
                "{\"name\": \"x\", \"rule\": {\"and\": [{\"attribute\": \"shoeSize\", \"op\": \"eq\", \"value\": 1}]}}");
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.json().path("errors").get(0).path("field").asString())
                .isEqualTo("rule.and[0].attribute");
        create(admin, "x", "{\"attribute\": \"city\", \"op\": \"isSet\"}", null);
        var twice = admin.post(
                "/api/v1/segments", "{\"name\": \"x\", \"rule\": {\"attribute\": \"city\", \"op\": \"isSet\"}}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/segments/999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/segments/999999/sizes?days=0").status()).isEqualTo(400);
    }

    private List<SegmentMembershipChanged> changes(TenantId tenant, long segment) {
        return published.stream()
                .filter(c -> c.tenantId() == tenant.value() && c.segmentId() == segment)
                .toList();
    }

    private static List<String> tagNames(ApiClient client, long customer) {
        return client.get("/api/v1/customers/" + customer + "/tags")
                .json()
                .valueStream()
                .map(t -> t.path("name").asString())
                .toList();
    }

    private static long create(ApiClient client, String name, String rule, Integer tag) {
        var response = client.post(
                "/api/v1/segments",
                "{\"name\": \"%s\", \"rule\": %s%s}".formatted(name, rule, tag == null ? "" : ", \"tagId\": " + tag));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static long customer(ApiClient client, String memberNo, int city) {
        var response = client.post(
                "/api/v1/customers",
                "{\"identities\": [{\"type\": \"memberNo\", \"value\": \"%s\"}], \"name\": \"客户%s\", \"city\": %d}"
                        .formatted(memberNo, memberNo, city));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = response.json();
        return json.path("id").asLong();
    }
}

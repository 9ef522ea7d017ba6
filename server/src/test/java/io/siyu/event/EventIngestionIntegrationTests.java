package io.siyu.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class EventIngestionIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient machine;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        var admin = ApiClient.loggedIn(port, fixture.admin());
        machine = new ApiClient(port)
                .apiKey(admin.post("/api/v1/api-keys", ApiClient.json("name", "shop", "role", "operator"))
                        .text("key"));
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    String event(String id, String type, String identity, String properties) {
        return """
                {"eventId": "%s", "type": "%s", "occurredAt": "%s", "customer": %s, "properties": %s}""".formatted(id, type, now.minusSeconds(60), identity, properties);
    }

    JsonNode send(String... events) {
        var response = machine.post("/api/v1/events", "{\"events\": [" + String.join(",", events) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void acceptsValidEventsAndStoresThemDurably() {
        var result = send(
                event("e1", "view", "{\"mobile\": \"138 0013 8000\"}", "{\"page\": \"/products/1\"}"),
                event(
                        "e2",
                        "purchase",
                        "{\"mobile\": \"+8613800138000\"}",
                        "{\"orderId\": \"o-1\", \"amount\": 99.5}"));

        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isZero();
        var customers = result.path("results")
                .valueStream()
                .map(r -> r.path("customerId").asLong())
                .distinct()
                .toList();
        assertThat(customers)
                .as("both spellings of one mobile are one customer")
                .hasSize(1);
        assertThat(count("select count(*) from event where event_id in ('e1', 'e2')"))
                .isEqualTo(2);
        assertThat(jsonOf("select properties::text from event where event_id = 'e2'"))
                .contains("\"amount\": 99.5");
    }

    @Test
    void acceptsTimesFinerThanTheDatabaseKeepsAndTreatsThemAsStored() {
        var fine =
                "{\"eventId\": \"n1\", \"type\": \"view\", \"occurredAt\": \"%s\", \"customer\": {\"memberNo\": \"N1\"}}"
                        .formatted(now.minusSeconds(30).plusNanos(123_456_789));
        assertThat(send(fine).path("accepted").asInt()).isEqualTo(1);
        assertThat(send(fine).path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void reSendingABatchChangesNothing() {
        var batch = new String[] {
            event("r1", "view", "{\"unionid\": \"u-r\"}", "{}"),
            event("r2", "share", "{\"unionid\": \"u-r\"}", "{\"channel\": \"moments\"}")
        };
        send(batch);
        var again = send(batch);

        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(2);
        assertThat(again.path("results").valueStream().map(r -> r.path("status").asString()))
                .containsOnly("duplicate");
        assertThat(count("select count(*) from event where event_id in ('r1', 'r2')"))
                .isEqualTo(2);
        assertThat(count("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void anUnknownIdentityCreatesOneAnonymousProfileThatLaterEventsFind() {
        var first = send(event("a1", "view", "{\"wecomExternalUserId\": \"ww1:wmABC\"}", "{}"));
        var second =
                send(event("a2", "favorite", "{\"wecomExternalUserId\": \"ww1:wmABC\"}", "{\"productId\": \"p9\"}"));

        long customer = first.path("results").get(0).path("customerId").asLong();
        assertThat(second.path("results").get(0).path("customerId").asLong()).isEqualTo(customer);
        assertThat(count("select count(*) from customer where anonymous and id = " + customer))
                .isEqualTo(1);
        assertThat(count("select count(*) from customer_identity where type = 'wecom' and value = 'ww1:wmABC'"))
                .isEqualTo(1);
    }

    @Test
    void rejectsOnlyTheBadRecordsAndNamesEachBadField() {
        var result = send(
                event("ok", "view", "{\"email\": \"A@Example.com\"}", "{}"),
                event("bad type", "teleport", "{\"email\": \"a@example.com\"}", "{}"),
                event("b2", "purchase", "{\"email\": \"a@example.com\"}", "{\"amount\": \"lots\", \"color\": \"red\"}"),
                event("b3", "view", "{\"mobile\": \"12\"}", "{}"),
                """
                {"eventId": "b4", "type": "view", "occurredAt": "yesterday", "customer": {"customerId": 99999}}""",
                """
                {"eventId": "b5", "type": "view", "occurredAt": "2001-01-01T00:00:00Z", "customer": {"customerId": 99999}}""",
                "17");

        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").asInt()).isEqualTo(6);
        assertThat(fieldsOf(result, 1)).contains("events[1].eventId", "events[1].type");
        assertThat(fieldsOf(result, 2))
                .containsExactlyInAnyOrder(
                        "events[2].properties.amount", "events[2].properties.color", "events[2].properties.orderId");
        assertThat(fieldsOf(result, 3)).containsExactly("events[3].customer.mobile");
        assertThat(fieldsOf(result, 4)).containsExactly("events[4].occurredAt");
        assertThat(fieldsOf(result, 5)).containsExactly("events[5].occurredAt");
        assertThat(fieldsOf(result, 6)).containsExactly("events[6]");
        assertThat(result.path("results")
                        .get(2)
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .isNotBlank();
        assertThat(count("select count(*) from event")).isEqualTo(1);
    }

    @Test
    void rejectsAnEventForACustomerNumberThatDoesNotExist() {
        var result = send(event("n1", "view", "{\"customerId\": 424242}", "{}"));

        assertThat(result.path("results")
                        .get(0)
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("event.customer.unknown");
    }

    @Test
    void aRepeatedIdInOneBatchIsRejectedOnce() {
        var result = send(
                event("d1", "view", "{\"memberNo\": \"M1\"}", "{}"),
                event("d1", "view", "{\"memberNo\": \"M1\"}", "{}"));

        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("results")
                        .get(1)
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("event.id.repeated");
    }

    @Test
    void refusesABatchOverTheLimitAndABodyThatIsNotABatch() {
        var records = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            records.append(i == 0 ? "" : ",").append("{}");
        }
        var tooMany = machine.post("/api/v1/events", "{\"events\": [" + records + "]}");
        var notAnArray = machine.post("/api/v1/events", "{\"events\": {}}");

        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.text("code")).isEqualTo("event.batch.too-large");
        assertThat(notAnArray.status()).isEqualTo(400);
        assertThat(notAnArray.json().path("errors").get(0).path("field").asString())
                .isEqualTo("events");
    }

    @Test
    void concurrentBatchesWithTheSameNewIdentityCreateOneCustomer() throws Exception {
        var threads = new java.util.ArrayList<Thread>();
        var customerIds = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                var result = send(event("c" + n, "view", "{\"openid\": \"wxapp:o-same\"}", "{}"));
                customerIds.add(result.path("results").get(0).path("customerId").asLong());
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        assertThat(customerIds).hasSize(1);
        assertThat(count("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void staffCannotSendEvents() {
        var staff = ApiClient.loggedIn(port, fixture.staff());

        assertThat(staff.post("/api/v1/events", "{\"events\": []}").status()).isEqualTo(403);
    }

    private List<String> fieldsOf(JsonNode result, int index) {
        return result.path("results")
                .get(index)
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    @Autowired
    ActivityFeed feed;

    @Test
    void lastActivityFollowsIngestedEventsAndCatchesUpAfterARestart() {
        var result = send(event("la-1", "view", "{\"mobile\": \"13700001111\"}", "{}"));
        long customer = result.path("results").get(0).path("customerId").asLong();
        var lastActive = "select coalesce(last_active_at::text, '') from customer where id = " + customer;
        var expected = jsonOf("select occurred_at::text from event where event_id = 'la-1'");

        eventually(() -> assertThat(jsonOf(lastActive)).isEqualTo(expected));

        // As if the process had died after the commit, before the new time reached the profile.
        sql.update(fixture.tenant(), "update customer set last_active_at = null where id = " + customer);
        sql.update(fixture.tenant(), "update event_feed_position set applied_through = now() - interval '1 minute'");
        feed.catchUp();

        assertThat(jsonOf(lastActive)).isEqualTo(expected);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }

    private String jsonOf(String query) {
        return sql.single(fixture.tenant(), query, String.class);
    }

    @Test
    void theCatalogListsEveryTypeWithItsSchemaAndTheVolumeJustIngested() {
        send(
                event("v1", "view", "{\"unionid\": \"u-cat\"}", "{}"),
                event("v2", "view", "{\"unionid\": \"u-cat\"}", "{}"));
        var catalog = machine.get("/api/v1/event-types").json();
        var english = machine.language("en").get("/api/v1/event-types").json();

        assertThat(catalog.valueStream().map(t -> t.path("name").asString()))
                .containsExactly(
                        "view",
                        "favorite",
                        "add_to_cart",
                        "purchase",
                        "share",
                        "message",
                        "refund",
                        "wecom_add",
                        "wecom_loss",
                        "points_expiring",
                        "tier_change",
                        "check_in",
                        "review",
                        "tier_drop_warning",
                        "member_anniversary",
                        "card_expiring");
        var purchase = catalog.get(3);
        assertThat(purchase.path("displayName").asString()).isEqualTo("购买");
        assertThat(english.get(3).path("displayName").asString()).isEqualTo("Purchase");
        assertThat(purchase.path("properties")
                        .valueStream()
                        .filter(p -> p.path("required").asBoolean())
                        .map(p -> p.path("name").asString()))
                .containsExactlyInAnyOrder("orderId", "amount");
        assertThat(catalog.get(0).path("last30Days").asLong()).isEqualTo(2);
    }
}

package io.siyu.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.spring.JqwikSpringSupport;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's main test: for random rules over random data, the members the bitmap index finds equal what
 * plain SQL finds on PostgreSQL, for the same rule — also after changes made through the API while the
 * index is live, and on later days, when relative windows have moved.
 */
@JqwikSpringSupport
class SegmentEngineOracleTests extends IntegrationTest {

    static final int CUSTOMERS = 400;
    static final String[] TYPES = {"view", "favorite", "add_to_cart", "purchase", "share", "message"};
    static final String[] CHANNELS = {"wecom", "store", "livestream"};
    static final String[] SKIN = {"干", "油", "敏感"};
    static final String[] LEVELS = {"银卡", "金卡"};
    /** Layer, level, operator: layers expand to the rules of their levels, so index and SQL must agree on them. */
    static final String[][] LAYER_LEVELS = {
        {"lifecycle", "new", "in"},
        {"lifecycle", "active", "in"},
        {"lifecycle", "churned", "notIn"},
        {"circle", "core", "in"},
        {"circle", "outer", "in"},
        {"intent", "high", "in"},
        {"intent", "none", "notIn"},
        {"growth", "regular", "in"},
        {"rfm", "important_value", "in"},
        {"rfm", "general_retain", "notIn"},
        {"rfmR", "5", "in"},
        {"rfmM", "1", "in"}
    };

    static final JsonMapper JSON = JsonMapper.builder().build();

    static TestTenants.Fixture fixture;
    static ApiClient admin;
    static final int[] tagIds = {1, 2, 3, 4, 5, 6};
    static int changes;

    @Autowired
    SegmentEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Property(tries = 150, seed = "20261129")
    void theIndexAgreesWithPlainSqlForEveryRule(@ForAll("rules") String rule, @ForAll("changes") int change) {
        ensureData();
        applyChange(change);
        var json = JSON.readTree(rule);
        var tenant = fixture.tenant();
        var zone = ZoneId.of("Asia/Shanghai");
        var today = LocalDate.now(zone);
        for (var day : List.of(today, today.plusDays(1), today.plusDays(9))) {
            eventually(() -> assertThat(Tenancy.callAs(tenant, () -> engine.members(json, day)))
                    .as("members of %s on %s", rule, day)
                    .isEqualTo(sql(tenant, json, zone, day)));
        }
    }

    private RoaringBitmap sql(TenantId tenant, tools.jackson.databind.JsonNode json, ZoneId zone, LocalDate day) {
        return Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> {
                    var parsed = engine.parse(json);
                    var compiled = new RuleSql(zone, day);
                    var members = new RoaringBitmap();
                    jdbc.sql(compiled.ids(parsed)).params(compiled.params()).query(rs -> {
                        members.add(rs.getInt(1));
                    });
                    return members;
                }));
    }

    /** A change through the API between checks, so that the index is tested while it is kept current. */
    private void applyChange(int change) {
        var random = new Random(change * 31L + changes++);
        int customer = 1 + random.nextInt(CUSTOMERS);
        switch (change % 4) {
            case 0 -> {
                var at =
                        Instant.now().minus(random.nextInt(40), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                var response = admin.post("/api/v1/events", """
                        {"events": [{"eventId": "x-%d-%d", "type": "%s", "occurredAt": "%s",
                                     "customer": {"memberNo": "M%d"}, "properties": {"productId": "p%d"}}]}""".formatted(
                                change, changes, TYPES[random.nextInt(TYPES.length)], at, customer, random.nextInt(3)));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
            case 1 -> {
                var response = admin.patch("/api/v1/customers/" + customer, """
                        {"city": %d, "gender": "%s", "attributes": {"skinType": ["%s"], "level": "%s"}}""".formatted(
                                random.nextInt(5),
                                random.nextBoolean() ? "female" : "male",
                                SKIN[random.nextInt(SKIN.length)],
                                LEVELS[random.nextInt(LEVELS.length)]));
                assertThat(response.status()).as(response.body()).isIn(200, 404);
            }
            default -> {}
        }
    }

    @Provide
    Arbitrary<Integer> changes() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> rules() {
        return rule(3);
    }

    private Arbitrary<String> rule(int depth) {
        if (depth == 0) {
            return leaf();
        }
        var children =
                Arbitraries.lazy(() -> rule(depth - 1)).list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, leaf()),
                net.jqwik.api.Tuple.of(2, children.map(c -> "{\"and\": [" + String.join(",", c) + "]}")),
                net.jqwik.api.Tuple.of(2, children.map(c -> "{\"or\": [" + String.join(",", c) + "]}")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.lazy(() -> rule(depth - 1)).map(r -> "{\"not\": " + r + "}")));
    }

    private Arbitrary<String> leaf() {
        var small = Arbitraries.integers().between(0, 6);
        var days = Arbitraries.integers().between(1, 45);
        return Arbitraries.oneOf(
                Arbitraries.of("female", "male", "unknown").map(g -> attr("gender", "eq", "\"" + g + "\"")),
                small.list().ofMinSize(1).ofMaxSize(3).map(c -> attr("city", "in", c.toString())),
                small.list().ofMinSize(1).ofMaxSize(3).map(c -> attr("city", "notIn", c.toString())),
                Arbitraries.of("isSet", "isNotSet").map(op -> "{\"attribute\": \"city\", \"op\": \"" + op + "\"}"),
                Arbitraries.integers().between(0, 3).map(l -> attr("memberLevel", "gte", l + "")),
                Arbitraries.integers().between(0, 3).map(l -> attr("memberLevel", "neq", l + "")),
                Arbitraries.integers().between(0, 900).map(d -> attr("memberSince", "lte", "{\"daysAgo\": " + d + "}")),
                Arbitraries.integers().between(0, 60).map(d -> attr("lastActiveAt", "gte", "{\"daysAgo\": " + d + "}")),
                Arbitraries.integers()
                        .between(1960, 2005)
                        .map(y -> "{\"attribute\": \"birthday\", \"op\": \"between\"," + " \"values\": [\"" + y
                                + "-01-01\", \"" + (y + 8) + "-06-30\"]}"),
                Arbitraries.integers().between(0, 4).map(n -> attr("orderCount", "gt", n + "")),
                Arbitraries.integers().between(0, 3000).map(n -> attr("gmv", "lte", "\"" + n + ".50\"")),
                Arbitraries.of(CHANNELS).map(c -> attr("sourceChannel", "eq", "\"" + c + "\"")),
                Arbitraries.of(LEVELS).map(l -> attr("attributes.level", "eq", "\"" + l + "\"")),
                Arbitraries.of(SKIN)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(2)
                        .map(s -> attr("attributes.skinType", "all", JSON.writeValueAsString(s))),
                Arbitraries.of(SKIN).map(s -> attr("attributes.skinType", "notIn", "[\"" + s + "\"]")),
                Arbitraries.of("true", "false").map(b -> attr("attributes.vip", "eq", b)),
                Arbitraries.integers().between(0, 500).map(n -> attr("attributes.budget", "gte", n + "")),
                Arbitraries.of("王", "李", "客").map(s -> attr("name", "contains", "\"" + s + "\"")),
                Arbitraries.of(LAYER_LEVELS).map(l -> attr("layers." + l[0], l[2], "[\"" + l[1] + "\"]")),
                Arbitraries.of("any", "all", "none")
                        .flatMap(mode -> Arbitraries.integers()
                                .between(0, 5)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(ix -> "{\"tags\": {\"" + mode + "\": "
                                        + ix.stream().map(i -> tagIds[i]).toList() + "}}")),
                Arbitraries.of(TYPES)
                        .injectNull(0.3)
                        .flatMap(type -> days.flatMap(n -> Arbitraries.of(
                                        "",
                                        ", \"did\": false",
                                        ", \"atLeast\": 2",
                                        ", \"atMost\": 1",
                                        ", \"where\": {\"property\": \"productId\", \"op\": \"eq\", \"value\": \"p1\"}",
                                        ", \"sum\": {\"property\": \"amount\", \"op\": \"gte\", \"value\": 100}",
                                        ", \"timing\": \"first\"",
                                        ", \"timing\": \"last\"")
                                .map(extra -> "{\"event\": {" + (type == null ? "" : "\"type\": \"" + type + "\", ")
                                        + "\"lastDays\": " + n + extra + "}}"))),
                Arbitraries.integers()
                        .between(0, 40)
                        .map(from -> "{\"event\": {\"from\": {\"daysAgo\": " + (from + 10) + "}, \"to\": {\"daysAgo\": "
                                + from + "}}}"));
    }

    private static String attr(String field, String op, String value) {
        return "{\"attribute\": \"" + field + "\", \"op\": \"" + op + "\", \"value" + (value.startsWith("[") ? "s" : "")
                + "\": " + value + "}";
    }

    /** A tenant with random profiles, merges, identities, tags and events; made once for all tries. */
    private synchronized void ensureData() {
        if (fixture != null) {
            return;
        }
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        for (var definition : List.of(
                "{\"key\": \"level\", \"label\": \"等级\", \"type\": \"enum\", \"options\": [\"银卡\", \"金卡\"]}",
                "{\"key\": \"skinType\", \"label\": \"肤质\", \"type\": \"multi_enum\", \"options\": [\"干\", \"油\", \"敏感\"]}",
                "{\"key\": \"vip\", \"label\": \"VIP\", \"type\": \"boolean\"}",
                "{\"key\": \"budget\", \"label\": \"预算\", \"type\": \"number\"}")) {
            assertThat(admin.post("/api/v1/customer-attributes", definition).status())
                    .isEqualTo(201);
        }
        var random = new Random(7);
        var rows = new ArrayList<String>();
        for (int id = 1; id <= CUSTOMERS; id++) {
            var attributes = JSON.createObjectNode();
            if (random.nextInt(3) > 0) {
                attributes.put("level", LEVELS[random.nextInt(2)]);
            }
            if (random.nextBoolean()) {
                attributes.putArray("skinType").add(SKIN[random.nextInt(3)]);
            }
            if (random.nextInt(4) > 0) {
                attributes.put("vip", random.nextBoolean());
            }
            if (random.nextBoolean()) {
                attributes.put("budget", random.nextInt(1000) + 0.25);
            }
            rows.add(
                    "(siyu_current_tenant(), %d, '%s', %d, %s, %d, %s, %s, %s, now() - interval '%d days', %s, %d, %s, %s, '%s')"
                            .formatted(
                                    id,
                                    new String[] {"王小明", "李华", "客户"}[random.nextInt(3)] + id,
                                    random.nextInt(3),
                                    random.nextInt(5) == 0 ? "null" : String.valueOf(random.nextInt(6)),
                                    random.nextInt(4),
                                    random.nextInt(4) == 0 ? "null" : "current_date - " + random.nextInt(1000),
                                    random.nextInt(4) == 0 ? "null" : "date '1965-01-01' + " + random.nextInt(15000),
                                    random.nextInt(4) == 0 ? "null" : "'" + CHANNELS[random.nextInt(3)] + "'",
                                    random.nextInt(500),
                                    random.nextInt(3) == 0
                                            ? "null"
                                            : "now() - interval '" + random.nextInt(3000) + " hours'",
                                    random.nextInt(6),
                                    random.nextInt(300000) / 100.0,
                                    random.nextInt(3) == 0
                                            ? "null"
                                            : "now() - interval '" + random.nextInt(90) + " days'",
                                    attributes));
        }
        var tenant = fixture.tenant();
        Tenancy.runAs(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    jdbc.sql(
                                    "insert into customer (tenant_id, id, display_name, gender, city, member_level, member_since,"
                                            + " birthday, source_channel, first_seen_at, last_active_at, order_count, gmv,"
                                            + " last_purchase_at, attributes) values " + String.join(", ", rows))
                            .update();
                    jdbc.sql("insert into customer_identity (tenant_id, type, value, customer_id)"
                                    + " select siyu_current_tenant(), 'member', 'M' || id, id from customer")
                            .update();
                    // Every 15th profile is merged into the one before it: its tags and events count there.
                    jdbc.sql("update customer set survivor_id = id - 1 where id % 15 = 0")
                            .update();
                    jdbc.sql("insert into tag_group (tenant_id, id, name, kind) values (siyu_current_tenant(), 1, '属性',"
                                    + " 'attribute')")
                            .update();
                    jdbc.sql(
                                    "insert into tag (tenant_id, id, group_id, name) select siyu_current_tenant(), g, 1, '标签' || g"
                                            + " from generate_series(1, 6) g")
                            .update();
                    jdbc.sql(
                                    "insert into customer_tag (tenant_id, customer_id, tag_id) select siyu_current_tenant(), c, t"
                                            + " from generate_series(1, ?) c, generate_series(1, 6) t where (c * 7 + t * 13) % 5 = 0")
                            .param(CUSTOMERS)
                            .update();
                    jdbc.sql(
                                    "insert into event (tenant_id, customer_id, type, occurred_at, event_id, properties, received_at)"
                                            + " select siyu_current_tenant(), 1 + (g * 37) % ?, g % 6, now() - (g % 50) * interval '1 day'"
                                            + " - (g % 24) * interval '1 hour', 'seed-' || g,"
                                            + " jsonb_build_object('productId', 'p' || (g % 3), 'amount', (g % 7) * 40), now()"
                                            + " from generate_series(1, 4000) g")
                            .param(CUSTOMERS)
                            .update();
                }));
    }

    @AfterContainer
    static void forget() {
        fixture = null;
    }
}

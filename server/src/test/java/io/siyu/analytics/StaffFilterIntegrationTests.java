package io.siyu.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The staff filter against SQL written here: filtering by a staff member gives the figures of their customers —
 * those who added them on WeCom (ever) and those whose profile they own — for a WeCom staff member linked to an
 * account (named either way), one without an account, and an account without a WeCom userid.
 */
class StaffFilterIntegrationTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DAY = "(e.occurred_at at time zone 'Asia/Shanghai')::date";

    TestTenants.Fixture fixture;
    ApiClient admin;
    LocalDate today;
    LocalDate from;
    LocalDate to;
    /** The linked WeCom staff member's userid, which is also their account's username (unique across tenants). */
    String zhang;

    long zhangAccount;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        today = LocalDate.now(ZONE);
        to = today.minusDays(1);
        from = to.minusDays(29);
        zhang = "zhang" + fixture.tenant().value();
    }

    static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant().toString();
    }

    static String mobile(int customer) {
        return "1390200%04d".formatted(customer);
    }

    /**
     * A WeCom app whose directory has {@code zhang} (an account of the same name is made after it, and so linked
     * automatically), 李四 (no account) and 王五; 180 customers, a third owned by zhang's account and a sixth by the
     * fixture's staff account; WeCom adds and losses naming one of the three, behaviour events, orders, and the
     * relations as WeCom holds them.
     */
    void generate() {
        long app = sql.single(fixture.tenant(), """
                insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key, callback_key)
                values (siyu_current_tenant(), '测试应用', 'ww-test', '1000002', 'secret', 'token',
                        'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'cb-' || siyu_current_tenant())
                returning id""", Long.class);
        sql.update(fixture.tenant(), """
                insert into wecom_staff (app_id, user_id, name) values (%d, '%s', '张三'), (%d, 'li', '李四'),
                       (%d, 'wang', '王五')""".formatted(app, zhang, app, app));
        var account = admin.post("/api/v1/accounts", """
                {"username": "%s", "displayName": "张三（账号）", "role": "staff", "password": "%s"}""".formatted(zhang, TestTenants.PASSWORD));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        zhangAccount = account.json().path("id").asLong();

        var random = new Random(20261202);
        var customers = new ArrayList<String>();
        for (int c = 0; c < 180; c++) {
            var owner = c % 3 == 0
                    ? ", \"ownerId\": " + zhangAccount
                    : c % 6 == 1 ? ", \"ownerId\": " + fixture.staffId() : "";
            customers.add(
                    "{\"identities\": [{\"type\": \"mobile\", \"value\": \"%s\"}]%s}".formatted(mobile(c), owner));
        }
        var created = admin.post("/api/v1/customers/batch", "{\"customers\": [" + String.join(",", customers) + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("rejected").asInt()).as(created.body()).isZero();

        var users = List.of(zhang, "li", "wang");
        var types = List.of("view", "favorite", "add_to_cart", "share", "message");
        var events = new ArrayList<String>();
        for (int c = 0; c < 180; c++) {
            var customer = "{\"mobile\": \"%s\"}".formatted(mobile(c));
            if (random.nextDouble() < 0.8) {
                var user = users.get(random.nextInt(users.size()));
                var added = today.minusDays(1 + random.nextInt(70));
                var staffId = "{\"staffId\": \"%s\"}".formatted(user);
                events.add(event("a" + c, "wecom_add", added, customer, staffId));
                if (random.nextDouble() < 0.25) {
                    var lost = added.plusDays(random.nextInt((int) (to.toEpochDay() - added.toEpochDay()) + 1));
                    events.add(event("l" + c, "wecom_loss", lost, customer, staffId));
                }
            }
            for (int k = random.nextInt(7); k > 0; k--) {
                var day = today.minusDays(1 + random.nextInt(70));
                events.add(event("b" + c + "-" + k, types.get(random.nextInt(types.size())), day, customer, "{}"));
            }
        }
        for (int i = 0; i < events.size(); i += 500) {
            var response = admin.post(
                    "/api/v1/events",
                    "{\"events\": [" + String.join(",", events.subList(i, Math.min(events.size(), i + 500))) + "]}");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("rejected").size())
                    .as(response.body())
                    .isZero();
        }
        var orders = new ArrayList<String>();
        for (int o = 0; o < 90; o++) {
            var day = today.minusDays(1 + random.nextInt(70));
            orders.add("""
                    {"orderNo": "SF-%d", "customer": {"mobile": "%s"}, "placedAt": "%s",
                     "lines": [{"sku": "HERO-1", "quantity": 1}],
                     "payments": [{"paymentNo": "SFP-%d", "amount": %d, "paidAt": "%s", "method": "wechat"}]}""".formatted(
                            o, mobile(random.nextInt(180)), at(day, 9), o, 50 + random.nextInt(400), at(day, 10)));
        }
        var response = admin.post("/api/v1/orders", "{\"orders\": [" + String.join(",", orders) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        sql.update(fixture.tenant(), """
                insert into wecom_contact (app_id, external_user_id, user_id, customer_id, added_at, lost_at)
                select %d, 'wm' || a.customer_id, a.properties->>'staffId', a.customer_id, a.occurred_at, l.occurred_at
                from event a left join event l on l.customer_id = a.customer_id and l.type = 8
                where a.type = 7""".formatted(app));
    }

    static String event(String id, String type, LocalDate day, String customer, String properties) {
        return """
                {"eventId": "%s", "type": "%s", "occurredAt": "%s", "customer": %s, "properties": %s}""".formatted(id, type, at(day, 12), customer, properties);
    }

    /** The staff member's customers (live profiles) as SQL: added them on WeCom, ever, or owned by the account. */
    static String members(String userId, Long account) {
        return "(select coalesce(c.survivor_id, c.id) from event e join customer c on c.id = e.customer_id"
                + " where e.type = 7 and e.properties->>'staffId' = '" + userId + "'"
                + " union select id from customer where survivor_id is null and owner_account_id = " + account + ")";
    }

    /** Customers among {@code members} with an event matching {@code where} ({@code e} the event, {@code c} its profile). */
    long customers(String members, String where) {
        return sql.count(
                fixture.tenant(),
                "select count(distinct coalesce(c.survivor_id, c.id)) from event e join"
                        + " customer c on c.id = e.customer_id where coalesce(c.survivor_id, c.id) in " + members
                        + " and "
                        + where);
    }

    String between(LocalDate a, LocalDate b) {
        return DAY + " between '" + a + "' and '" + b + "'";
    }

    String asset(LocalDate day) {
        return "e.type = 7 and " + DAY + " <= '" + day + "' and not exists (select 1 from event x where x.customer_id"
                + " = e.customer_id and x.type = 8 and (x.occurred_at at time zone 'Asia/Shanghai')::date <= '" + day
                + "')";
    }

    Map<String, JsonNode> metrics(JsonNode funnel) {
        var metrics = new HashMap<String, JsonNode>();
        funnel.path("stages")
                .forEach(stage -> stage.path("metrics")
                        .forEach(m -> metrics.put(m.path("key").asString(), m)));
        return metrics;
    }

    JsonNode get(String path) {
        var response = admin.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String range() {
        return "from=" + from + "&to=" + to;
    }

    /** Every figure of the funnel, the WeCom rates and the GMV total under {@code staff}, against SQL over members. */
    void figuresEqualSql(String staff, String members) {
        var filter = "&staff=" + java.net.URLEncoder.encode(staff, java.nio.charset.StandardCharsets.UTF_8);
        var m = metrics(get("/api/v1/analytics/funnel?" + range() + filter));
        long views = customers(members, "e.type = 0 and " + between(from, to));
        long adds = customers(members, "e.type = 7 and " + between(from, to));
        long active = customers(members, "e.type between 0 and 5 and " + between(from, to));
        long assets = customers(members, asset(to));
        assertThat(m.get("landingUv").path("value").asLong()).as(staff).isEqualTo(views);
        assertThat(m.get("wecomAdds").path("value").asLong()).as(staff).isEqualTo(adds);
        assertThat(m.get("activeCustomers").path("value").asLong()).as(staff).isEqualTo(active);
        assertThat(m.get("assets").path("value").asLong()).as(staff).isEqualTo(assets);
        assertThat(m.get("lostCustomers").path("value").asLong())
                .as(staff)
                .isEqualTo(customers(members, "e.type = 8 and " + between(from, to)));
        assertThat(m.get("spend").path("value").isNull())
                .as("spend is not per staff member")
                .isTrue();
        var paid = "(o.paid_at at time zone 'Asia/Shanghai')::date between '" + from + "' and '" + to
                + "' and o.customer_id in " + members;
        assertThat(m.get("buyers").path("value").asLong())
                .as(staff)
                .isEqualTo(sql.count(
                        fixture.tenant(), "select count(distinct o.customer_id) from customer_order o where " + paid));
        assertThat(m.get("orders").path("value").asLong())
                .as(staff)
                .isEqualTo(sql.count(fixture.tenant(), "select count(*) from customer_order o where " + paid));
        var gmv = sql.single(
                fixture.tenant(),
                "select coalesce(sum(o.paid_amount - o.refunded_amount), 0) from customer_order o where " + paid,
                BigDecimal.class);
        assertThat(m.get("gmv").path("value").decimalValue()).as(staff).isEqualByComparingTo(gmv);

        var wecom = get("/api/v1/analytics/wecom?" + range() + filter);
        var acquisition = wecom.path("rates").get(0);
        assertThat(acquisition.path("numerator").asLong()).isEqualTo(adds);
        assertThat(acquisition.path("denominator").asLong()).isEqualTo(views);
        var service = wecom.path("rates").get(1);
        assertThat(service.path("numerator").asLong())
                .isEqualTo(customers(members, "e.type = 5 and " + between(from, to)));
        assertThat(service.path("denominator").asLong()).isEqualTo(assets);
        long addsByDay = 0;
        for (var day : wecom.path("days")) {
            addsByDay += day.path("newCustomers").asLong();
        }
        assertThat(addsByDay)
                .as("adds per day, summed")
                .isEqualTo(sql.count(
                        fixture.tenant(),
                        "select count(*) from (select distinct coalesce(c.survivor_id, c.id), " + DAY
                                + " from event e join customer c on c.id = e.customer_id where e.type = 7 and "
                                + between(from, to) + " and coalesce(c.survivor_id, c.id) in " + members + ") x"));

        var total = get("/api/v1/analytics/gmv?" + range() + filter)
                .path("rows")
                .get(0)
                .path("current");
        var start = "('" + from + "'::timestamp at time zone 'Asia/Shanghai')";
        var end = "('" + to.plusDays(1) + "'::timestamp at time zone 'Asia/Shanghai')";
        var relations = "from wecom_contact w where w.added_at < " + end + " and (w.lost_at is null or w.lost_at >= "
                + start + ") and w.customer_id in " + members;
        assertThat(total.path("assets").asLong())
                .as(staff)
                .isEqualTo(sql.count(fixture.tenant(), "select count(distinct w.customer_id) " + relations));
        assertThat(total.path("gmv").decimalValue())
                .as(staff)
                .isEqualByComparingTo(sql.single(
                        fixture.tenant(),
                        "select coalesce(sum(o.paid_amount - o.refunded_amount), 0) from customer_order o"
                                + " where o.paid_at >= " + start + " and o.paid_at < " + end
                                + " and o.customer_id in (select w.customer_id " + relations + ")",
                        BigDecimal.class));
    }

    @Test
    void filteringByAStaffMemberGivesTheFiguresOfTheirCustomersWhetherOrNotTheyHaveAnAccount() {
        generate();
        // the segment index takes the customers, owners and events in after they commit
        long allAdds = sql.count(
                fixture.tenant(),
                "select count(distinct customer_id) from event e where type = 7 and " + between(from, to));
        eventually(
                Duration.ofSeconds(20),
                () -> assertThat(metrics(get("/api/v1/analytics/funnel?" + range()))
                                .get("wecomAdds")
                                .path("value")
                                .asLong())
                        .isEqualTo(allAdds));
        var links = get("/api/v1/wecom/staff-links");
        assertThat(links.findValues("userId").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(zhang, "wang", "li");
        JsonNode linked = null;
        for (var link : links) {
            if (link.path("userId").asString().equals(zhang)) {
                linked = link;
            } else {
                assertThat(link.path("accountId").isNull())
                        .as("no account agrees")
                        .isTrue();
            }
        }
        assertThat(linked).isNotNull();
        assertThat(linked.path("accountId").asLong())
                .as("linked by userid = username")
                .isEqualTo(zhangAccount);
        assertThat(linked.path("source").asString()).isEqualTo("auto");

        // a WeCom staff member linked to an account: their WeCom customers and the customers the account owns
        eventually(Duration.ofSeconds(20), () -> figuresEqualSql("wecom:" + zhang, members(zhang, zhangAccount)));
        assertThat(customers(members(zhang, zhangAccount), "e.type = 0 and " + between(from, to)))
                .as("owned customers who never added zhang count too")
                .isGreaterThan(customers(members(zhang, -1L), "e.type = 0 and " + between(from, to)));
        var byUser = get("/api/v1/analytics/funnel?" + range() + "&staff=wecom:" + zhang);
        var byAccount = get("/api/v1/analytics/funnel?" + range() + "&staff=account:" + zhangAccount);
        assertThat(byAccount).as("one person, named either way").isEqualTo(byUser);
        // a WeCom staff member without an account, and an account without a WeCom userid
        figuresEqualSql("wecom:li", members("li", -1L));
        figuresEqualSql("account:" + fixture.staffId(), members("nobody", fixture.staffId()));

        // a metric's rule under the filter, evaluated as a segment, selects the customers it counted
        var assets = metrics(byUser).get("assets");
        var evaluated = admin.post("/api/v1/segments/evaluate", "{\"rule\": " + assets.path("rule") + "}");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        assertThat(evaluated.json().path("count").asLong())
                .isEqualTo(assets.path("value").asLong());

        // the staff rows name the filter value that selects them
        var rows = get("/api/v1/analytics/wecom?" + range()).path("staff");
        assertThat(rows.findValuesAsString("staff")).contains("wecom:" + zhang, "wecom:li", "wecom:wang");
        var gmvRows = get("/api/v1/analytics/gmv?" + range() + "&by=staff").path("rows");
        for (var row : gmvRows) {
            assertThat(row.path("staff").asString())
                    .isEqualTo("wecom:" + row.path("key").asString());
        }
        var staff = get("/api/v1/analytics/staff").path("staff");
        assertThat(staff.findValuesAsString("key"))
                .contains("wecom:" + zhang, "wecom:li", "account:" + fixture.staffId())
                .doesNotContain("account:" + zhangAccount);
        assertThat(staff.get(0).path("name").asString()).isNotBlank();
    }

    @Test
    void anUnknownOrMalformedStaffMemberIsRejectedNamingTheField() {
        for (var value : List.of("nobody", "wecom:ghost", "account:99999999", "account:abc", "wecom:")) {
            var response = admin.get("/api/v1/analytics/funnel?staff=" + value);
            assertThat(response.status()).as(value).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsString("field"))
                    .as(value)
                    .containsExactly("staff");
        }
        var english = admin.language("en").get("/api/v1/analytics/wecom?staff=wecom:ghost");
        assertThat(english.json().path("errors").get(0).path("message").asString())
                .isEqualTo("There is no such staff member: \"wecom:ghost\".");
        var chinese = admin.language("zh-CN").get("/api/v1/analytics/gmv?staff=12");
        assertThat(chinese.json().path("errors").get(0).path("message").asString())
                .contains("wecom:<企业微信 userid>", "“12”");
    }
}

package io.siyu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The demo's WeCom relations and mass sends, against its events, its customers and each other. */
class DemoWeComIntegrationTests extends IntegrationTest {

    @Autowired
    DataSetLoader loader;

    @Autowired
    DemoCommerce commerce;

    @Autowired
    DemoRelations relations;

    @Autowired
    DemoSends sends;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void relationsTellWhatTheEventsTellThroughTheCustomersChannelsAndSendsReachOnlyLiveOnes() {
        var fixture = tenants.create();
        var tenant = fixture.tenant();
        var data = new StandardDataSet(3_000, 13, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        var staff = new ArrayList<String[]>();
        for (int i = 1; i <= DemoRelations.STAFF; i++) {
            staff.add(new String[] {"staff%02d".formatted(i), "员工" + i});
        }
        long started = System.nanoTime();
        Tenancy.runAs(
                tenant,
                () -> transactions.executeWithoutResult(s -> {
                    loader.load(tenant, data, List.of());
                    commerce.load(tenant, data);
                    var loaded = relations.load(tenant, data, List.of(), staff);
                    sends.load(loaded.app(), loaded.relations(), loaded.userIds(), data);
                }));
        System.out.printf("demo of 3,000 customers loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        long adds = sql.count(tenant, "select count(*) from event where type = 7");
        assertThat(sql.count(tenant, "select count(*) from wecom_contact")).isEqualTo(adds);
        assertThat(sql.count(tenant, """
                        select count(*) from event e where e.type = 7 and not exists (
                            select 1 from wecom_contact w where w.customer_id = e.customer_id
                            and w.added_at = e.occurred_at and w.user_id = e.properties ->> 'staffId')"""))
                .as("each add is a relation with the staff member it names")
                .isZero();
        assertThat(sql.count(tenant, """
                        select count(*) from wecom_contact w where (w.lost_at is null) <> not exists (
                            select 1 from event e where e.type = 8 and e.customer_id = w.customer_id
                            and e.occurred_at = w.lost_at)"""))
                .as("a relation ended when, and only when, a loss event says so")
                .isZero();
        assertThat(sql.count(tenant, """
                        select count(*) from wecom_contact w
                        join wecom_channel_code cc on cc.id = w.channel_code_id
                        left join wecom_channel_code p on p.id = cc.parent_id
                        join customer c on c.id = w.customer_id
                        where coalesce(p.name, cc.name) is distinct from c.source_channel"""))
                .as("each relation came through the code of the customer's source channel")
                .isZero();
        assertThat(sql.count(
                        tenant,
                        "select count(distinct cc.store) from wecom_contact w join wecom_channel_code cc"
                                + " on cc.id = w.channel_code_id where cc.store is not null"))
                .isEqualTo(DemoCommerce.STORES.length - 1);

        assertThat(sql.count(tenant, "select count(*) from message_receipt")).isPositive();
        assertThat(sql.count(tenant, """
                        select count(*) from message_receipt r
                        join mass_send m on 'mass:' || m.id = r.source
                        where m.status <> 'sent' or r.at <> m.send_at or not exists (
                            select 1 from wecom_contact w where w.customer_id = r.customer_id
                            and w.added_at < m.send_at and (w.lost_at is null or w.lost_at > m.send_at))"""))
                .as("a send reaches only customers whose relation was live then")
                .isZero();
        assertThat(sql.count(
                        tenant,
                        "select count(*) from message_receipt r where not exists"
                                + " (select 1 from mass_send m where 'mass:' || m.id = r.source)"))
                .isZero();

        assertThat(sql.count(tenant, """
                        select count(*) from mass_send m
                        where (select count(*) from mass_send_recipient r
                               where r.mass_send_id = m.id and r.status = 'delivered')
                           <> (select count(*) from message_receipt x where x.source = 'mass:' || m.id)
                           or not exists (select 1 from mass_send_recipient r
                                          where r.mass_send_id = m.id and r.status = 'unsent')"""))
                .as("each send delivered to the customers it reached, and some staff never sent it")
                .isZero();
        assertThat(sql.count(tenant, """
                        select count(*) from mass_send_recipient r join mass_send m on m.id = r.mass_send_id
                        where not exists (select 1 from wecom_contact w where w.customer_id = r.customer_id
                            and w.user_id = r.user_id and w.added_at < m.send_at
                            and (w.lost_at is null or w.lost_at > m.send_at))"""))
                .as("each recipient through a staff member they were friends with then")
                .isZero();

        var admin = ApiClient.loggedIn(port, fixture.admin());
        var apps = admin.get("/api/v1/wecom/apps");
        assertThat(apps.json().size())
                .as("the demo's app is no connected app: %s", apps.body())
                .isZero();
        var massSends = admin.get("/api/v1/mass-sends");
        assertThat(massSends.status()).as(massSends.body()).isEqualTo(200);
        assertThat(massSends
                        .json()
                        .get("items")
                        .get(0)
                        .get("recipients")
                        .get("delivered")
                        .asLong())
                .as("the list shows whom the demo's sends reached: %s", massSends.body())
                .isPositive();
        var codes = admin.get("/api/v1/wecom/channel-codes");
        assertThat(codes.status()).as(codes.body()).isEqualTo(200);
        assertThat(codes.body()).as("nor are its live codes listed").doesNotContain(StandardDataSet.SOURCE_CHANNELS[1]);
        var to = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        var range = "from=" + to.minusDays(89) + "&to=" + to;
        var gmv = admin.get("/api/v1/analytics/gmv?by=staff&" + range);
        assertThat(gmv.status()).as(gmv.body()).isEqualTo(200);
        var reachRates = new ArrayList<Double>();
        for (var row : gmv.json().path("rows")) {
            var now = row.path("current");
            assertThat(now.path("assets").asLong()).as(row.toString()).isPositive();
            assertThat(now.path("buyers").asLong()).as(row.toString()).isPositive();
            reachRates.add(now.path("reachRate").asDouble());
        }
        assertThat(reachRates)
                .hasSize(DemoRelations.STAFF)
                .allSatisfy(rate -> assertThat(rate).isBetween(0.2, 0.98));
        assertThat(reachRates.stream().mapToDouble(d -> d).max().orElseThrow()
                        - reachRates.stream().mapToDouble(d -> d).min().orElseThrow())
                .as("staff reach differently")
                .isGreaterThan(0.1);

        var wecom = admin.get("/api/v1/analytics/wecom?" + range);
        assertThat(wecom.status()).as(wecom.body()).isEqualTo(200);
        var rows = new ArrayList<JsonNode>();
        wecom.json().path("staff").forEach(rows::add);
        assertThat(rows).hasSize(DemoRelations.STAFF).allSatisfy(row -> {
            assertThat(row.path("name").asString()).startsWith("员工");
            assertThat(row.path("customers").asLong()).isPositive();
            assertThat(row.path("chats").asLong()).isPositive();
            assertThat(row.path("replyRate").decimalValue())
                    .isBetween(new java.math.BigDecimal("0.5"), java.math.BigDecimal.ONE);
        });
        long newCustomers =
                rows.stream().mapToLong(r -> r.path("newCustomers").asLong()).sum();
        var start = "('" + to.minusDays(89) + "'::timestamp at time zone 'Asia/Shanghai')";
        var end = "('" + to.plusDays(1) + "'::timestamp at time zone 'Asia/Shanghai')";
        assertThat(newCustomers)
                .isEqualTo(sql.count(
                        tenant,
                        "select count(*) from event where type = 7 and occurred_at >= " + start + " and occurred_at < "
                                + end));
    }
}

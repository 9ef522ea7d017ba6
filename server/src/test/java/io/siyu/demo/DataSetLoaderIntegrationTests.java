package io.siyu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DataSetLoaderIntegrationTests extends IntegrationTest {

    @Autowired
    DataSetLoader loader;

    @Autowired
    io.siyu.customer.CustomerBulkLoad customers;

    @Test
    void loadsExactlyTheGeneratedRowsIntoTheTenantAndNoOther() {
        var tenant = tenants.create().tenant();
        var other = tenants.create().tenant();
        var data = new StandardDataSet(2_500, 11, Instant.parse("2026-11-01T00:00:00Z"));

        loader.load(tenant, data, java.util.List.of());

        var counts = new long[] {
            sql.count(tenant, "select count(*) from customer"),
            sql.count(tenant, "select count(*) from event"),
            sql.count(tenant, "select count(*) from customer_tag"),
            sql.count(tenant, "select count(*) from tag"),
            sql.count(tenant, "select count(*) from customer where member_level > 0 and member_since is null"),
            sql.count(tenant, "select count(distinct value) from customer_identity where type = 'mobile' and verified"),
            sql.count(
                    tenant,
                    "select count(*) from customer c where last_active_at is distinct from"
                            + " (select max(occurred_at) from event e where e.customer_id = c.id)")
        };
        assertThat(counts).containsExactly(2_500, 25_000, 12_500, 500, 0, 2_500, 0);
        var otherCounts =
                sql.count(other, "select count(*) from customer") + sql.count(other, "select count(*) from event");
        assertThat(otherCounts).isZero();
    }

    @Autowired
    io.siyu.loyalty.LoyaltyDemo loyalty;

    @Autowired
    io.siyu.loyalty.Points points;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void theDemoLoyaltyProgramMakesTheProfilesMembersWithALedgerThatReconciles() {
        var tenant = tenants.create().tenant();
        loader.load(tenant, new StandardDataSet(2_000, 12, Instant.now()), java.util.List.of());

        int members = Tenancy.callAs(tenant, () -> transactions.execute(s -> loyalty.load()));

        assertThat(members).isPositive().isEqualTo((int)
                sql.count(tenant, "select count(*) from customer where member_level > 0"));
        assertThat(sql.count(
                        tenant,
                        "select count(*) from member m join customer c on c.id = m.customer_id"
                                + " where m.tier <> c.member_level"))
                .isZero();
        assertThat(sql.count(tenant, "select count(*) from points_entry where kind = 'spend'"))
                .isPositive();
        assertThat(sql.count(tenant, "select count(*) from coupon where status = 'redeemed'"))
                .isPositive();
        assertThat(sql.count(
                        tenant,
                        "select count(distinct customer_id) from coupon c join coupon_template t"
                                + " on t.id = c.template_id where t.code = 'NEW20'"))
                .as("about half the members hold the welcome coupon, drawn member by member")
                .isBetween(members * 3L / 10, members * 7L / 10);
        assertThat(Tenancy.callAs(tenant, points::reconcile)).isEmpty();
        assertThat(sql.count(
                        tenant,
                        "select count(distinct customer_id) from member_card where status = 'active'"
                                + " and valid_from <= now() and valid_until > now() + interval '7 days'"))
                .as("members holding a paid card")
                .isPositive();
        assertThat(sql.count(
                        tenant,
                        "select count(*) from member_card c where status = 'active' and valid_until <= now() +"
                                + " interval '7 days' and not exists (select 1 from member_card r where"
                                + " r.customer_id = c.customer_id and r.valid_from >= c.valid_until)"))
                .as("cards ending within a week")
                .isPositive();
        assertThat(sql.count(tenant, "select count(*) from member_card where status = 'expired'"))
                .isPositive();
        assertThat(sql.count(tenant, "select count(*) from member_card where renewal"))
                .isPositive();
        assertThat(sql.count(
                        tenant,
                        "select count(*) from member_card c join card_plan p on p.id = c.plan_id join member m"
                                + " using (customer_id) where c.status = 'active' and c.valid_from <= now()"
                                + " and m.tier < coalesce(p.floor_tier, 1)"))
                .as("every holder at least in the card's tier")
                .isZero();
    }

    @Test
    void textWithCopyControlCharactersSurvivesTheBulkPath() {
        var tenant = tenants.create().tenant();
        var names = java.util.List.of("tab\there", "line\nbreak", "back\\slash", "\\N", "王小明");
        Tenancy.runAs(
                tenant,
                () -> customers.load(tenant, sink -> {
                    for (int i = 0; i < names.size(); i++) {
                        sink.accept(
                                new io.siyu.customer.CustomerRecord(i + 1, names.get(i), 0, 0, 0, null, Instant.now()));
                    }
                }));

        var stored = sql.list(tenant, "select display_name from customer order by id", String.class);
        assertThat(stored).isEqualTo(names);
    }
}

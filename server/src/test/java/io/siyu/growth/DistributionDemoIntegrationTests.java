package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's 分销 gives the console distributors in every state, commission in every state and withdrawals. */
class DistributionDemoIntegrationTests extends IntegrationTest {

    @Autowired
    DistributionDemo demo;

    @Autowired
    DistributionWork work;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoHasATreeOfDistributorsHalfAYearOfCommissionInEveryStateAndWithdrawalsThatReconcile() {
        var fixture = tenants.create();
        sql.customers(fixture.tenant(), "客户", 300);
        var admin = ApiClient.loggedIn(port, fixture.admin());
        assertThat(admin.post("/api/v1/products", """
                        {"products": [{"sku": "HERO-01", "name": "修护精华", "role": "hero", "category": "护肤", "price": 299},
                                      {"sku": "LIP-01", "name": "口红", "role": "hero", "category": "彩妆", "price": 169}]}""").status()).isEqualTo(200);
        Tenancy.runAs(fixture.tenant(), () -> {
            int orders = transactions.execute(s -> demo.load());
            assertThat(orders).isGreaterThan(40);
            work.once();
        });

        var distributors = admin.get("/api/v1/distribution/distributors").json().path("items");
        assertThat(distributors.findValuesAsString("status")).contains("active", "pending", "rejected");
        assertThat(distributors.findValuesAsString("parentCode")).hasSizeGreaterThanOrEqualTo(4);
        var kinds =
                sql.list(fixture.tenant(), "select distinct kind from distribution_entry order by kind", String.class);
        assertThat(kinds)
                .containsAll(List.of("commission", "release", "cancel", "clawback", "withdraw", "reject", "payout"));
        var statuses = sql.list(
                fixture.tenant(), "select distinct status from distribution_withdrawal order by status", String.class);
        assertThat(statuses).containsExactly("paid", "rejected", "requested");
        var summary = admin.get("/api/v1/distribution/summary").json();
        assertThat(summary.path("totals").path("pending").decimalValue()).isPositive();
        assertThat(summary.path("months").findValues("earned"))
                .filteredOn(m -> m.decimalValue().signum() > 0)
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(admin.get("/api/v1/distribution/reconciliation")
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }
}

package io.siyu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class DataSetLoaderIntegrationTests extends IntegrationTest {

    @Autowired
    DataSetLoader loader;

    @Autowired
    io.siyu.customer.CustomerBulkLoad customers;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void loadsExactlyTheGeneratedRowsIntoTheTenantAndNoOther() {
        var tenant = tenants.create().tenant();
        var other = tenants.create().tenant();
        var data = new StandardDataSet(2_500, 11, Instant.parse("2026-11-01T00:00:00Z"));

        loader.load(tenant, data);

        var counts = Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> new long[] {
                    count("select count(*) from customer"),
                    count("select count(*) from event"),
                    count("select count(*) from customer_tag"),
                    count("select count(*) from tag"),
                    count("select count(*) from customer where member_level > 0 and member_since is null")
                }));
        assertThat(counts).containsExactly(2_500, 25_000, 12_500, 500, 0);
        var otherCounts = Tenancy.callAs(
                other,
                () -> transactions.execute(
                        status -> count("select count(*) from customer") + count("select count(*) from event")));
        assertThat(otherCounts).isZero();
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

        var stored = Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> jdbc.sql("select display_name from customer order by id")
                        .query(String.class)
                        .list()));
        assertThat(stored).isEqualTo(names);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

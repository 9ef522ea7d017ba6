package io.siyu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.IntegrationTest;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The identities ingestion remembers: only committed ones, and each tenant's own. */
class IdentityCacheIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerResolution resolution;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anIdentityCreatedInARolledBackTransactionIsNotHandedOutAgain() {
        var tenant = tenants.create().tenant();
        var mobile = new IdentityKey(IdentityType.MOBILE, "13912340001");
        Tenancy.runAs(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    resolution.resolveOrCreate(List.of(mobile), Instant.now());
                    status.setRollbackOnly();
                }));

        long home = Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> resolution
                        .resolveOrCreate(List.of(mobile), Instant.now())
                        .get(mobile)));

        assertThat(sql.count(tenant, "select count(*) from customer where id = " + home))
                .as("the profile was created again, not taken from the rolled-back transaction")
                .isOne();
        assertThat(sql.count(tenant, "select count(*) from customer_identity where value = '13912340001'"))
                .isOne();
    }

    @Test
    void theSameIdentityInTwoTenantsResolvesToEachTenantsOwnProfile() {
        var first = tenants.create().tenant();
        var second = tenants.create().tenant();
        var mobile = new IdentityKey(IdentityType.MOBILE, "13912340002");
        var resolveTwice =
                (java.util.function.Function<io.siyu.shared.TenantId, List<Long>>) tenant -> List.of(1, 2).stream()
                        .map(i -> Tenancy.callAs(
                                tenant,
                                () -> transactions.execute(status -> resolution
                                        .resolveOrCreate(List.of(mobile), Instant.now())
                                        .get(mobile))))
                        .toList();

        var inFirst = resolveTwice.apply(first);
        var inSecond = resolveTwice.apply(second);

        assertThat(inFirst.get(1)).as("found again, not created again").isEqualTo(inFirst.get(0));
        assertThat(inSecond.get(1)).isEqualTo(inSecond.get(0));
        assertThat(sql.count(second, "select count(*) from customer where id = " + inSecond.get(0)))
                .as("the second tenant's own profile")
                .isOne();
        assertThat(sql.count(second, "select count(*) from customer_identity")).isOne();
    }
}

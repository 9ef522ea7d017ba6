package io.siyu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant isolation is enforced by PostgreSQL, not only by the code: these tests go around every service and
 * query the tables directly as the application's database role.
 */
class RowLevelSecurityIntegrationTests extends IntegrationTest {

    /** Tables that hold no tenant data: the tenant directory for logins, install state, framework tables. */
    private static final Set<String> GLOBAL_TABLES = Set.of(
            "login_name",
            "installation",
            "flyway_schema_history",
            "event_publication",
            "tenant",
            // the key that signs customer links: the tenant is inside what it signs
            "customer_link_secret");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestTenants testTenants;

    TenantId first;
    TenantId second;

    @BeforeEach
    void twoTenants() {
        first = testTenants.create().tenant();
        second = testTenants.create().tenant();
    }

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurity() {
        var tables = jdbc.sql("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p')
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                        """)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .list();
        assertThat(tables)
                .extracting(t -> (String) t[0])
                .contains("staff_account", "api_key", "audit_event", "customer", "event");
        assertThat(tables)
                .filteredOn(t -> !GLOBAL_TABLES.contains((String) t[0]))
                .allSatisfy(t -> assertThat(List.of(t[1], t[2]))
                        .as("row security enabled and forced on %s", t[0])
                        .containsExactly(true, true));
    }

    @Test
    void everyTableIsEitherTenantOwnedOrKnownToBeGlobal() {
        var withoutTenant = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                          and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                        """).query(String.class).list();
        assertThat(GLOBAL_TABLES).containsAll(withoutTenant);
    }

    @Test
    void withoutATenantNoTenantRowIsVisible() {
        var counts = transactions.execute(
                status -> List.of(count("tenant"), count("staff_account"), count("audit_event"), count("api_key")));
        assertThat(counts).containsOnly(0L);
    }

    @Test
    void anotherTenantSeesNoneOfTheRowsAndCannotChangeThem() {
        long ownAccounts = Tenancy.callAs(first, () -> transactions.execute(status -> count("staff_account")));
        assertThat(ownAccounts).isEqualTo(4);

        var firstAccountIds = Tenancy.callAs(
                first,
                () -> transactions.execute(status -> jdbc.sql("select id from staff_account")
                        .query(Long.class)
                        .list()));

        Tenancy.runAs(
                second,
                () -> transactions.executeWithoutResult(status -> {
                    var visible = jdbc.sql("select count(*) from staff_account where id in (:ids)")
                            .param("ids", firstAccountIds)
                            .query(Long.class)
                            .single();
                    assertThat(visible).isZero();
                    int updated = jdbc.sql("update staff_account set display_name = 'hijacked' where id in (:ids)")
                            .param("ids", firstAccountIds)
                            .update();
                    int deleted = jdbc.sql("delete from audit_event where tenant_id = ?")
                            .param(first.value())
                            .update();
                    assertThat(updated).isZero();
                    assertThat(deleted).isZero();
                }));

        var names = Tenancy.callAs(
                first,
                () -> transactions.execute(status -> jdbc.sql("select display_name from staff_account")
                        .query(String.class)
                        .list()));
        assertThat(names).doesNotContain("hijacked");
    }

    @Test
    void aTenantCannotWriteRowsIntoAnotherTenant() {
        assertThatThrownBy(() -> Tenancy.runAs(
                        second,
                        () -> transactions.executeWithoutResult(status -> jdbc.sql(
                                        "insert into audit_event (tenant_id, actor, action) values (?, 'x', 'forged')")
                                .param(first.value())
                                .update())))
                .hasRootCauseMessage("ERROR: new row violates row-level security policy for table \"audit_event\"");
    }

    @Test
    void theTenantSettingDoesNotLeakIntoTheNextTransactionOnAPooledConnection() {
        Tenancy.runAs(first, () -> transactions.executeWithoutResult(status -> count("staff_account")));
        for (int i = 0; i < 30; i++) {
            Long visible = transactions.execute(status -> count("staff_account"));
            assertThat(visible).isZero();
        }
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        var role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
        assertThat(role).containsExactly(false, false);
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> jdbc.sql("alter table staff_account disable row level security")
                                .update()))
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

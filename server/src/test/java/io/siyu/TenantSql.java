package io.siyu;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs a query as the application's database role inside one tenant, as row-level security sees it. */
@Component
public class TenantSql {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TenantSql(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long count(TenantId tenant, String sql) {
        return single(tenant, sql, Long.class);
    }

    public <T> T single(TenantId tenant, String sql, Class<T> type) {
        return Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> jdbc.sql(sql).query(type).single()));
    }

    /** Customers 1..{@code count} of the tenant, named {@code name} and their number ('客户7'). */
    public int customers(TenantId tenant, String name, int count) {
        return update(tenant, """
                insert into customer (tenant_id, id, display_name, anonymous, first_seen_at, created_at)
                select siyu_current_tenant(), n, '%s' || n, false, now(), now() from generate_series(1, %d) n""".formatted(name, count));
    }

    public int update(TenantId tenant, String sql) {
        return Tenancy.callAs(
                tenant, () -> transactions.execute(status -> jdbc.sql(sql).update()));
    }

    public <T> List<T> list(TenantId tenant, String sql, Class<T> type) {
        return Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> jdbc.sql(sql).query(type).list()));
    }
}

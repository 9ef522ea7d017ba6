package io.siyu.platform;

import io.siyu.shared.Tenancy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which tenant it serves ({@code set_config(..., true)} is
 * transaction-local, so a pooled connection never carries a tenant into the next transaction). With no
 * tenant bound the setting is empty and row-level security shows no tenant rows at all.
 */
class TenantBoundTransactionManager extends JdbcTransactionManager {

    TenantBoundTransactionManager(DataSource dataSource) {
        super(dataSource);
        // A batch runs each record behind a savepoint and reports the ones that fail; a failing record must
        // roll back to its savepoint only, not doom the whole batch's transaction.
        setGlobalRollbackOnParticipationFailure(false);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var tenant = Tenancy.current();
        if (tenant.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement("select set_config('siyu.tenant_id', ?, true)")) {
            statement.setString(1, tenant.get().toString());
            statement.execute();
        }
    }
}

package io.siyu.platform;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantBoundTransactionManager(dataSource);
    }

    /**
     * Row-level security is the tenant boundary; a login that bypasses it would silently remove that
     * boundary, so Siyu refuses to start with one.
     */
    @Bean
    InitializingBean rowLevelSecurityGuard(JdbcClient jdbc) {
        return () -> {
            boolean bypasses = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                    .query(Boolean.class)
                    .single();
            if (bypasses) {
                throw new StartupRefused(
                        "The database user (SPRING_DATASOURCE_USERNAME) is a superuser or has BYPASSRLS, which would"
                                + " switch off tenant isolation.",
                        "Give Siyu an ordinary role (docs/operations.md shows the SQL) and, if that role must not own"
                                + " the tables, set SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD to the owner.");
            }
        };
    }
}

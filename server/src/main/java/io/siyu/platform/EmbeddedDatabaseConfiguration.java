package io.siyu.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The default database: with no {@code SPRING_DATASOURCE_URL} configured, Siyu runs its own PostgreSQL.
 * The application pool logs in as the restricted role; Flyway gets the owner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(SiyuProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir());
    }

    @Bean
    @Primary
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        var pool = new HikariDataSource();
        pool.setPoolName("siyu");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(EmbeddedPostgresServer.APP_ROLE);
        pool.setPassword(server.appPassword());
        pool.setMaximumPoolSize(20);
        return pool;
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(EmbeddedPostgresServer server) {
        var pool = new HikariDataSource();
        pool.setPoolName("siyu-owner");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        return pool;
    }
}

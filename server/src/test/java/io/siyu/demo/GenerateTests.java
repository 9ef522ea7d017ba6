package io.siyu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuApplication;
import io.siyu.shared.Tenancy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code ./siyu generate} as the script runs it: no web server, its own data folder, a new tenant. */
class GenerateTests {

    @TempDir
    Path dataDir;

    @Test
    void generatesTheStandardDataSetIntoANewTenantWithoutAWebServer() {
        try (var context = new SpringApplicationBuilder(SiyuApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--siyu.data-dir=" + dataDir,
                        "--siyu.generate.only=true",
                        "--siyu.generate.customers=1500",
                        "--siyu.generate.as-of=2026-11-23",
                        "--siyu.access.admin-password=generate-test-password",
                        "--logging.file.name=")) {
            assertThat(context.getEnvironment().getProperty("siyu.data-dir")).isEqualTo(dataDir.toString());
            var tenant = context.getBean(Generate.class).lastTenant().orElseThrow();
            var jdbc = context.getBean(JdbcClient.class);
            var counts = Tenancy.callAs(
                    tenant,
                    () -> context.getBean(TransactionTemplate.class)
                            .execute(status -> jdbc.sql(
                                            "select (select count(*) from customer) || '/' || (select count(*) from event)")
                                    .query(String.class)
                                    .single()));
            assertThat(counts).isEqualTo("1500/15000");
        }
    }
}

package io.siyu.access;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: creates the first tenant and its administrator ({@code SIYU_ADMIN_USERNAME} /
 * {@code SIYU_ADMIN_PASSWORD}). There is no fixed default password: when none is configured one is
 * generated and printed once, and only its hash is kept.
 */
@Service
@Order(0)
public class Installation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;
    private final AccessProperties properties;

    Installation(
            JdbcClient jdbc,
            TenantManagement tenants,
            AccountManagement accounts,
            TransactionTemplate transactions,
            AccessProperties properties) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.accounts = accounts;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (firstTenant().isPresent()) {
            return;
        }
        var tenant = tenants.create(properties.tenantName(), properties.timeZone());
        var configured = properties.adminPassword();
        var password = configured == null || configured.isBlank() ? generatePassword() : configured;
        Tenancy.runAs(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    accounts.create(properties.adminUsername(), "管理员", Role.ADMIN, password);
                    jdbc.sql("insert into installation (first_tenant_id) values (?)")
                            .param(tenant.value())
                            .update();
                }));
        if (configured == null || configured.isBlank()) {
            printOnce(properties.adminUsername(), password);
        }
        log.info("first start: created tenant {} and administrator '{}'", tenant, properties.adminUsername());
    }

    public Optional<TenantId> firstTenant() {
        return jdbc.sql("select first_tenant_id from installation")
                .query((rs, n) -> new TenantId(rs.getLong(1)))
                .optional();
    }

    public boolean demoDataLoaded() {
        return jdbc.sql("select demo_loaded_at is not null from installation")
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void markDemoDataLoaded() {
        jdbc.sql("update installation set demo_loaded_at = now()").update();
    }

    private static String generatePassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    /** Straight to the console, not the log file: the password must not be kept anywhere. */
    @SuppressWarnings("java:S106")
    private static void printOnce(String username, String password) {
        System.out.println();
        System.out.println("  ┌──────────────────────────────────────────────────────────────┐");
        System.out.println("  │ Siyu first start: administrator account created              │");
        System.out.printf("  │   username: %-49s│%n", username);
        System.out.printf("  │   password: %-49s│%n", password);
        System.out.println("  │ It is shown this once only. Change it after you log in.      │");
        System.out.println("  └──────────────────────────────────────────────────────────────┘");
        System.out.println();
    }
}

package io.siyu;

import io.siyu.access.AccountManagement;
import io.siyu.access.Role;
import io.siyu.access.TenantManagement;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Creates isolated tenants with logins for integration tests, through the public facades. */
@Component
public class TestTenants {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A tenant and the username of one account per role in it. */
    public record Fixture(TenantId tenant, String admin, String manager, String operator, String staff, long staffId) {}

    private final TenantManagement tenants;
    private final AccountManagement accounts;

    TestTenants(TenantManagement tenants, AccountManagement accounts) {
        this.tenants = tenants;
        this.accounts = accounts;
    }

    public Fixture create() {
        int n = SEQUENCE.incrementAndGet();
        var tenant = tenants.create("测试租户 " + n, "Asia/Shanghai");
        var prefix = "t" + n + "-" + System.nanoTime() % 100_000;
        return Tenancy.callAs(tenant, () -> {
            account(prefix + "-admin", Role.ADMIN);
            account(prefix + "-manager", Role.MANAGER);
            account(prefix + "-operator", Role.OPERATOR);
            long staffId = account(prefix + "-staff", Role.STAFF);
            return new Fixture(
                    tenant, prefix + "-admin", prefix + "-manager", prefix + "-operator", prefix + "-staff", staffId);
        });
    }

    private long account(String username, Role role) {
        return accounts.create(username, username, role, PASSWORD).id();
    }
}

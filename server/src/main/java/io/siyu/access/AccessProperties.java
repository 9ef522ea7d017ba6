package io.siyu.access;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Environment names: {@code SIYU_ADMIN_USERNAME}, {@code SIYU_ADMIN_PASSWORD} (first start only; a
 * password is generated and printed once when unset), {@code SIYU_TENANT_NAME}, {@code SIYU_MAX_FAILED_LOGINS},
 * {@code SIYU_LOCKOUT_DURATION}, {@code SIYU_LINK_SECRET} (signs customer links; when unset one is generated at the
 * first start and kept in the database), {@code SIYU_LINK_REQUESTS_PER_MINUTE} (per client and link holder).
 */
@ConfigurationProperties("siyu.access")
record AccessProperties(
        @DefaultValue("admin") String adminUsername,
        @Nullable String adminPassword,
        @DefaultValue("我的品牌") String tenantName,
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration,
        @Nullable String linkSecret,
        @DefaultValue("120") int linkRequestsPerMinute) {

    StaffAccount.LockoutPolicy lockoutPolicy() {
        return new StaffAccount.LockoutPolicy(maxFailedLogins, lockoutDuration);
    }
}

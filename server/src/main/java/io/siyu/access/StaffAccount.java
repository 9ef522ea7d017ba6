package io.siyu.access;

import io.siyu.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person who logs into the console. Lockout is behaviour of the account: after too many failed passwords
 * it refuses logins until {@code lockedUntil}.
 */
public record StaffAccount(
        TenantId tenant,
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable String passwordHash,
        boolean enabled,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The state after one more wrong password: counts up, and locks once the count reaches the limit. */
    StaffAccount failedLogin(Instant now, LockoutPolicy policy) {
        int attempts = failedAttempts + 1;
        if (attempts >= policy.maxFailedLogins()) {
            return with(0, now.plus(policy.lockDuration()), lastLoginAt);
        }
        return with(attempts, lockedUntil, lastLoginAt);
    }

    StaffAccount succeededLogin(Instant now) {
        return with(0, null, now);
    }

    StaffAccount unlocked() {
        return with(0, null, lastLoginAt);
    }

    private StaffAccount with(int attempts, @Nullable Instant locked, @Nullable Instant lastLogin) {
        return new StaffAccount(
                tenant, id, username, displayName, role, passwordHash, enabled, attempts, locked, lastLogin, createdAt);
    }

    /** How many wrong passwords lock an account, and for how long. */
    public record LockoutPolicy(int maxFailedLogins, Duration lockDuration) {}
}

package io.siyu.access;

import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login with lockout. A failed attempt is committed before the error is thrown, so the count
 * survives; unknown usernames cost the same hashing work as known ones.
 */
@Service
public class Login {

    private static final Logger log = LoggerFactory.getLogger(Login.class);

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final AccessProperties properties;
    private final Clock clock;
    private final String decoyHash;

    Login(
            StaffAccounts accounts,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionTemplate transactions,
            AccessProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy password for timing");
    }

    /** @throws io.siyu.shared.DomainException {@code auth.bad-credentials} or {@code auth.locked} */
    public Actor authenticate(String username, String password) {
        var tenant = accounts.tenantOf(username);
        if (tenant.isEmpty()) {
            passwords.matches(password, decoyHash);
            log.info("login refused: unknown username");
            throw AccessProblems.badCredentials();
        }
        var outcome = Tenancy.callAs(tenant.get(), () -> transactions.execute(status -> attempt(username, password)));
        if (outcome == null || outcome.actor() == null) {
            throw outcome == null || outcome.problem() == null ? AccessProblems.badCredentials() : outcome.problem();
        }
        return outcome.actor();
    }

    private Outcome attempt(String username, String password) {
        var now = clock.instant();
        var account = accounts.byUsernameForUpdate(username).orElseThrow(AccessProblems::badCredentials);
        if (account.lockedAt(now)) {
            audit.record(account.username(), "auth.login-locked", account.username(), Map.of());
            return Outcome.refused(AccessProblems.locked());
        }
        var hash = account.passwordHash();
        boolean matches = passwords.matches(password, hash != null ? hash : decoyHash) && hash != null;
        if (!matches || !account.enabled()) {
            var after = account.failedLogin(now, properties.lockoutPolicy());
            accounts.saveLoginState(after);
            audit.record(
                    account.username(), "auth.login-failed", account.username(), Map.of("locked", after.lockedAt(now)));
            return Outcome.refused(after.lockedAt(now) ? AccessProblems.locked() : AccessProblems.badCredentials());
        }
        accounts.saveLoginState(account.succeededLogin(now));
        audit.record(account.username(), "auth.login", account.username(), Map.of());
        return Outcome.accepted(new Actor(account.tenant(), account.id(), account.username(), account.role(), false));
    }

    private record Outcome(@Nullable Actor actor, @Nullable DomainException problem) {
        static Outcome accepted(Actor actor) {
            return new Outcome(actor, null);
        }

        static Outcome refused(DomainException problem) {
            return new Outcome(null, problem);
        }
    }
}

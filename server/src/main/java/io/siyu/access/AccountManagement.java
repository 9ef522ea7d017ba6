package io.siyu.access;

import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts of the current tenant: create, change, unlock, list, and passwords. */
@Service
public class AccountManagement {

    static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,64}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{5,20}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AccountManagement(
            StaffAccounts accounts, PasswordEncoder passwords, AuditLog audit, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public StaffAccount create(String username, String displayName, Role role, String password) {
        return create(username, displayName, role, password, null, null);
    }

    /**
     * Creates an account that can log in; the optional work mobile and email let it be matched with the WeCom
     * directory ({@link AccountCreated} is published for that).
     */
    @Transactional
    public StaffAccount create(
            String username,
            String displayName,
            Role role,
            String password,
            @Nullable String mobile,
            @Nullable String email) {
        checkUsername(username);
        checkPassword("password", password);
        var contact = contact(mobile, email);
        var id = accounts.insert(username, displayName, role, passwords.encode(password));
        accounts.updateContact(id, contact[0], contact[1]);
        audit.record(Actor.currentName(), "account.created", username, Map.of("role", role.code()));
        events.publishEvent(new AccountCreated(id));
        return accounts.byId(id).orElseThrow();
    }

    /** Accounts that exist to own customers (imported staff, demo data) but cannot log in. */
    @Transactional
    public long createWithoutLogin(String username, String displayName, Role role) {
        checkUsername(username);
        long id = accounts.insert(username, displayName, role, null);
        events.publishEvent(new AccountCreated(id));
        return id;
    }

    /** Usernames, mobiles and emails of the enabled accounts (or of one account, enabled or not, with {@code id}). */
    @Transactional(readOnly = true)
    public List<AccountContact> contacts(@Nullable Long id) {
        return accounts.contacts(id);
    }

    /** The mobile (spaces and dashes dropped) and email (lower case), each null when blank; 400 when malformed. */
    private static @Nullable String[] contact(@Nullable String mobile, @Nullable String email) {
        var compact = mobile == null ? "" : mobile.replaceAll("[\\s-]", "").replaceFirst("^\\+86", "");
        var mail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!compact.isEmpty() && !MOBILE.matcher(compact).matches()) {
            throw AccessProblems.field("mobile", "account.mobile.pattern");
        }
        if (!mail.isEmpty() && !EMAIL.matcher(mail).matches()) {
            throw AccessProblems.field("email", "account.email.pattern");
        }
        return new @Nullable String[] {compact.isEmpty() ? null : compact, mail.isEmpty() ? null : mail};
    }

    @Transactional
    public StaffAccount update(long id, String displayName, Role role, boolean enabled) {
        var account = accounts.byId(id).orElseThrow(() -> AccessProblems.accountNotFound(id));
        boolean losesAdmin = account.role() == Role.ADMIN && account.enabled() && (role != Role.ADMIN || !enabled);
        if (losesAdmin && accounts.countEnabledAdmins() <= 1) {
            throw AccessProblems.conflict("role", "account.last-admin");
        }
        accounts.update(id, displayName, role, enabled);
        audit.record(
                Actor.currentName(),
                "account.updated",
                account.username(),
                Map.of("role", role.code(), "enabled", enabled));
        return accounts.byId(id).orElseThrow();
    }

    @Transactional
    public void unlock(long id) {
        var account = accounts.byId(id).orElseThrow(() -> AccessProblems.accountNotFound(id));
        accounts.saveLoginState(account.unlocked());
        audit.record(Actor.currentName(), "account.unlocked", account.username(), Map.of());
    }

    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword) {
        var account = accounts.byId(id).orElseThrow(() -> AccessProblems.accountNotFound(id));
        if (account.passwordHash() == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw AccessProblems.field("currentPassword", "account.password.wrong");
        }
        checkPassword("newPassword", newPassword);
        accounts.updatePassword(id, passwords.encode(newPassword));
        audit.record(Actor.currentName(), "account.password-changed", account.username(), Map.of());
    }

    @Transactional(readOnly = true)
    public CursorPage<StaffAccount> list(PageRequest page) {
        return CursorPage.ofDescending(accounts.page(page), page.limit(), StaffAccount::id);
    }

    @Transactional(readOnly = true)
    public String displayName(long id) {
        return accounts.byId(id).map(StaffAccount::displayName).orElseThrow(() -> AccessProblems.accountNotFound(id));
    }

    /** The staff a customer can be assigned to: enabled accounts matching {@code query}, by name. */
    @Transactional(readOnly = true)
    public List<StaffAccount> directory(String query, int limit) {
        return accounts.directory(query.strip(), Math.clamp(limit, 1, 200));
    }

    /** Display names of the accounts that exist among {@code ids}. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        return accounts.displayNames(ids);
    }

    @Transactional(readOnly = true)
    public StaffAccount get(long id) {
        return accounts.byId(id).orElseThrow(() -> AccessProblems.accountNotFound(id));
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    private void checkUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw AccessProblems.field("username", "account.username.pattern");
        }
        if (accounts.usernameTaken(username)) {
            throw AccessProblems.conflict("username", "account.username.taken");
        }
    }

    private static void checkPassword(String field, String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw AccessProblems.field(field, "account.password.length", MIN_PASSWORD, MAX_PASSWORD);
        }
    }
}

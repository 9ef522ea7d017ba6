package io.siyu.wecom;

import io.siyu.access.AccountContact;
import io.siyu.access.AccountCreated;
import io.siyu.access.AccountManagement;
import io.siyu.access.Actor;
import io.siyu.access.AuditLog;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Siyu staff account each WeCom staff member (a userid) is. Linked automatically when exactly one account
 * and one directory entry agree — the userid is the account's username, or the mobile or email is the same — at
 * every directory sync and when an account is created; set or cleared by an administrator, whose choice automatic
 * linking never overrides. Every change is in the audit log.
 */
@Service
public class StaffLinks {

    /** A WeCom staff member and the account it is linked to (null: none); {@code source} auto or admin. */
    public record Link(
            String userId,
            String name,
            boolean removed,
            @Nullable Long accountId,
            @Nullable String source) {}

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final AuditLog audit;

    StaffLinks(JdbcClient jdbc, AccountManagement accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    private static final String LINKS = """
            select s.user_id, s.name, s.removed, l.account_id, l.source
            from (select distinct on (user_id) user_id, name, removed from wecom_staff
                  order by user_id, removed, synced_at desc) s
            left join wecom_staff_link l on l.user_id = s.user_id and l.account_id is not null""";

    /** The WeCom staff members still in a directory, by name, with their accounts. */
    @Transactional(readOnly = true)
    public List<Link> list() {
        return jdbc.sql("select * from (" + LINKS + ") x where not x.removed order by x.name, x.user_id")
                .query(StaffLinks::map)
                .list();
    }

    /** A WeCom staff member ever synced (also one who has left: their customers' history stays theirs). */
    @Transactional(readOnly = true)
    public Optional<Link> user(String userId) {
        return jdbc.sql("select * from (" + LINKS + ") x where x.user_id = ?")
                .param(userId)
                .query(StaffLinks::map)
                .optional();
    }

    /** The WeCom staff member linked to the account. */
    @Transactional(readOnly = true)
    public Optional<Link> ofAccount(long accountId) {
        return jdbc.sql("select * from (" + LINKS + ") x where x.account_id = ?")
                .param(accountId)
                .query(StaffLinks::map)
                .optional();
    }

    /**
     * An administrator links the account to a WeCom staff member, or unlinks it ({@code userId} null or blank).
     * 404 for an unknown account; 400 ({@code userId}) for a userid no directory has; 409 when another account has
     * it.
     */
    @Transactional
    public Optional<Link> link(long accountId, @Nullable String userId) {
        var account = accounts.get(accountId);
        var current = ofAccount(accountId);
        if (userId == null || userId.isBlank()) {
            current.ifPresent(link -> {
                forget(link.userId());
                audit.record(
                        Actor.currentName(),
                        "account.wecom-unlinked",
                        account.username(),
                        Map.of("userId", link.userId()));
            });
            return Optional.empty();
        }
        var wanted = userId.strip();
        var user = user(wanted)
                .filter(u -> !u.removed())
                .orElseThrow(() -> new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("userId", "wecom.staff.unknown", wanted))));
        if (user.accountId() != null && user.accountId() != accountId) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "problem.conflict",
                    List.of(new FieldProblem(
                            "userId", "wecom.staff.linked", user.name(), accounts.displayName(user.accountId()))));
        }
        if (current.isPresent() && current.get().userId().equals(wanted)) {
            return current;
        }
        current.ifPresent(link -> forget(link.userId()));
        jdbc.sql("""
                        insert into wecom_staff_link (user_id, account_id, source) values (?, ?, 'admin')
                        on conflict (tenant_id, user_id) do update set account_id = excluded.account_id,
                            source = 'admin', linked_at = now()""").params(wanted, accountId).update();
        audit.record(
                Actor.currentName(),
                "account.wecom-linked",
                account.username(),
                Map.of("userId", wanted, "source", "admin"));
        return user(wanted);
    }

    /** The user keeps a row without an account: automatic linking leaves them alone from now on. */
    private void forget(String userId) {
        jdbc.sql("update wecom_staff_link set account_id = null, source = 'admin', linked_at = now() where user_id = ?")
                .param(userId)
                .update();
    }

    /** A new account may be someone the directory already has. */
    @EventListener
    void accountCreated(AccountCreated created) {
        autoLink();
    }

    /**
     * Links each unlinked WeCom staff member to the one unlinked, enabled account that agrees with them (userid =
     * username, or the same mobile or email), when exactly one does and it agrees with no other staff member.
     * Answers how many links were made.
     */
    @Transactional
    public int autoLink() {
        var users = jdbc.sql("""
                        select distinct on (s.user_id) s.user_id, s.mobile, s.email from wecom_staff s
                        where not s.removed and not exists (select 1 from wecom_staff_link l where l.user_id = s.user_id)
                        order by s.user_id, s.synced_at desc""")
                .query((rs, n) -> new AccountContact(0, rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        if (users.isEmpty()) {
            return 0;
        }
        var taken =
                new java.util.HashSet<>(jdbc.sql("select account_id from wecom_staff_link where account_id is not null")
                        .query(Long.class)
                        .list());
        var free = accounts.contacts(null).stream()
                .filter(a -> !taken.contains(a.id()))
                .toList();
        var matches = new HashMap<String, List<AccountContact>>();
        var claims = new HashMap<Long, Integer>();
        for (var user : users) {
            var agreeing = free.stream().filter(a -> agree(user, a) != null).toList();
            matches.put(user.username(), agreeing);
            agreeing.forEach(a -> claims.merge(a.id(), 1, Integer::sum));
        }
        int linked = 0;
        for (var user : users) {
            var agreeing = matches.get(user.username());
            if (agreeing.size() != 1 || claims.get(agreeing.getFirst().id()) != 1) {
                continue;
            }
            var account = agreeing.getFirst();
            int inserted = jdbc.sql("insert into wecom_staff_link (user_id, account_id, source) values (?, ?, 'auto')"
                            + " on conflict do nothing")
                    .params(user.username(), account.id())
                    .update();
            if (inserted == 1) {
                audit.record(
                        Actor.currentName(),
                        "account.wecom-linked",
                        account.username(),
                        Map.of("userId", user.username(), "source", "auto", "by", agree(user, account)));
                linked++;
            }
        }
        return linked;
    }

    /** What a directory entry (userid as its username) and an account agree on, or null. */
    static @Nullable String agree(AccountContact user, AccountContact account) {
        if (user.username().toLowerCase(Locale.ROOT).equals(account.username())) {
            return "userid";
        }
        if (user.mobile() != null
                && account.mobile() != null
                && mobile(user.mobile()).equals(account.mobile())) {
            return "mobile";
        }
        if (user.email() != null
                && account.email() != null
                && user.email().strip().toLowerCase(Locale.ROOT).equals(account.email())) {
            return "email";
        }
        return null;
    }

    private static String mobile(String raw) {
        var compact = raw.replaceAll("[\\s-]", "");
        return compact.startsWith("+86") ? compact.substring(3) : compact;
    }

    private static Link map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var account = rs.getObject(4, Long.class);
        return new Link(rs.getString(1), rs.getString(2), rs.getBoolean(3), account, rs.getString(5));
    }
}

package io.siyu.access;

import io.siyu.shared.PageRequest;
import io.siyu.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffAccounts {

    private static final String COLUMNS = "tenant_id, id, username, display_name, role, password_hash, enabled,"
            + " failed_attempts, locked_until, last_login_at, created_at";

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The directory lookup that precedes a login: which tenant owns this username, if any. */
    Optional<TenantId> tenantOf(String username) {
        return jdbc.sql("select tenant_id from login_name where username = ?")
                .param(username.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new TenantId(rs.getLong(1)))
                .optional();
    }

    boolean usernameTaken(String username) {
        return tenantOf(username).isPresent();
    }

    long insert(String username, String displayName, Role role, @Nullable String passwordHash) {
        var name = username.toLowerCase(Locale.ROOT);
        jdbc.sql("insert into login_name (username, tenant_id) values (?, siyu_current_tenant())")
                .param(name)
                .update();
        return jdbc.sql("insert into staff_account (tenant_id, username, display_name, role, password_hash)"
                        + " values (siyu_current_tenant(), ?, ?, ?, ?) returning id")
                .params(name, displayName, role.code(), passwordHash)
                .query(Long.class)
                .single();
    }

    void updateContact(long id, @Nullable String mobile, @Nullable String email) {
        jdbc.sql("update staff_account set mobile = ?, email = ? where id = ?")
                .params(mobile, email, id)
                .update();
    }

    /** The enabled accounts' contacts, or one account's (enabled or not) when {@code id} is given. */
    List<AccountContact> contacts(@Nullable Long id) {
        return jdbc.sql("select id, username, mobile, email from staff_account"
                        + " where (?::bigint is null and enabled) or id = ? order by id")
                .params(id, id)
                .query((rs, n) -> new AccountContact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<StaffAccount> byUsernameForUpdate(String username) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where username = ? for update")
                .param(username.toLowerCase(Locale.ROOT))
                .query(StaffAccounts::map)
                .optional();
    }

    Optional<StaffAccount> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where id = ?")
                .param(id)
                .query(StaffAccounts::map)
                .optional();
    }

    List<StaffAccount> page(PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where id < ? order by id desc limit ?")
                .params(page.before(), page.fetchSize())
                .query(StaffAccounts::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from staff_account").query(Long.class).single();
    }

    void saveLoginState(StaffAccount account) {
        jdbc.sql("update staff_account set failed_attempts = ?, locked_until = ?, last_login_at = ? where id = ?")
                .params(account.failedAttempts(), ts(account.lockedUntil()), ts(account.lastLoginAt()), account.id())
                .update();
    }

    /** Enabled accounts whose name or username contains {@code query} (all when blank), by name. */
    List<StaffAccount> directory(String query, int limit) {
        var pattern = "%"
                + query.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from staff_account where enabled"
                        + " and (lower(display_name) like ? or username like ?) order by display_name, id limit ?")
                .params(pattern, pattern, limit)
                .query(StaffAccounts::map)
                .list();
    }

    java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        var names = new java.util.HashMap<Long, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, display_name from staff_account where id = any(?::bigint[])")
                    .param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    void update(long id, String displayName, Role role, boolean enabled) {
        jdbc.sql("update staff_account set display_name = ?, role = ?, enabled = ?, updated_at = now() where id = ?")
                .params(displayName, role.code(), enabled, id)
                .update();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("update staff_account set password_hash = ?, updated_at = now() where id = ?")
                .params(passwordHash, id)
                .update();
    }

    long countEnabledAdmins() {
        return jdbc.sql(
                        "select count(*) from staff_account where role = 'admin' and enabled and password_hash is not null")
                .query(Long.class)
                .single();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(
                new TenantId(rs.getLong("tenant_id")),
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.fromCode(rs.getString("role")).orElseThrow(),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("last_login_at")),
                rs.getTimestamp("created_at").toInstant());
    }
}

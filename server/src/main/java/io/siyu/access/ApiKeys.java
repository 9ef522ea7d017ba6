package io.siyu.access;

import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys for machine clients: {@code siyu_<tenant>_<40 random base62>}. Only a SHA-256 of the key is
 * stored (the key has 238 bits of entropy, so a slow hash adds nothing); the key itself is shown once.
 */
@Service
public class ApiKeys {

    /** A key as listed; never contains the secret. */
    public record ApiKey(
            long id,
            String name,
            String prefix,
            Role role,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}

    /** A key just created: {@code key} is the only time the secret is available. */
    public record CreatedKey(ApiKey apiKey, String key) {}

    private static final Pattern FORMAT = Pattern.compile("siyu_([1-9][0-9]{0,18})_([A-Za-z0-9]{40})");
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final String COLUMNS = "id, name, prefix, role, created_at, created_by, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Transactional
    public CreatedKey create(String name, Role role) {
        var secret = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        var key = "siyu_" + Tenancy.required() + "_" + secret;
        var prefix = key.substring(0, key.length() - 36) + "…";
        var id = jdbc.sql("insert into api_key (tenant_id, name, prefix, secret_hash, role, created_by)"
                        + " values (siyu_current_tenant(), ?, ?, ?, ?, ?) returning id")
                .params(name, prefix, sha256(key), role.code(), Actor.currentName())
                .query(Long.class)
                .single();
        audit.record(Actor.currentName(), "api-key.created", name, Map.of("role", role.code(), "prefix", prefix));
        return new CreatedKey(byId(id).orElseThrow(), key);
    }

    @Transactional
    public void revoke(long id) {
        var key = byId(id).orElseThrow(() -> io.siyu.shared.DomainException.notFound("api-key", id));
        jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where id = ?")
                .param(id)
                .update();
        audit.record(Actor.currentName(), "api-key.revoked", key.name(), Map.of("prefix", key.prefix()));
    }

    @Transactional(readOnly = true)
    public CursorPage<ApiKey> list(PageRequest page) {
        var rows = jdbc.sql("select " + COLUMNS + " from api_key where id < ? order by id desc limit ?")
                .params(page.before(), page.fetchSize())
                .query(ApiKeys::map)
                .list();
        return CursorPage.ofDescending(rows, page.limit(), ApiKey::id);
    }

    /** The actor for a presented key, if it is well-formed, known to its tenant and not revoked. */
    public Optional<Actor> authenticate(String presented) {
        var matcher = FORMAT.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var tenant = new TenantId(Long.parseLong(matcher.group(1)));
        return Tenancy.callAs(
                tenant,
                () -> transactions.execute(status -> {
                    var actor = jdbc.sql(
                                    "select id, name, role from api_key where secret_hash = ? and revoked_at is null")
                            .param(sha256(presented))
                            .query((rs, n) -> new Actor(
                                    tenant,
                                    rs.getLong(1),
                                    "api-key:" + rs.getString(2),
                                    Role.fromCode(rs.getString(3)).orElseThrow(),
                                    true))
                            .optional();
                    // "last used" to the minute is enough; writing it on every request would make all requests with
                    // one key queue on that row's lock
                    actor.ifPresent(a -> jdbc.sql("update api_key set last_used_at = now() where id = ?"
                                    + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                            .param(a.accountId())
                            .update());
                    return actor;
                }));
    }

    private Optional<ApiKey> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where id = ?")
                .param(id)
                .query(ApiKeys::map)
                .optional();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        var lastUsed = rs.getTimestamp(7);
        var revoked = rs.getTimestamp(8);
        return new ApiKey(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Role.fromCode(rs.getString(4)).orElseThrow(),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                lastUsed == null ? null : lastUsed.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

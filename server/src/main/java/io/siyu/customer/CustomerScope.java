package io.siyu.customer;

import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.shared.DomainException;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which customers the caller may see: everyone with {@code customers:all}, otherwise only the customers the
 * staff member owns. Others' customers are answered as "not found", so their existence does not leak.
 */
@Service
public class CustomerScope {

    private final JdbcClient jdbc;
    private final IdentityMerges merges;

    CustomerScope(JdbcClient jdbc, IdentityMerges merges) {
        this.jdbc = jdbc;
        this.merges = merges;
    }

    /** The profiles that make up the customer {@code id} resolves to (home profiles of its data). */
    @Transactional(readOnly = true)
    public List<Long> visibleGroup(long id) {
        long root = merges.rootOf(id);
        if (!seesAll()) {
            var owner = jdbc.sql("select owner_account_id from customer where id = ?")
                    .param(root)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (!Objects.equals(owner, Actor.current().map(Actor::accountId).orElse(null))) {
                throw DomainException.notFound("customer", id);
            }
        }
        return merges.group(root);
    }

    /**
     * The customer each id resolves to, for the ids whose customer the caller may see; the others are left
     * out, as if unknown.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> visibleRoots(java.util.Collection<Long> ids) {
        var roots = merges.rootsOf(ids);
        if (seesAll() || roots.isEmpty()) {
            return roots;
        }
        var owned = new java.util.HashSet<>(
                jdbc.sql("select id from customer where id = any(?::bigint[]) and owner_account_id = ?")
                        .params(
                                roots.values().stream().distinct().toArray(Long[]::new),
                                Actor.current().map(Actor::accountId).orElse(-1L))
                        .query(Long.class)
                        .list());
        roots.values().removeIf(root -> !owned.contains(root));
        return roots;
    }

    public static boolean seesAll() {
        return has(Permission.CUSTOMERS_ALL);
    }

    /** Whether the caller holds {@code permission}. */
    public static boolean has(String permission) {
        return Actor.current().map(a -> a.permissions().contains(permission)).orElse(false);
    }
}

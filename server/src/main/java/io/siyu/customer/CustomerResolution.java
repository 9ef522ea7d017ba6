package io.siyu.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the customer behind identities. Two paths:
 *
 * <ul>
 *   <li>{@link #resolveOrCreate}: one identity per record, set-based for ingestion batches: one query finds
 *       the known ones, one insert creates an anonymous profile for each unknown one;
 *   <li>{@link #resolveTogether}: several identities that one write says belong to one person; unknown ones
 *       join the profile of the known ones, and when they lead to several profiles the merge rules decide
 *       ({@link IdentityMerges}).
 * </ul>
 *
 * Safe under concurrent writes: an identity that another transaction creates first is taken from there
 * (its unique key decides), never duplicated.
 */
@Service
public class CustomerResolution {

    private final JdbcClient jdbc;
    private final CustomerNumbers numbers;
    private final IdentityMerges merges;

    private final CustomerChanges changes;
    private final IdentityCache cache;

    CustomerResolution(
            JdbcClient jdbc,
            CustomerNumbers numbers,
            IdentityMerges merges,
            CustomerChanges changes,
            IdentityCache cache) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.merges = merges;
        this.cache = cache;
    }

    /** The home profile of every key, creating anonymous customers first seen at {@code seenAt}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<IdentityKey, Long> resolveOrCreate(Collection<IdentityKey> keys, Instant seenAt) {
        var wanted = new LinkedHashSet<>(keys);
        var found = find(wanted);
        var missing = wanted.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            long first = numbers.take(missing.size());
            var homes = new ArrayList<Long>(missing.size());
            for (int i = 0; i < missing.size(); i++) {
                homes.add(first + i);
            }
            var created = attach(missing, homes);
            createProfiles(new HashSet<>(created.values()), seenAt);
            found.putAll(created);
            var raced = missing.stream().filter(k -> !found.containsKey(k)).toList();
            if (!raced.isEmpty()) {
                found.putAll(find(raced));
            }
        }
        return found;
    }

    /**
     * Resolves identities that belong to one person. With {@code strict}, identities of several profiles that
     * may not be merged are an error ({@link IdentityConflict}); otherwise the write stays with the profile of
     * its first known identity and the result says {@code conflict}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Resolved resolveTogether(List<IdentityClaim> claims, String actor, Instant seenAt, boolean strict) {
        var keys = claims.stream().map(IdentityClaim::key).distinct().toList();
        var found = find(keys);
        boolean created = false;
        var missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            long target = found.isEmpty() ? numbers.take(1) : found.get(firstKnown(keys, found));
            var attached = attach(missing, java.util.Collections.nCopies(missing.size(), target));
            if (found.isEmpty() && !attached.isEmpty()) {
                createProfiles(Set.of(target), seenAt);
                created = true;
            }
            found.putAll(attached);
            var raced = missing.stream().filter(k -> !found.containsKey(k)).toList();
            if (!raced.isEmpty()) {
                found.putAll(find(raced));
            }
        }
        markVerified(claims);
        long home = found.get(firstKnown(keys, found));
        var roots = merges.rootsOf(found.values());
        if (new HashSet<>(roots.values()).size() == 1) {
            return new Resolved(home, roots.get(home), created, List.of(), false);
        }
        return merges.mergeForWrite(claims, home, actor, strict, created);
    }

    /** Adds identities to an existing profile; see {@link #resolveTogether} for what happens on a clash. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Resolved addIdentities(long customerId, List<IdentityClaim> claims, String actor, boolean strict) {
        var root = merges.rootOf(customerId);
        var keys = claims.stream().map(IdentityClaim::key).distinct().toList();
        var found = find(keys);
        var missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        found.putAll(attach(missing, java.util.Collections.nCopies(missing.size(), root)));
        var raced = missing.stream().filter(k -> !found.containsKey(k)).toList();
        if (!raced.isEmpty()) {
            found.putAll(find(raced));
        }
        markVerified(claims);
        var homes = new LinkedHashSet<Long>();
        homes.add(root);
        homes.addAll(found.values());
        var roots = merges.rootsOf(homes);
        if (new HashSet<>(roots.values()).size() == 1) {
            return new Resolved(root, root, false, List.of(), false);
        }
        return merges.mergeForWrite(claims, root, actor, strict, false);
    }

    /** The home profile of each of these identities that is known; unknown ones are left out, none is created. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<IdentityKey, Long> known(Collection<IdentityKey> keys) {
        return find(keys);
    }

    /** Which of these customer numbers exist in the current tenant. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Set<Long> existing(Collection<Long> customerNumbers) {
        if (customerNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from customer where id = any(?::bigint[])")
                .param(longArray(customerNumbers))
                .query(Long.class)
                .list());
    }

    /** The profile each home profile that was merged away resolves to now; the others are left out. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Long> survivors(Collection<Long> homes) {
        return merges.mergedRoots(homes);
    }

    /** The identity of the highest precedence among those found: it decides where unknown ones go. */
    private static IdentityKey firstKnown(List<IdentityKey> keys, Map<IdentityKey, Long> found) {
        return keys.stream()
                .filter(found::containsKey)
                .min(Comparator.comparingInt(k -> k.type().ordinal()))
                .orElseThrow();
    }

    Map<IdentityKey, Long> find(Collection<IdentityKey> keys) {
        var result = new LinkedHashMap<IdentityKey, Long>();
        if (keys.isEmpty()) {
            return result;
        }
        var cached = cache.get(keys);
        var asked = cached.isEmpty()
                ? keys
                : keys.stream().filter(k -> !cached.containsKey(k)).toList();
        if (!asked.isEmpty()) {
            var looked = new HashMap<IdentityKey, Long>();
            jdbc.sql(
                            "select i.type, i.value, i.customer_id from customer_identity i"
                                    + " join unnest(?::text[], ?::text[]) as k(type, value) on i.type = k.type and i.value = k.value")
                    .params(codes(asked), values(asked))
                    .query(rs -> {
                        looked.put(
                                new IdentityKey(IdentityType.fromCode(rs.getString(1)), rs.getString(2)),
                                rs.getLong(3));
                    });
            cache.put(looked);
            cached.putAll(looked);
        }
        for (var key : keys) {
            var home = cached.get(key);
            if (home != null) {
                result.put(key, home);
            }
        }
        return result;
    }

    /** Inserts identities for the given homes; those another transaction holds already are left out. */
    private Map<IdentityKey, Long> attach(List<IdentityKey> keys, List<Long> homes) {
        var attached = new HashMap<IdentityKey, Long>();
        if (keys.isEmpty()) {
            return attached;
        }
        jdbc.sql("insert into customer_identity (tenant_id, type, value, customer_id)"
                        + " select siyu_current_tenant(), k.type, k.value, k.id"
                        + " from unnest(?::text[], ?::text[], ?::bigint[]) as k(type, value, id)"
                        + " on conflict do nothing returning type, value, customer_id")
                .params(codes(keys), values(keys), longArray(homes))
                .query(rs -> {
                    attached.put(
                            new IdentityKey(IdentityType.fromCode(rs.getString(1)), rs.getString(2)), rs.getLong(3));
                });
        cache.put(attached);
        return attached;
    }

    private void createProfiles(Set<Long> ids, Instant seenAt) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("insert into customer (tenant_id, id, display_name, anonymous, first_seen_at, created_at)"
                        + " select siyu_current_tenant(), id, '', true, ?, ? from unnest(?::bigint[]) as c(id)")
                .params(Timestamp.from(seenAt), Timestamp.from(seenAt), longArray(ids))
                .update();
        changes.changed(ids);
    }

    private void markVerified(List<IdentityClaim> claims) {
        var verified = claims.stream()
                .filter(c -> c.verified() && c.key().type() == IdentityType.MOBILE)
                .map(IdentityClaim::key)
                .toList();
        if (!verified.isEmpty()) {
            jdbc.sql("update customer_identity set verified = true"
                            + " where type = 'mobile' and value = any(?::text[]) and not verified")
                    .param(values(verified))
                    .update();
        }
    }

    static String[] codes(Collection<IdentityKey> keys) {
        return keys.stream().map(k -> k.type().code()).toArray(String[]::new);
    }

    static String[] values(Collection<IdentityKey> keys) {
        return keys.stream().map(IdentityKey::value).toArray(String[]::new);
    }

    static Long[] longArray(Collection<Long> values) {
        return values.toArray(Long[]::new);
    }
}

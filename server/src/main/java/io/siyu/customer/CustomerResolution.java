package io.siyu.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the customer behind identities, set-based: one query finds the known ones, one insert creates an
 * anonymous profile for each unknown one. Safe under concurrent batches: an identity that another
 * transaction creates first is taken from there (its unique key decides), never duplicated.
 */
@Service
public class CustomerResolution {

    private final JdbcClient jdbc;
    private final CustomerNumbers numbers;

    CustomerResolution(JdbcClient jdbc, CustomerNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    /** The customer number of every key, creating anonymous customers first seen at {@code seenAt}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<IdentityKey, Long> resolveOrCreate(Collection<IdentityKey> keys, Instant seenAt) {
        var wanted = new LinkedHashSet<>(keys);
        var found = find(wanted);
        var missing = wanted.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            found.putAll(create(missing, seenAt));
            var raced = missing.stream().filter(k -> !found.containsKey(k)).toList();
            if (!raced.isEmpty()) {
                found.putAll(find(raced));
            }
        }
        return found;
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

    private Map<IdentityKey, Long> find(Collection<IdentityKey> keys) {
        var result = new HashMap<IdentityKey, Long>();
        jdbc.sql(
                        "select i.type, i.value, i.customer_id from customer_identity i"
                                + " join unnest(?::text[], ?::text[]) as k(type, value) on i.type = k.type and i.value = k.value")
                .params(codes(keys), values(keys))
                .query(rs -> {
                    result.put(new IdentityKey(IdentityType.fromCode(rs.getString(1)), rs.getString(2)), rs.getLong(3));
                });
        return result;
    }

    private Map<IdentityKey, Long> create(List<IdentityKey> keys, Instant seenAt) {
        long first = numbers.take(keys.size());
        var ids = new ArrayList<Long>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ids.add(first + i);
        }
        var created = new HashMap<IdentityKey, Long>();
        jdbc.sql("insert into customer_identity (tenant_id, type, value, customer_id)"
                        + " select siyu_current_tenant(), k.type, k.value, k.id"
                        + " from unnest(?::text[], ?::text[], ?::bigint[]) as k(type, value, id)"
                        + " on conflict do nothing returning type, value, customer_id")
                .params(codes(keys), values(keys), longArray(ids))
                .query(rs -> {
                    created.put(
                            new IdentityKey(IdentityType.fromCode(rs.getString(1)), rs.getString(2)), rs.getLong(3));
                });
        if (!created.isEmpty()) {
            jdbc.sql("insert into customer (tenant_id, id, display_name, anonymous, first_seen_at, created_at)"
                            + " select siyu_current_tenant(), id, '', true, ?, ? from unnest(?::bigint[]) as c(id)")
                    .params(Timestamp.from(seenAt), Timestamp.from(seenAt), longArray(created.values()))
                    .update();
        }
        return created;
    }

    private static String[] codes(Collection<IdentityKey> keys) {
        return keys.stream().map(k -> k.type().code()).toArray(String[]::new);
    }

    private static String[] values(Collection<IdentityKey> keys) {
        return keys.stream().map(IdentityKey::value).toArray(String[]::new);
    }

    private static Long[] longArray(Collection<Long> values) {
        return values.toArray(Long[]::new);
    }
}

package io.siyu.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.Tenancy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The home profile of identities seen lately, so that ingestion need not look each one up again. Safe to keep
 * on every instance without telling the others: an identity row is never changed or removed once committed (a
 * merge links profiles, it does not move identities). Only what a transaction committed is kept: an identity
 * that a rolled-back transaction created must not be handed out.
 */
@Component
class IdentityCache {

    private record Key(long tenant, IdentityType type, String value) {}

    private final Cache<Key, Long> homes;

    IdentityCache(@Value("${siyu.customers.identity-cache-size}") long size) {
        this.homes = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The cached homes of these keys; keys not cached are left out. */
    Map<IdentityKey, Long> get(Collection<IdentityKey> keys) {
        var tenant = Tenancy.required().value();
        var found = new HashMap<IdentityKey, Long>();
        for (var key : keys) {
            var home = homes.getIfPresent(new Key(tenant, key.type(), key.value()));
            if (home != null) {
                found.put(key, home);
            }
        }
        return found;
    }

    /** Keeps these homes once the current transaction commits (at once outside one). */
    void put(Map<IdentityKey, Long> found) {
        if (found.isEmpty()) {
            return;
        }
        var tenant = Tenancy.required().value();
        AfterCommit.collect(
                this,
                HashMap<IdentityKey, Long>::new,
                buffer -> buffer.putAll(found),
                committed ->
                        committed.forEach((key, home) -> homes.put(new Key(tenant, key.type(), key.value()), home)));
    }
}

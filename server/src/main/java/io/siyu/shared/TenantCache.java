package io.siyu.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value per tenant kept in memory for a short while: settings and rules that ingestion reads for every batch
 * and operators rarely change. A change made on this instance replaces the value once its transaction commits;
 * the transaction that makes it reads its own, uncommitted, value, which others must not get. Another instance
 * sees the change within the expiry.
 */
public final class TenantCache<T> {

    private final Cache<TenantId, T> values;
    private final Object changing = new Object();

    public TenantCache(Duration expiry) {
        values = Caffeine.newBuilder().expireAfterWrite(expiry).build();
    }

    /** The tenant's value, from memory or from {@code read} (which runs in the caller's transaction). */
    public T get(Supplier<T> read) {
        if (TransactionSynchronizationManager.hasResource(changing)) {
            return read.get();
        }
        return values.get(Tenancy.required(), tenant -> read.get());
    }

    /** Call in the transaction that changes the value: it is dropped from memory once that commits. */
    public void changed() {
        AfterCommit.collect(changing, Tenancy::required, tenant -> {}, values::invalidate);
    }
}

package io.siyu.shared;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The tenant the current thread works for. The transaction manager copies it into the PostgreSQL session
 * ({@code siyu.tenant_id}) at the start of every transaction, so row-level security sees it; code that
 * runs outside a request (start-up, jobs) must wrap its work in {@link #runAs}.
 */
public final class Tenancy {

    private static final ThreadLocal<@Nullable TenantId> CURRENT = new ThreadLocal<>();

    private Tenancy() {}

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantId required() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant bound to this thread"));
    }

    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        var previous = CURRENT.get();
        bind(tenant);
        try {
            return work.get();
        } finally {
            bind(previous);
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters only: binds until {@link #clear()}. */
    public static void bind(@Nullable TenantId tenant) {
        if (tenant == null) {
            CURRENT.remove();
            MDC.remove("tenantId");
        } else {
            CURRENT.set(tenant);
            MDC.put("tenantId", tenant.toString());
        }
    }

    public static void clear() {
        bind(null);
    }
}

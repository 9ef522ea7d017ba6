package io.siyu.access;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.shared.Worker;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/** A background round over every tenant: one tenant's failure is logged and does not stop the others. */
public final class PerTenant {

    private PerTenant() {}

    /** Runs {@code work} bound to each tenant while {@code worker} runs; returns how much was done in all. */
    public static int round(TenantManagement tenants, Worker worker, Logger log, String what, IntSupplier work) {
        int done = 0;
        for (TenantId tenant : tenants.ids()) {
            if (!worker.running()) {
                break;
            }
            try {
                done += Tenancy.callAs(tenant, work::getAsInt);
            } catch (RuntimeException e) {
                log.error("{} of tenant {} failed", what, tenant, e);
            }
        }
        return done;
    }
}

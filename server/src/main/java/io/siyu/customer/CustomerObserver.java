package io.siyu.customer;

import io.siyu.shared.TenantId;
import java.util.Set;

/**
 * Told, after the transaction commits, which profiles a write changed: the segment index reads them again.
 * Implemented by modules that keep derived views of customers.
 */
public interface CustomerObserver {

    /** @param merged whether profiles were merged or split, so that their events may belong elsewhere now */
    void customersChanged(TenantId tenant, Set<Long> ids, boolean merged);
}

package io.siyu.customer;

import io.siyu.shared.AfterCommit;
import io.siyu.shared.Tenancy;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Collects the profiles a transaction changes and tells the observers once it has committed. */
@Component
class CustomerChanges {

    private static final Logger log = LoggerFactory.getLogger(CustomerChanges.class);

    private final List<CustomerObserver> observers;

    CustomerChanges(List<CustomerObserver> observers) {
        this.observers = observers;
    }

    private static final class Pending {
        final Set<Long> ids = new HashSet<>();
        boolean merged;
    }

    void changed(Collection<Long> ids) {
        record(ids, false);
    }

    void merged(Collection<Long> ids) {
        record(ids, true);
    }

    private void record(Collection<Long> ids, boolean merged) {
        if (ids.isEmpty() || observers.isEmpty()) {
            return;
        }
        var tenant = Tenancy.required();
        AfterCommit.collect(
                this,
                Pending::new,
                pending -> {
                    pending.ids.addAll(ids);
                    pending.merged |= merged;
                },
                pending -> notify(tenant, pending.ids, pending.merged));
    }

    private void notify(io.siyu.shared.TenantId tenant, Set<Long> ids, boolean merged) {
        for (var observer : observers) {
            try {
                observer.customersChanged(tenant, ids, merged);
            } catch (RuntimeException e) {
                log.warn("{} could not take {} changed customers: {}", observer, ids.size(), e.getMessage());
            }
        }
    }
}

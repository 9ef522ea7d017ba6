package io.siyu.customer;

import io.siyu.shared.Tenancy;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notify(tenant, Set.copyOf(ids), merged);
            return;
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            var fresh = new Pending();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CustomerChanges.this);
                    if (status == STATUS_COMMITTED) {
                        CustomerChanges.this.notify(tenant, fresh.ids, fresh.merged);
                    }
                }
            });
            pending = fresh;
        }
        pending.ids.addAll(ids);
        pending.merged |= merged;
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

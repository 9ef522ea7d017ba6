package io.siyu.event;

import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Tells the {@link EventObserver}s about stored events once the transaction that stored them commits. */
@Component
class EventObservers {

    private static final Logger log = LoggerFactory.getLogger(EventObservers.class);

    private final List<EventObserver> observers;

    EventObservers(List<EventObserver> observers) {
        this.observers = observers;
    }

    /** Tells the observers inside the storing transaction; a failure fails the store. */
    void storing(List<StoredEvent> events) {
        if (events.isEmpty() || observers.isEmpty()) {
            return;
        }
        var tenant = Tenancy.required();
        observers.forEach(observer -> observer.eventsStoring(tenant, events));
    }

    void afterCommit(long[] customers, int[] types, Instant[] times) {
        if (customers.length == 0 || observers.isEmpty()) {
            return;
        }
        var tenant = Tenancy.required();
        Runnable notify = () -> observers.forEach(observer -> {
            try {
                observer.eventsAdded(tenant, customers, types, times);
            } catch (RuntimeException e) {
                log.warn("{} could not take {} events: {}", observer, customers.length, e.getMessage());
            }
        });
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notify.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notify.run();
            }
        });
    }
}

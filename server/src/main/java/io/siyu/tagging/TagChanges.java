package io.siyu.tagging;

import io.siyu.shared.AfterCommit;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Collects the tag changes of a transaction and tells the {@link TagObserver}s just before it commits and once
 * it has.
 */
@Component
class TagChanges {

    private static final Logger log = LoggerFactory.getLogger(TagChanges.class);

    private final List<TagObserver> observers;

    TagChanges(List<TagObserver> observers) {
        this.observers = observers;
    }

    private static final class Pending {
        final Map<Integer, List<Long>> added = new HashMap<>();
        final Map<Integer, List<Long>> removed = new HashMap<>();
    }

    void added(int tag, List<Long> customers) {
        record(tag, customers, true);
    }

    void removed(int tag, List<Long> customers) {
        record(tag, customers, false);
    }

    private void record(int tag, List<Long> customers, boolean added) {
        if (customers.isEmpty() || observers.isEmpty()) {
            return;
        }
        var tenant = Tenancy.required();
        AfterCommit.collect(
                this,
                Pending::new,
                pending -> (added ? pending.added : pending.removed)
                        .computeIfAbsent(tag, t -> new ArrayList<>())
                        .addAll(customers),
                pending -> {
                    for (var observer : observers) {
                        observer.tagsChanging(tenant, arrays(pending.added), arrays(pending.removed));
                    }
                },
                pending -> notify(tenant, arrays(pending.added), arrays(pending.removed)));
    }

    private static Map<Integer, long[]> arrays(Map<Integer, List<Long>> byTag) {
        var arrays = new HashMap<Integer, long[]>();
        byTag.forEach((tag, ids) ->
                arrays.put(tag, ids.stream().mapToLong(Long::longValue).toArray()));
        return arrays;
    }

    private void notify(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {
        for (var observer : observers) {
            try {
                observer.tagsChanged(tenant, added, removed);
            } catch (RuntimeException e) {
                log.warn("{} could not take tag changes: {}", observer, e.getMessage());
            }
        }
    }
}

package io.siyu.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records events that Siyu itself derives (a paid order is a purchase, a refund a refund), in the caller's
 * transaction: the event exists exactly when the fact behind it does. The event id is derived from the
 * fact's own key, so recording the same fact twice stores one event.
 */
@Service
public class EventRecorder {

    private final JdbcClient jdbc;
    private final EventPartitions partitions;
    private final Clock clock;
    private final EventObservers observers;

    EventRecorder(JdbcClient jdbc, EventPartitions partitions, Clock clock, EventObservers observers) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.clock = clock;
        this.observers = observers;
    }

    /** @return whether the event was new */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(long customer, EventType type, Instant occurredAt, String eventId, String propertiesJson) {
        partitions.ensureMonths(List.of(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)));
        int inserted = jdbc.sql(
                        "insert into event (tenant_id, customer_id, type, occurred_at, event_id, properties, received_at)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing")
                .params(
                        customer,
                        type.code(),
                        Timestamp.from(occurredAt),
                        eventId,
                        propertiesJson,
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted > 0) {
            observers.storing(List.of(new StoredEvent(customer, type.code(), occurredAt, propertiesJson, eventId)));
            observers.afterCommit(new long[] {customer}, new int[] {type.code()}, new Instant[] {occurredAt});
        }
        return inserted > 0;
    }
}

package io.siyu.event;

import io.siyu.shared.TenantId;
import io.siyu.shared.jdbc.BulkCopy;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads many events at once through COPY, after making sure their months have partitions. */
@Service
public class EventBulkLoad {

    private static final String[] COLUMNS = {"tenant_id", "customer_id", "type", "occurred_at", "event_id", "properties"
    };

    private final BulkCopy copy;
    private final EventPartitions partitions;

    EventBulkLoad(BulkCopy copy, EventPartitions partitions) {
        this.copy = copy;
        this.partitions = partitions;
    }

    /** Creates the monthly partitions for the range; cheap when they exist. */
    public void preparePartitions(LocalDate from, LocalDate to) {
        partitions.ensureRange(from, to);
    }

    @Transactional
    public long load(TenantId tenant, Consumer<Consumer<EventRecord>> source) {
        return copy.copy(
                "event",
                COLUMNS,
                rows -> source.accept(event -> {
                    rows.value(tenant.value())
                            .value(event.customerNumber())
                            .value(event.type().code())
                            .value(event.occurredAt().toString());
                    if (event.eventId() == null) {
                        rows.nullValue();
                    } else {
                        rows.value(event.eventId());
                    }
                    if (event.properties() == null) {
                        rows.nullValue();
                    } else {
                        rows.value(event.properties());
                    }
                    rows.end();
                }));
    }
}

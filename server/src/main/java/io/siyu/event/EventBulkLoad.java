package io.siyu.event;

import io.siyu.shared.TenantId;
import io.siyu.shared.jdbc.BulkCopy;
import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads many events at once through COPY, after making sure their months have partitions. */
@Service
public class EventBulkLoad {

    private static final String[] COLUMNS = {"tenant_id", "customer_id", "type", "occurred_at"};

    private final BulkCopy copy;
    private final JdbcClient jdbc;

    EventBulkLoad(BulkCopy copy, JdbcClient jdbc) {
        this.copy = copy;
        this.jdbc = jdbc;
    }

    /** Creates the monthly partitions for the range; cheap when they exist. */
    public void preparePartitions(LocalDate from, LocalDate to) {
        jdbc.sql("select siyu_ensure_event_partitions(?, ?)")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(Integer.class)
                .single();
    }

    @Transactional
    public long load(TenantId tenant, Consumer<Consumer<EventRecord>> source) {
        return copy.copy(
                "event",
                COLUMNS,
                rows -> source.accept(event -> rows.value(tenant.value())
                        .value(event.customerNumber())
                        .value(event.type().code())
                        .value(event.occurredAt().toString())
                        .end()));
    }
}

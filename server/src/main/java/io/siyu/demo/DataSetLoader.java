package io.siyu.demo;

import io.siyu.customer.CustomerBulkLoad;
import io.siyu.event.EventBulkLoad;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagBulkLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes a {@link StandardDataSet} into a tenant, chunk by chunk, through the modules' bulk loaders. */
@Component
class DataSetLoader {

    private static final Logger log = LoggerFactory.getLogger(DataSetLoader.class);

    private final CustomerBulkLoad customers;
    private final TagBulkLoad tags;
    private final EventBulkLoad events;

    DataSetLoader(CustomerBulkLoad customers, TagBulkLoad tags, EventBulkLoad events) {
        this.customers = customers;
        this.tags = tags;
        this.events = events;
    }

    /** Loads everything; call it inside one transaction for all-or-nothing, or outside for chunked commits. */
    void load(TenantId tenant, StandardDataSet data) {
        Tenancy.runAs(tenant, () -> {
            long started = System.nanoTime();
            events.preparePartitions(data.firstEventDay(), data.lastEventDay());
            tags.defineTags(tenant, data.tags());
            for (long chunk = 0; chunk < data.customerChunks(); chunk++) {
                long c = chunk;
                customers.load(tenant, sink -> data.customers(c, sink));
                tags.assign(tenant, sink -> data.tagAssignments(c, sink));
                progress("customers", chunk + 1, data.customerChunks());
            }
            for (long chunk = 0; chunk < data.eventChunks(); chunk++) {
                long c = chunk;
                events.load(tenant, sink -> data.events(c, sink));
                progress("events", chunk + 1, data.eventChunks());
            }
            log.info(
                    "loaded {} customers and {} events into tenant {} in {} ms",
                    data.customers(),
                    data.events(),
                    tenant,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    private static void progress(String what, long done, long total) {
        if (done == total || done % 50 == 0) {
            log.info("{}: {} of {} chunks", what, done, total);
        }
    }
}

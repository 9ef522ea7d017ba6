package io.siyu.demo;

import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.AttributeType;
import io.siyu.customer.CustomerAttributes;
import io.siyu.customer.CustomerBulkLoad;
import io.siyu.event.EventBulkLoad;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagBulkLoad;
import java.util.Arrays;
import java.util.List;
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
    private final CustomerAttributes attributes;

    DataSetLoader(CustomerBulkLoad customers, TagBulkLoad tags, EventBulkLoad events, CustomerAttributes attributes) {
        this.customers = customers;
        this.tags = tags;
        this.events = events;
        this.attributes = attributes;
    }

    /**
     * Loads everything; call it inside one transaction for all-or-nothing, or outside for chunked commits.
     * {@code owners} are the staff accounts customers are spread over (none: customers have no owner).
     */
    void load(TenantId tenant, StandardDataSet data, List<Long> owners) {
        Tenancy.runAs(tenant, () -> {
            long started = System.nanoTime();
            events.preparePartitions(data.firstEventDay(), data.lastEventDay());
            tags.defineTags(tenant, data.tags());
            defineAttributes();
            for (long chunk = 0; chunk < data.customerChunks(); chunk++) {
                long c = chunk;
                customers.load(tenant, sink -> data.customers(c, owners, sink));
                tags.assign(tenant, sink -> data.tagAssignments(c, sink));
                progress("customers", chunk + 1, data.customerChunks());
            }
            // Latest event per customer, as epoch seconds: the profiles' "last active".
            var lastActive = new long[Math.toIntExact(data.customers())];
            for (long chunk = 0; chunk < data.eventChunks(); chunk++) {
                long c = chunk;
                events.load(
                        tenant,
                        sink -> data.events(c, event -> {
                            int i = (int) (event.customerNumber() - 1);
                            lastActive[i] =
                                    Math.max(lastActive[i], event.occurredAt().getEpochSecond());
                            sink.accept(event);
                        }));
                progress("events", chunk + 1, data.eventChunks());
            }
            customers.lastActivity(1, lastActive);
            log.info(
                    "loaded {} customers and {} events into tenant {} in {} ms",
                    data.customers(),
                    data.events(),
                    tenant,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    private void defineAttributes() {
        var existing = attributes.all().stream().map(AttributeDefinition::key).toList();
        int position = 0;
        for (var spec : StandardDataSet.ATTRIBUTES) {
            position++;
            if (!existing.contains(spec[0])) {
                var options = spec[3].isEmpty() ? List.<String>of() : Arrays.asList(spec[3].split(","));
                attributes.create(new AttributeDefinition(
                        spec[0], spec[1], AttributeType.fromCode(spec[2]).orElseThrow(), options, false, position));
            }
        }
    }

    private static void progress(String what, long done, long total) {
        if (done == total || done % 50 == 0) {
            log.info("{}: {} of {} chunks", what, done, total);
        }
    }
}

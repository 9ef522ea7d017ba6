package io.siyu.event;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerResolution;
import io.siyu.customer.IdentityClaim;
import io.siyu.customer.IdentityKey;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.jdbc.BulkCopy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Ingests a batch of events: each record is validated on its own, customers are resolved (an unknown
 * identity becomes an anonymous profile), and the valid records are written with COPY in one transaction,
 * so that everything reported as accepted is durable before the caller hears about it. Re-sending a batch
 * changes nothing: records already stored come back as duplicates.
 */
@Service
public class EventIngestion {

    private static final String[] COLUMNS = {
        "tenant_id", "customer_id", "type", "occurred_at", "event_id", "properties", "received_at"
    };

    private final EventCatalog catalog;
    private final CustomerResolution customers;
    private final BulkCopy copy;
    private final EventPartitions partitions;
    private final IngestLimits limits;
    private final Clock clock;
    private final EventObservers observers;

    EventIngestion(
            EventCatalog catalog,
            CustomerResolution customers,
            BulkCopy copy,
            EventPartitions partitions,
            IngestLimits limits,
            Clock clock,
            EventObservers observers) {
        this.catalog = catalog;
        this.customers = customers;
        this.copy = copy;
        this.partitions = partitions;
        this.limits = limits;
        this.clock = clock;
        this.observers = observers;
    }

    @Transactional
    public IngestResult ingest(List<JsonNode> records) {
        if (records.size() > limits.maxBatch()) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "event.batch.too-large",
                    List.of(new FieldProblem("events", "event.batch.too-large", limits.maxBatch())),
                    limits.maxBatch());
        }
        var rejected = new ArrayList<IngestResult.Rejected>();
        var valid = validate(records, rejected);
        var now = clock.instant();
        var byCustomer = resolveCustomers(valid, rejected, now);
        var stored = store(byCustomer, now);
        var fresh = new java.util.LinkedHashMap<IncomingEvent, Long>();
        var duplicates = new ArrayList<IngestResult.Duplicate>();
        byCustomer.forEach((event, customer) -> {
            if (stored.contains(event.eventId() + "@" + event.occurredAt())) {
                fresh.put(event, customer);
            } else {
                duplicates.add(new IngestResult.Duplicate(event.index(), event.eventId()));
            }
        });
        var storing = new ArrayList<StoredEvent>(fresh.size());
        fresh.forEach((event, customer) -> storing.add(new StoredEvent(
                customer, event.type().code(), event.occurredAt(), event.properties(), event.eventId())));
        observers.storing(storing);
        observers.afterCommit(
                fresh.values().stream().mapToLong(Long::longValue).toArray(),
                fresh.keySet().stream().mapToInt(e -> e.type().code()).toArray(),
                fresh.keySet().stream().map(IncomingEvent::occurredAt).toArray(Instant[]::new));
        var survivors = customers.survivors(new HashSet<>(fresh.values()));
        var accepted = new ArrayList<IngestResult.Accepted>();
        fresh.forEach((event, customer) -> accepted.add(
                new IngestResult.Accepted(event.index(), event.eventId(), survivors.getOrDefault(customer, customer))));
        accepted.sort(java.util.Comparator.comparingInt(IngestResult.Accepted::index));
        rejected.sort(java.util.Comparator.comparingInt(IngestResult.Rejected::index));
        return new IngestResult(accepted, duplicates, rejected);
    }

    private List<IncomingEvent> validate(List<JsonNode> records, List<IngestResult.Rejected> rejected) {
        var validation = new EventValidation(catalog.byName(), limits, clock);
        var seen = new HashSet<String>();
        var valid = new ArrayList<IncomingEvent>();
        for (int i = 0; i < records.size(); i++) {
            var outcome = validation.check(i, records.get(i));
            var event = outcome.event();
            if (event != null && !seen.add(event.eventId())) {
                rejected.add(new IngestResult.Rejected(
                        i,
                        event.eventId(),
                        List.of(new FieldProblem("events[" + i + "].eventId", "event.id.repeated"))));
            } else if (event != null) {
                valid.add(event);
            } else {
                rejected.add(new IngestResult.Rejected(i, idOf(records.get(i)), outcome.problems()));
            }
        }
        return valid;
    }

    /**
     * The home profile of every event that names a customer who exists or can be created. Records with one
     * identity are resolved together in one round trip; a record with several goes through the merge rules
     * on its own (and stays with its first known identity's profile when they forbid a merge).
     */
    private Map<IncomingEvent, Long> resolveCustomers(
            List<IncomingEvent> events, List<IngestResult.Rejected> rejected, Instant now) {
        var single = events.stream()
                .filter(e -> e.identities().size() == 1)
                .map(e -> e.identities().getFirst())
                .toList();
        Map<IdentityKey, Long> resolved = single.isEmpty() ? Map.of() : customers.resolveOrCreate(single, now);
        Set<Long> known = customers.existing(events.stream()
                .map(IncomingEvent::customerNumber)
                .filter(Objects::nonNull)
                .toList());
        var actor = Actor.currentName();
        var result = new java.util.LinkedHashMap<IncomingEvent, Long>();
        for (var event : events) {
            @Nullable Long customer;
            if (event.identities().size() > 1) {
                var claims = event.identities().stream().map(IdentityClaim::of).toList();
                customer = customers.resolveTogether(claims, actor, now, false).home();
            } else if (event.identities().size() == 1) {
                customer = resolved.get(event.identities().getFirst());
            } else {
                customer = known.contains(event.customerNumber()) ? event.customerNumber() : null;
            }
            if (customer == null) {
                rejected.add(new IngestResult.Rejected(
                        event.index(),
                        event.eventId(),
                        List.of(new FieldProblem("events[" + event.index() + "].customer", "event.customer.unknown"))));
            } else {
                result.put(event, customer);
            }
        }
        return result;
    }

    /** Writes the events; returns {@code eventId@occurredAt} of those that were new. */
    private Set<String> store(Map<IncomingEvent, Long> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Set.of();
        }
        partitions.ensureMonths(events.keySet().stream()
                .map(e -> LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .toList());
        var inserted = new HashSet<String>();
        var tenant = io.siyu.shared.Tenancy.required().value();
        copy.copySkippingConflicts(
                "event",
                COLUMNS,
                rows -> events.forEach((event, customer) -> {
                    rows.value(tenant)
                            .value(customer)
                            .value(event.type().code())
                            .value(event.occurredAt().toString())
                            .value(event.eventId());
                    if (event.properties() == null) {
                        rows.nullValue();
                    } else {
                        rows.value(event.properties());
                    }
                    rows.value(receivedAt.toString()).end();
                }),
                "event_id, occurred_at",
                rs -> inserted.add(rs.getString(1) + "@" + rs.getTimestamp(2).toInstant()));
        return inserted;
    }

    private static String idOf(JsonNode record) {
        var id = record.isObject() ? record.get("eventId") : null;
        return id != null && id.isString() ? id.asString() : "";
    }
}

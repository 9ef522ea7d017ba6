package io.siyu.event;

import io.siyu.customer.CustomerRef;
import io.siyu.shared.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks one record of a batch against the catalog and the limits, naming every problem with its JSON
 * path ({@code events[3].properties.amount}), so that a client can fix exactly what is wrong.
 */
final class EventValidation {

    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Map<String, EventTypeDefinition> catalog;
    private final Instant oldest;
    private final Instant newest;

    EventValidation(Map<String, EventTypeDefinition> catalog, IngestLimits limits, Clock clock) {
        this.catalog = catalog;
        var now = clock.instant();
        this.oldest = now.minus(limits.maxAge());
        this.newest = now.plus(limits.maxFuture());
    }

    /** Either the valid event or the problems found; never both. */
    record Outcome(@Nullable IncomingEvent event, List<FieldProblem> problems) {}

    Outcome check(int index, JsonNode record) {
        var at = "events[" + index + "]";
        var problems = new ArrayList<FieldProblem>();
        if (!record.isObject()) {
            return new Outcome(null, List.of(new FieldProblem(at, "event.record.not-object")));
        }
        var eventId = text(record, "eventId");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            problems.add(new FieldProblem(at + ".eventId", "event.id.invalid"));
        }
        var typeName = text(record, "type");
        var type = typeName == null ? null : catalog.get(typeName);
        if (type == null) {
            problems.add(new FieldProblem(at + ".type", "event.type.unknown", String.valueOf(typeName)));
        }
        var occurredAt = timestamp(record, at, problems);
        var customer = CustomerRef.read(record.get("customer"), at + ".customer", problems);
        var properties = record.get("properties");
        if (properties != null && !properties.isNull() && type != null) {
            new PropertyValidation(type, at + ".properties").check(properties, problems);
        } else if (type != null) {
            new PropertyValidation(type, at + ".properties").checkRequired(problems);
        }
        if (!problems.isEmpty() || customer == null) {
            return new Outcome(null, problems);
        }
        var json = properties == null || properties.isNull() ? null : properties.toString();
        return new Outcome(
                new IncomingEvent(index, eventId, type, occurredAt, customer.identities(), customer.customerId(), json),
                List.of());
    }

    private @Nullable Instant timestamp(JsonNode record, String at, List<FieldProblem> problems) {
        var text = text(record, "occurredAt");
        if (text == null) {
            problems.add(new FieldProblem(at + ".occurredAt", "event.time.missing"));
            return null;
        }
        try {
            // PostgreSQL keeps microseconds: a finer time would not be found again as stored.
            var instant = Instant.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (instant.isBefore(oldest) || instant.isAfter(newest)) {
                problems.add(new FieldProblem(
                        at + ".occurredAt", "event.time.window", oldest.toString(), newest.toString()));
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(at + ".occurredAt", "event.time.format"));
            return null;
        }
    }

    private static @Nullable String text(JsonNode record, String field) {
        var node = record.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }
}

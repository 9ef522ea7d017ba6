package io.siyu.event;

import io.siyu.customer.IdentityKey;
import io.siyu.customer.IdentityType;
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

    /** Identities one event may carry; several mean "these are one person" and go through the merge rules. */
    static final int MAX_IDENTITIES = 5;

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
        var customer = record.get("customer");
        var identities = new ArrayList<IdentityKey>();
        Long number = null;
        if (customer == null || !customer.isObject() || customer.isEmpty()) {
            problems.add(new FieldProblem(at + ".customer", "event.customer.one-identity"));
        } else if (customer.has("customerId")) {
            var id = customer.get("customerId");
            if (customer.size() != 1) {
                problems.add(new FieldProblem(at + ".customer", "event.customer.id-alone"));
            } else if (id.canConvertToLong() && id.isIntegralNumber() && id.asLong() > 0) {
                number = id.asLong();
            } else {
                problems.add(new FieldProblem(at + ".customer.customerId", "event.customer.id"));
            }
        } else if (customer.size() > MAX_IDENTITIES) {
            problems.add(new FieldProblem(at + ".customer", "event.customer.too-many", MAX_IDENTITIES));
        } else {
            for (var entry : customer.properties()) {
                var key = identity(entry.getKey(), entry.getValue(), at + ".customer." + entry.getKey(), problems);
                if (key != null) {
                    identities.add(key);
                }
            }
        }
        var properties = record.get("properties");
        if (properties != null && !properties.isNull() && type != null) {
            new PropertyValidation(type, at + ".properties").check(properties, problems);
        } else if (type != null) {
            new PropertyValidation(type, at + ".properties").checkRequired(problems);
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        var json = properties == null || properties.isNull() ? null : properties.toString();
        return new Outcome(
                new IncomingEvent(index, eventId, type, occurredAt, List.copyOf(identities), number, json), List.of());
    }

    private @Nullable Instant timestamp(JsonNode record, String at, List<FieldProblem> problems) {
        var text = text(record, "occurredAt");
        if (text == null) {
            problems.add(new FieldProblem(at + ".occurredAt", "event.time.missing"));
            return null;
        }
        try {
            var instant = Instant.parse(text);
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

    private static @Nullable IdentityKey identity(String key, JsonNode value, String at, List<FieldProblem> problems) {
        var type = IdentityType.fromApiName(key);
        if (type.isEmpty()) {
            problems.add(new FieldProblem(at, "event.customer.unknown-identity", key));
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(at, "problem.field.type"));
            return null;
        }
        try {
            return new IdentityKey(type.get(), value.asString());
        } catch (IdentityKey.InvalidIdentity e) {
            problems.add(new FieldProblem(at, "event.customer.invalid-identity", key));
            return null;
        }
    }

    private static @Nullable String text(JsonNode record, String field) {
        var node = record.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }
}

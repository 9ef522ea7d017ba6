package io.siyu.event;

import io.siyu.shared.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks an event's properties against its type's schema. */
final class PropertyValidation {

    private final EventTypeDefinition type;
    private final String at;

    PropertyValidation(EventTypeDefinition type, String at) {
        this.type = type;
        this.at = at;
    }

    void check(JsonNode properties, List<FieldProblem> problems) {
        if (!properties.isObject()) {
            problems.add(new FieldProblem(at, "event.properties.not-object"));
            return;
        }
        for (var entry : properties.properties()) {
            var spec = type.properties().get(entry.getKey());
            if (spec == null) {
                problems.add(new FieldProblem(
                        at + "." + entry.getKey(), "event.property.unknown", entry.getKey(), type.name()));
            } else if (!entry.getValue().isNull()) {
                checkValue(spec, entry.getValue(), at + "." + entry.getKey(), problems);
            }
        }
        type.properties().forEach((name, spec) -> {
            if (spec.required()
                    && (!properties.has(name) || properties.get(name).isNull())) {
                problems.add(new FieldProblem(at + "." + name, "event.property.required", name));
            }
        });
    }

    void checkRequired(List<FieldProblem> problems) {
        type.properties().forEach((name, spec) -> {
            if (spec.required()) {
                problems.add(new FieldProblem(at + "." + name, "event.property.required", name));
            }
        });
    }

    private static void checkValue(PropertySpec spec, JsonNode value, String path, List<FieldProblem> problems) {
        boolean fits = switch (spec.kind()) {
            case STRING ->
                value.isString()
                        && (spec.maxLength() == null || value.asString().length() <= spec.maxLength())
                        && (spec.values().isEmpty() || spec.values().contains(value.asString()));
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case DATETIME -> value.isString() && isInstant(value.asString());
        };
        if (!fits) {
            problems.add(new FieldProblem(
                    path,
                    "event.property.kind",
                    spec.kind().name().toLowerCase(java.util.Locale.ROOT),
                    spec.values().isEmpty() ? "" : String.join(", ", spec.values())));
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

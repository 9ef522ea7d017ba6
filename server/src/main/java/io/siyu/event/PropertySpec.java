package io.siyu.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The schema of one event property.
 *
 * @param maxLength for strings, the longest value accepted
 * @param values for strings, the only values accepted (empty: any)
 */
public record PropertySpec(
        Kind kind, boolean required, @Nullable Integer maxLength, List<String> values) {

    /** JSON kinds a property can have; DATETIME is an ISO-8601 instant in a string. */
    public enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        DATETIME
    }

    public PropertySpec {
        values = List.copyOf(values);
    }

    static PropertySpec string(int maxLength) {
        return new PropertySpec(Kind.STRING, false, maxLength, List.of());
    }

    static PropertySpec oneOf(String... values) {
        return new PropertySpec(Kind.STRING, false, 32, List.of(values));
    }

    static PropertySpec of(Kind kind) {
        return new PropertySpec(kind, false, null, List.of());
    }

    PropertySpec mandatory() {
        return new PropertySpec(kind, true, maxLength, values);
    }
}

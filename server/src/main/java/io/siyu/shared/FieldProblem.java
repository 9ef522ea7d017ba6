package io.siyu.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One bad field (or record) of a request.
 *
 * @param field JSON path of the field, e.g. {@code username} or {@code events[3].type}
 * @param code stable message key; translated at the web edge unless {@code message} is already resolved
 * @param message text already in the caller's language (Bean Validation resolves its own), or null
 */
public record FieldProblem(
        String field,
        String code,
        List<Object> arguments,
        @Nullable String message) {

    public FieldProblem(String field, String code, Object... arguments) {
        this(field, code, List.of(arguments), null);
    }

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public static FieldProblem resolved(String field, String code, String message) {
        return new FieldProblem(field, code, List.of(), message);
    }
}

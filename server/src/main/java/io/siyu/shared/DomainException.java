package io.siyu.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Base of every domain error. The message key is translated (zh-CN / en) at the web edge into an RFC 9457
 * problem; the exception's own message is for logs only.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final List<FieldProblem> fieldProblems;

    public DomainException(HttpStatus status, String code, Object... arguments) {
        this(status, code, List.of(), arguments);
    }

    public DomainException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    /** Message key, also returned to clients as the stable {@code code} member of the problem. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** A 400 naming one bad field of the request. */
    public static DomainException invalid(String field, String code, Object... arguments) {
        return new DomainException(
                HttpStatus.BAD_REQUEST, "problem.invalid-request", List.of(new FieldProblem(field, code, arguments)));
    }

    public static DomainException notFound(String what, Object id) {
        // the id as text: message formatting would print 12345 as "12,345"
        return new DomainException(HttpStatus.NOT_FOUND, "problem.not-found", what, String.valueOf(id));
    }
}

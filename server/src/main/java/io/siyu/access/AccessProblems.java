package io.siyu.access;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The access module's errors; each code is a message key in messages*.properties. */
final class AccessProblems {

    private AccessProblems() {}

    static DomainException badCredentials() {
        return new DomainException(HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
    }

    static DomainException locked() {
        return new DomainException(HttpStatus.LOCKED, "auth.locked");
    }

    static DomainException field(String field, String code, Object... args) {
        return new DomainException(
                HttpStatus.BAD_REQUEST, "problem.invalid-request", List.of(new FieldProblem(field, code, args)));
    }

    static DomainException conflict(String field, String code, Object... args) {
        return new DomainException(
                HttpStatus.CONFLICT, "problem.conflict", List.of(new FieldProblem(field, code, args)));
    }

    static DomainException accountNotFound(long id) {
        return DomainException.notFound("account", id);
    }
}

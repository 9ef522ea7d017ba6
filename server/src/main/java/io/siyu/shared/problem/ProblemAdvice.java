package io.siyu.shared.problem;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Maps every error that reaches Spring MVC to a localized problem; nothing leaves as a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        return respond(problems.of(e), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "problem.forbidden", List.of()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var field = new FieldProblem(e.getName(), "problem.field.type");
        return respond(problems.of(HttpStatus.BAD_REQUEST, "problem.invalid-request", List.of(field)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", List.of()), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = new ArrayList<FieldProblem>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(FieldProblem.resolved(error.getField(), codeOf(error), messageOf(error)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        fields.add(FieldProblem.resolved(error.getObjectName(), codeOf(error), messageOf(error))));
        return body(problems.of(HttpStatus.BAD_REQUEST, "problem.invalid-request", fields));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> FieldProblem.resolved(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                codeOf(error),
                                messageOf(error))))
                .toList();
        return body(problems.of(HttpStatus.BAD_REQUEST, "problem.invalid-request", fields));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = findCause(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return body(problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "problem.payload-too-large", List.of(), tooLarge.limit()));
        }
        var mapping = findCause(e, DatabindException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            var field = new FieldProblem(pathOf(mapping), "problem.field.type");
            return body(problems.of(HttpStatus.BAD_REQUEST, "problem.invalid-request", List.of(field)));
        }
        var code = findCause(e, JacksonException.class) != null ? "problem.malformed-json" : "problem.unreadable-body";
        return body(problems.of(HttpStatus.BAD_REQUEST, code, List.of()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problems.of(HttpStatus.NOT_FOUND, "problem.no-route", List.of()));
    }

    /** Spring's own exceptions (405, 415, 406, missing parameter, ...) keep their status; the text is ours. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var resolved = HttpStatus.resolve(status.value());
        var code = "status." + status.value();
        var problem = problems.of(resolved == null ? HttpStatus.BAD_REQUEST : resolved, code, List.of());
        if (e instanceof ErrorResponse error && !error.getHeaders().isEmpty()) {
            return ResponseEntity.status(status).headers(error.getHeaders()).body(problem);
        }
        return body(problem);
    }

    private ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    private String messageOf(MessageSourceResolvable error) {
        var message = error.getDefaultMessage();
        return message == null
                ? problems.text("problem.field.invalid", new Object[0], LocaleContextHolder.getLocale())
                : message;
    }

    /** The constraint's name (NotBlank, Size, ...) as a stable code for machine clients. */
    private static String codeOf(MessageSourceResolvable error) {
        var codes = error.getCodes();
        var code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
        return "validation." + code;
    }

    private static String pathOf(DatabindException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package io.siyu.shared.problem;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns message keys into RFC 9457 problems in the caller's language. Every problem carries a stable
 * {@code code}, the request id, and for bad input an {@code errors} list naming each field.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://siyu.dev/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail of(HttpStatus status, String code, List<FieldProblem> fields, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status, text(code, args, locale));
        problem.setType(URI.create(TYPE_BASE + code.replace("problem.", "").replace('.', '-')));
        problem.setTitle(text("status." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        problem.setProperty("code", code);
        var requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        if (!fields.isEmpty()) {
            problem.setProperty("errors", describe(fields, locale));
        }
        return problem;
    }

    /** Field problems as {@code field / code / message} entries in the caller's language. */
    public List<Map<String, String>> describe(List<FieldProblem> fields, Locale locale) {
        return fields.stream()
                .map(f -> Map.of(
                        "field",
                        f.field(),
                        "code",
                        f.code(),
                        "message",
                        f.message() != null
                                ? f.message()
                                : text(f.code(), f.arguments().toArray(), locale)))
                .toList();
    }

    public ProblemDetail of(DomainException e) {
        var args = e.arguments();
        if (e.code().equals("problem.not-found") && args.length > 0) {
            // "customer" → 客户 / customer: what was not found, in the caller's language
            args[0] =
                    text("entity." + args[0], new Object[0], LocaleContextHolder.getLocale(), String.valueOf(args[0]));
        }
        return of(e.status(), e.code(), e.fieldProblems(), args);
    }

    /** For filters that answer before Spring MVC (and its locale handling) is reached. */
    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Object... args)
            throws IOException {
        var previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            var problem = of(status, code, List.of(), args);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    public String text(String code, Object[] args, Locale locale) {
        return text(code, args, locale, code);
    }

    private String text(String code, Object[] args, Locale locale, String fallback) {
        return messages.getMessage(code, args, fallback, locale);
    }
}

package io.siyu.access;

import io.siyu.shared.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer siyu_...}; any other Authorization header is refused outright. */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final Problems problems;

    ApiKeyFilter(ApiKeys apiKeys, Problems problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        var actor = header.startsWith(BEARER)
                ? apiKeys.authenticate(header.substring(BEARER.length()).trim())
                : java.util.Optional.<Actor>empty();
        if (actor.isEmpty()) {
            log.info(
                    "refused API request with an unknown, revoked or malformed key: {} {}",
                    request.getMethod(),
                    request.getRequestURI());
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.invalid-api-key");
            return;
        }
        var authorities = actor.get().permissions().stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor.get(), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

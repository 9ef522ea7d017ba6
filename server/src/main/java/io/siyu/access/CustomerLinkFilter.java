package io.siyu.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import io.siyu.shared.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The only way into {@code /api/h5/v1/<purpose>/…}: a customer link's token as {@code Authorization: Bearer …},
 * for the purpose the path names. Binds the token's tenant for the request and hands the holder on; refuses with a
 * problem otherwise. Each client is limited per holder (and, while it has no valid token, as one anonymous
 * caller), so tokens cannot be guessed at speed nor a page hammered.
 */
class CustomerLinkFilter extends OncePerRequestFilter {

    static final String PATH = "/api/h5/v1/";

    private final CustomerLinks links;
    private final Problems problems;
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();

    CustomerLinkFilter(CustomerLinks links, Problems problems, int perMinute) {
        this.links = links;
        this.problems = problems;
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var purpose = path.startsWith(PATH) ? path.substring(PATH.length()).split("/", 2)[0] : "";
        var header = request.getHeader("Authorization");
        CustomerLinks.Holder holder;
        try {
            if (header == null || !header.startsWith("Bearer ")) {
                throw new DomainException(HttpStatus.UNAUTHORIZED, "link.invalid");
            }
            holder = links.verify(header.substring("Bearer ".length()).strip(), purpose);
        } catch (DomainException e) {
            if (!allowed(request.getRemoteAddr())) {
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "link.too-many-requests");
                return;
            }
            problems.write(request, response, e.status(), e.code());
            return;
        }
        if (!allowed(request.getRemoteAddr() + "|" + holder.tenant().value() + "|" + holder.customerId())) {
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "link.too-many-requests");
            return;
        }
        request.setAttribute(CustomerLinks.HOLDER, holder);
        Tenancy.bind(holder.tenant());
        try {
            chain.doFilter(request, response);
        } finally {
            Tenancy.clear();
        }
    }

    private boolean allowed(String client) {
        return buckets.get(
                        client,
                        key -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perMinute)
                                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                                        .build())
                                .build())
                .tryConsume(1);
    }
}

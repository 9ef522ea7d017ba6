package io.siyu.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console routes in the browser (history mode), so a deep link such as {@code /accounts} is served the
 * console's index page; API, actuator and documentation paths and real files are left alone.
 */
@Component
class ConsoleForwardingFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod())
                || path.equals("/")
                || path.startsWith("/api/")
                || path.startsWith("/callbacks/")
                || path.startsWith("/h5/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui")
                || path.startsWith("/assets/")
                || path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getRequestDispatcher("/index.html").forward(request, response);
    }
}

package io.siyu.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customer-facing H5 app (the console build's second entry, {@code h5.html}) has one page per purpose:
 * {@code /h5/member} and later others, each served the app's page, which reads its link token from the address's
 * fragment. Longer {@code /h5/…} paths (articles) are the server's own pages and left alone.
 */
@Component
class H5ForwardingFilter extends OncePerRequestFilter {

    private static final Pattern PAGE = Pattern.compile("/h5/[a-z][a-z-]{0,31}/?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !PAGE.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-cache");
        request.getRequestDispatcher("/h5.html").forward(request, response);
    }
}

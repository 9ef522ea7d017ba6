package siyu.wecom.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * WeCom reads every POST body as JSON whatever its Content-Type says (clients send text/plain or none), so
 * the simulator does too: a body to {@code /cgi-bin} or {@code /sim} is taken as application/json, unless it
 * is a multipart upload (素材).
 */
@Component
class JsonBodies extends OncePerRequestFilter {

    private static final String JSON = "application/json;charset=UTF-8";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean ours = request.getRequestURI().startsWith("/cgi-bin/")
                || request.getRequestURI().startsWith("/sim/");
        var type = request.getContentType();
        boolean asIs = type != null && (type.startsWith("application/json") || type.startsWith("multipart/"));
        if (!ours || !"POST".equals(request.getMethod()) || asIs) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getContentType() {
                        return JSON;
                    }

                    @Override
                    public String getHeader(String name) {
                        return "Content-Type".equalsIgnoreCase(name) ? JSON : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return "Content-Type".equalsIgnoreCase(name)
                                ? Collections.enumeration(java.util.List.of(JSON))
                                : super.getHeaders(name);
                    }
                },
                response);
    }
}

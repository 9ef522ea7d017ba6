package io.siyu.access;

import io.siyu.shared.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Binds the authenticated actor's tenant to the request thread; the transaction manager hands it to PostgreSQL. */
class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor.current().ifPresent(actor -> Tenancy.bind(actor.tenant()));
        try {
            chain.doFilter(request, response);
        } finally {
            Tenancy.clear();
        }
    }
}

package io.siyu.access;

import io.siyu.shared.Tenancy;
import io.siyu.shared.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the authenticated actor's tenant to the request thread (the transaction manager hands it to
 * PostgreSQL), and re-reads a console session's account on every request: a disabled account is logged out
 * at once and a changed role applies to the very next request, not the next login.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final TransactionTemplate transactions;
    private final Problems problems;

    TenantBindingFilter(StaffAccounts accounts, TransactionTemplate transactions, Problems problems) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var actor = Actor.current();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Tenancy.bind(actor.get().tenant());
        try {
            if (!actor.get().apiKey() && !refresh(actor.get(), request)) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.session-expired");
                return;
            }
            chain.doFilter(request, response);
        } finally {
            Tenancy.clear();
        }
    }

    private boolean refresh(Actor actor, HttpServletRequest request) {
        var account = transactions.execute(status -> accounts.byId(actor.accountId()));
        if (account == null || account.isEmpty() || !account.get().enabled()) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return false;
        }
        var role = account.get().role();
        if (role != actor.role()) {
            var updated = new Actor(actor.tenant(), actor.accountId(), actor.name(), role, false);
            var authorities = updated.permissions().stream()
                    .map(SimpleGrantedAuthority::new)
                    .toList();
            var context = SecurityContextHolder.getContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, authorities));
            var session = request.getSession(false);
            if (session != null) {
                session.setAttribute(
                        org.springframework.security.web.context.HttpSessionSecurityContextRepository
                                .SPRING_SECURITY_CONTEXT_KEY,
                        context);
            }
        }
        return true;
    }
}

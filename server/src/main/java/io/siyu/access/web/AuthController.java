package io.siyu.access.web;

import io.siyu.access.AccountManagement;
import io.siyu.access.Actor;
import io.siyu.access.Login;
import io.siyu.access.TenantManagement;
import io.siyu.access.web.AccessDtos.LoginRequest;
import io.siyu.access.web.AccessDtos.Me;
import io.siyu.access.web.AccessDtos.PasswordChange;
import io.siyu.access.web.AccessDtos.Session;
import io.siyu.shared.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Console sessions")
class AuthController {

    private final Login login;
    private final TenantManagement tenants;
    private final AccountManagement accounts;
    private final SecurityContextRepository contexts;

    AuthController(
            Login login, TenantManagement tenants, AccountManagement accounts, SecurityContextRepository contexts) {
        this.login = login;
        this.tenants = tenants;
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @PostMapping("/login")
    @Operation(summary = "Log in with username and password; starts a console session (cookie)")
    Me login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        var actor = login.authenticate(body.username(), body.password());
        var authorities =
                actor.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
        }
        contexts.saveContext(context, request, response);
        return Tenancy.callAs(actor.tenant(), () -> me(actor));
    }

    @PostMapping("/logout")
    @Operation(summary = "End the console session")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/session")
    @Operation(summary = "Whether the caller is logged in, and as whom (always 200)")
    Session session() {
        return Actor.current().map(actor -> new Session(true, me(actor))).orElse(new Session(false, null));
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The logged-in account and its tenant")
    Me current() {
        return me(Actor.current().orElseThrow());
    }

    @PutMapping("/me/password")
    @PreAuthorize("isAuthenticated() and !principal.apiKey")
    @Operation(summary = "Change the logged-in account's password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body) {
        accounts.changePassword(Actor.current().orElseThrow().accountId(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    private Me me(Actor actor) {
        var tenant = tenants.current();
        var displayName = actor.apiKey() ? actor.name() : accounts.displayName(actor.accountId());
        return Me.of(actor, displayName, tenant);
    }
}

package io.siyu.access;

import io.siyu.shared.TenantId;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a staff member logged into the console, or a machine client with an API key. Lives in
 * the security context for the request; {@link #name()} is what the audit log records.
 *
 * @param accountId the staff account, or the API key's id for machine clients
 */
public record Actor(TenantId tenant, long accountId, String name, Role role, boolean apiKey)
        implements java.io.Serializable {

    public Set<String> permissions() {
        return role.permissions();
    }

    /** The actor of the current request, if any. */
    public static java.util.Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return java.util.Optional.of(actor);
        }
        return java.util.Optional.empty();
    }

    public static String currentName() {
        return current().map(Actor::name).orElse("system");
    }
}

package io.siyu.access.web;

import io.siyu.access.Actor;
import io.siyu.access.ApiKeys;
import io.siyu.access.Role;
import io.siyu.access.StaffAccount;
import io.siyu.access.TenantSettings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the access endpoints. */
final class AccessDtos {

    private AccessDtos() {}

    record LoginRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 128) String password) {}

    record TenantView(String id, String name, String timeZone) {
        static TenantView of(TenantSettings tenant) {
            return new TenantView(tenant.id().toString(), tenant.name(), tenant.timeZone());
        }
    }

    record Me(long id, String username, String displayName, String role, List<String> permissions, TenantView tenant) {
        static Me of(Actor actor, String displayName, TenantSettings tenant) {
            return new Me(
                    actor.accountId(),
                    actor.name(),
                    displayName,
                    actor.role().code(),
                    actor.permissions().stream().sorted().toList(),
                    TenantView.of(tenant));
        }
    }

    record Session(boolean authenticated, @Nullable Me account) {}

    record PasswordChange(
            @NotBlank String currentPassword,
            @NotBlank @Size(min = 12, max = 128) String newPassword) {}

    record AccountView(
            long id,
            String username,
            String displayName,
            String role,
            boolean enabled,
            boolean locked,
            @Nullable Instant lastLoginAt,
            Instant createdAt) {
        static AccountView of(StaffAccount account, Instant now) {
            return new AccountView(
                    account.id(),
                    account.username(),
                    account.displayName(),
                    account.role().code(),
                    account.enabled(),
                    account.lockedAt(now),
                    account.lastLoginAt(),
                    account.createdAt());
        }
    }

    static final String ROLE_PATTERN = "admin|manager|operator|staff";

    record NewAccount(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._@-]{3,64}", message = "{account.username.pattern}")
            String username,

            @NotBlank @Size(max = 64) String displayName,

            @NotNull @Pattern(regexp = ROLE_PATTERN, message = "{account.role.unknown}")
            String role,

            @NotBlank @Size(min = 12, max = 128, message = "{account.password.length}")
            String password,

            /* the work mobile and email, optional: what matches the account with the WeCom directory */
            @Nullable @Size(max = 32) String mobile,

            @Nullable @Size(max = 254) String email) {}

    record AccountChange(
            @Nullable @Size(min = 1, max = 64) String displayName,

            @Nullable @Pattern(regexp = ROLE_PATTERN, message = "{account.role.unknown}")
            String role,

            @Nullable Boolean enabled) {}

    record NewApiKey(
            @NotBlank @Size(max = 64) String name,

            @NotNull @Pattern(regexp = ROLE_PATTERN, message = "{account.role.unknown}")
            String role) {}

    record ApiKeyView(
            long id,
            String name,
            String prefix,
            String role,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {
        static ApiKeyView of(ApiKeys.ApiKey key) {
            return new ApiKeyView(
                    key.id(),
                    key.name(),
                    key.prefix(),
                    key.role().code(),
                    key.createdAt(),
                    key.createdBy(),
                    key.lastUsedAt(),
                    key.revokedAt());
        }
    }

    record CreatedApiKeyView(long id, String name, String prefix, String role, Instant createdAt, String key) {
        static CreatedApiKeyView of(ApiKeys.CreatedKey created) {
            var key = created.apiKey();
            return new CreatedApiKeyView(
                    key.id(), key.name(), key.prefix(), key.role().code(), key.createdAt(), created.key());
        }
    }

    record TenantChange(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 64) String timeZone) {}

    static Role role(String code) {
        return Role.fromCode(code.toLowerCase(Locale.ROOT)).orElseThrow();
    }
}

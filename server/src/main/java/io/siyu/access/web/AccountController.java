package io.siyu.access.web;

import io.siyu.access.AccountManagement;
import io.siyu.access.Permission;
import io.siyu.access.web.AccessDtos.AccountChange;
import io.siyu.access.web.AccessDtos.AccountView;
import io.siyu.access.web.AccessDtos.NewAccount;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Staff accounts")
class AccountController {

    private final AccountManagement accounts;
    private final Clock clock;

    AccountController(AccountManagement accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_READ + "')")
    @Operation(summary = "List staff accounts, newest first (cursor paging)")
    CursorPage<AccountView> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = accounts.list(PageRequest.of(limit, cursor));
        var now = clock.instant();
        return new CursorPage<>(
                page.items().stream().map(a -> AccountView.of(a, now)).toList(), page.nextCursor());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_WRITE + "')")
    @Operation(summary = "Create a staff account that can log in")
    AccountView create(@Valid @RequestBody NewAccount body) {
        var account = accounts.create(
                body.username(),
                body.displayName(),
                AccessDtos.role(body.role()),
                body.password(),
                body.mobile(),
                body.email());
        return AccountView.of(account, clock.instant());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_WRITE + "')")
    @Operation(summary = "Change display name, role or enabled state")
    AccountView update(@PathVariable long id, @Valid @RequestBody AccountChange body) {
        var current = accounts.get(id);
        var updated = accounts.update(
                id,
                body.displayName() == null ? current.displayName() : body.displayName(),
                body.role() == null ? current.role() : AccessDtos.role(body.role()),
                body.enabled() == null ? current.enabled() : body.enabled());
        return AccountView.of(updated, clock.instant());
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_WRITE + "')")
    @Operation(summary = "Lift a lockout caused by failed logins")
    ResponseEntity<Void> unlock(@PathVariable long id) {
        accounts.unlock(id);
        return ResponseEntity.noContent().build();
    }
}

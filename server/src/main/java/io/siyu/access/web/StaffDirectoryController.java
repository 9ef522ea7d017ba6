package io.siyu.access.web;

import io.siyu.access.AccountManagement;
import io.siyu.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff a customer can be assigned to. Readable by whoever reads customers, unlike the account list,
 * which shows usernames, roles and login state to administrators only.
 */
@RestController
@Tag(name = "Staff accounts")
class StaffDirectoryController {

    private final AccountManagement accounts;

    StaffDirectoryController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/staff")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(
            summary = "Enabled staff whose name or username contains q, by name (at most limit, default 50, max 200)")
    List<StaffEntry> directory(
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer limit) {
        return accounts.directory(q, limit == null ? 50 : limit).stream()
                .map(a -> new StaffEntry(a.id(), a.displayName(), a.role().code()))
                .toList();
    }

    record StaffEntry(long id, String displayName, String role) {}
}

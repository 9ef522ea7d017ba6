package io.siyu.access.web;

import io.siyu.access.Permission;
import io.siyu.access.TenantManagement;
import io.siyu.access.web.AccessDtos.TenantChange;
import io.siyu.access.web.AccessDtos.TenantView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenant")
@Tag(name = "Tenant")
class TenantController {

    private final TenantManagement tenants;

    TenantController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's tenant")
    TenantView current() {
        return TenantView.of(tenants.current());
    }

    @PutMapping
    @PreAuthorize("hasAuthority('" + Permission.TENANT_WRITE + "')")
    @Operation(summary = "Rename the tenant or change its time zone")
    TenantView update(@Valid @RequestBody TenantChange body) {
        return TenantView.of(tenants.update(body.name(), body.timeZone()));
    }
}

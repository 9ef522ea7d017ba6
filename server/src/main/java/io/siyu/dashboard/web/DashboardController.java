package io.siyu.dashboard.web;

import io.siyu.access.Permission;
import io.siyu.dashboard.DashboardQueries;
import io.siyu.dashboard.Overview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class DashboardController {

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/overview")
    @PreAuthorize("hasAuthority('" + Permission.DASHBOARD_READ + "')")
    @Operation(summary = "Home page figures for the last N days (1–366) in the tenant's time zone")
    Overview overview(@RequestParam(defaultValue = "30") int days) {
        return queries.overview(days);
    }
}

package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.Handovers;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 在职转移 and 离职继承: handing customers from one staff member to another, and following the results. */
@RestController
class HandoverController {

    private final Handovers handovers;

    HandoverController(Handovers handovers) {
        this.handovers = handovers;
    }

    @GetMapping("/api/v1/wecom/handovers")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_HANDOVER + "')")
    @Operation(summary = "Handovers, newest first, each with its customers' results and counts by status")
    List<Handovers.Handover> list() {
        return handovers.all();
    }

    @GetMapping("/api/v1/wecom/handovers/{id}")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_HANDOVER + "')")
    Handovers.Handover get(@PathVariable long id) {
        return handovers.get(id);
    }

    @PostMapping("/api/v1/wecom/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.WECOM_HANDOVER + "')")
    @Operation(
            summary = "Start a handover: {appId, kind: onjob|resigned, handoverUserId, takeoverUserId,"
                    + " externalUserIds[] (≤ 1000), message (onjob, ≤ 200)}; customers handed over twice in 90"
                    + " days are refused here (limit), the rest are asked of WeCom")
    Handovers.Handover start(@RequestBody Handovers.Input body) {
        return handovers.start(body);
    }

    @PostMapping("/api/v1/wecom/handovers/{id}/refresh")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_HANDOVER + "')")
    @Operation(summary = "Ask WeCom for the results of the handover's waiting customers now")
    Handovers.Handover refresh(@PathVariable long id) {
        return handovers.refresh(id);
    }

    @GetMapping("/api/v1/wecom/apps/{id}/unassigned")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_HANDOVER + "')")
    @Operation(summary = "Customers of staff who left that nobody has taken over yet (离职待分配)")
    List<Handovers.Unassigned> unassigned(@PathVariable long id) {
        return handovers.unassigned(id);
    }
}

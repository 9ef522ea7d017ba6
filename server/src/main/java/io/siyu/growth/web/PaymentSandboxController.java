package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.PaymentSandbox;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A test and demo aid: what the simulated payment providers hold, for admins only. */
@RestController
class PaymentSandboxController {

    private final PaymentSandbox sandbox;

    PaymentSandboxController(PaymentSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/api/v1/growth/payment-sandbox")
    @PreAuthorize("hasAuthority('" + Permission.TENANT_WRITE + "')")
    @Operation(
            summary = "The simulated payment provider's keys of one source (group_buy refunds, red_packet or"
                    + " withdrawal payouts), by key, with how often each was asked for and the totals; 409 when a"
                    + " real provider is in use")
    PaymentSandbox.Listing list(
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        return sandbox.list(source, after, limit);
    }
}

package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.shared.DomainException;
import io.siyu.wecom.WeComSandbox;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The console's sandbox: the operator plays a WeChat user against the WeCom simulator. */
@RestController
class WeComSandboxController {

    record Customer(@Nullable String name, @Nullable String gender) {
        String nameOrEmpty() {
            return name == null ? "" : name;
        }

        String genderOrUnknown() {
            return gender == null ? "unknown" : gender;
        }
    }

    record ScanBody(@Nullable Long codeId, @Nullable Customer customer) {}

    record GroupScanBody(
            @Nullable Long groupCodeId, @Nullable Customer customer) {}

    record DeleteStaffBody(@Nullable String userId) {}

    private final WeComSandbox sandbox;

    WeComSandboxController(WeComSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/api/v1/wecom/sandbox")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "Whether a WeCom simulator is configured, and the app connected to it")
    WeComSandbox.Status status() {
        return sandbox.status();
    }

    @PostMapping("/api/v1/wecom/sandbox/scan")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "A WeChat user {customer: {name, gender}} scans live code codeId in the simulator")
    WeComSandbox.Scanned scan(@RequestBody ScanBody body) {
        if (body.codeId() == null) {
            throw DomainException.invalid("codeId", "problem.field.required");
        }
        var customer = body.customer() == null ? new Customer(null, null) : body.customer();
        return sandbox.scan(body.codeId(), customer.nameOrEmpty(), customer.genderOrUnknown());
    }

    @PostMapping("/api/v1/wecom/sandbox/group-scan")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "A WeChat user {customer: {name, gender}} scans group live code groupCodeId and joins a group")
    WeComSandbox.JoinedGroup groupScan(@RequestBody GroupScanBody body) {
        if (body.groupCodeId() == null) {
            throw DomainException.invalid("groupCodeId", "problem.field.required");
        }
        var customer = body.customer() == null ? new Customer(null, null) : body.customer();
        return sandbox.scanGroup(body.groupCodeId(), customer.nameOrEmpty(), customer.genderOrUnknown());
    }

    @GetMapping("/api/v1/wecom/sandbox/chats/{externalUserId}")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The simulated customer's chat, and the customer Siyu made of them (null until processed)")
    WeComSandbox.Chat chat(@PathVariable String externalUserId) {
        return sandbox.chat(externalUserId);
    }

    @PostMapping("/api/v1/wecom/sandbox/customers/{externalUserId}/delete-staff")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "The simulated customer deletes the staff member (a loss, reported by callback)")
    void deleteStaff(@PathVariable String externalUserId, @RequestBody DeleteStaffBody body) {
        if (body.userId() == null || body.userId().isBlank()) {
            throw DomainException.invalid("userId", "problem.field.required");
        }
        sandbox.deleteStaff(externalUserId, body.userId());
    }

    @GetMapping("/api/v1/wecom/sandbox/staff/{userId}/pending-messages")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "企业群发 tasks the simulated staff member has not confirmed yet")
    java.util.List<WeComSandbox.PendingMessage> pending(@PathVariable String userId) {
        return sandbox.pendingMessages(userId);
    }

    @PostMapping("/api/v1/wecom/sandbox/staff/{userId}/pending-messages/{msgid}/send")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "The simulated staff member confirms a 企业群发 task: the customers receive it")
    void confirm(@PathVariable String userId, @PathVariable String msgid) {
        sandbox.confirmMessage(userId, msgid);
    }
}

package io.siyu.messaging.web;

import io.siyu.access.Permission;
import io.siyu.messaging.MassSend;
import io.siyu.messaging.MassSendInput;
import io.siyu.messaging.MassSends;
import io.siyu.messaging.SendingRules;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.MESSAGING_READ + "')")
class MassSendController {

    private final MassSends sends;
    private final SendingRules rules;

    MassSendController(MassSends sends, SendingRules rules) {
        this.sends = sends;
        this.rules = rules;
    }

    @GetMapping("/api/v1/mass-sends")
    @Operation(summary = "Mass sends (企业群发), newest first, with their customers counted by status")
    CursorPage<MassSend> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return sends.list(PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/mass-sends")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(
            summary = "Schedule a mass send: {appId, name, audience: {segmentId | rule | customerIds}, staff?, text,"
                    + " materialIds? (≤ 9), sendAt?}; each staff member gets a WeCom task to confirm")
    MassSend create(@RequestBody MassSendInput body) {
        return sends.create(body);
    }

    @PostMapping("/api/v1/mass-sends/preview")
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(
            summary = "Who {appId, audience, staff?} reaches now, per staff member, and who would be held back and why")
    Object preview(@RequestBody MassSendInput body) {
        return sends.preview(body);
    }

    @GetMapping("/api/v1/mass-sends/{id}")
    @Operation(summary = "A mass send with each staff member's share: sent by them yet, delivered, failed, reminders")
    MassSend.Detail get(@PathVariable long id) {
        return sends.detail(id);
    }

    @GetMapping("/api/v1/mass-sends/{id}/recipients")
    @Operation(summary = "A mass send's customers and what became of each, optionally of one status")
    CursorPage<Map<String, Object>> recipients(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return sends.recipients(id, status, PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/mass-sends/{id}/cancel")
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(summary = "Cancel: staff who have not sent their share are no longer asked to (cancel_groupmsg_send)")
    MassSend cancel(@PathVariable long id) {
        return sends.cancel(id);
    }

    @PostMapping("/api/v1/mass-sends/{id}/remind")
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(summary = "Remind staff who have not sent their share (WeCom allows 3 reminders a day per send)")
    Map<String, Integer> remind(@PathVariable long id) {
        return sends.remind(id);
    }

    @GetMapping("/api/v1/messaging/settings")
    @Operation(summary = "Sending rules: quiet hours, caps per customer a day and a week, the corp's 群发 quota rule")
    SendingRules.Settings settings() {
        return rules.settings();
    }

    @PutMapping("/api/v1/messaging/settings")
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    SendingRules.Settings update(@RequestBody SendingRules.Settings body) {
        return rules.update(body);
    }
}

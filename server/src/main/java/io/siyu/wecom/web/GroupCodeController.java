package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.GroupChats;
import io.siyu.wecom.GroupCode;
import io.siyu.wecom.GroupCodeImages;
import io.siyu.wecom.GroupCodeInput;
import io.siyu.wecom.GroupCodeStats;
import io.siyu.wecom.GroupCodes;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Group live codes (群活码), what they brought, and the synced customer groups they pick from. */
@RestController
class GroupCodeController {

    /** A code with its lifetime totals. */
    record CodeView(GroupCode code, GroupCodeStats.Totals totals) {}

    private final GroupCodes codes;
    private final GroupCodeStats stats;
    private final GroupCodeImages images;
    private final GroupChats groups;

    GroupCodeController(GroupCodes codes, GroupCodeStats stats, GroupCodeImages images, GroupChats groups) {
        this.codes = codes;
        this.stats = stats;
        this.images = images;
        this.groups = groups;
    }

    @GetMapping("/api/v1/wecom/apps/{id}/groups")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(
            summary = "The app's customer groups from the last sync (largest first): chatId, name, owner, ownerName,"
                    + " memberCount, customerCount, status; dismissed ones with includeDismissed=true")
    List<GroupChats.Group> groups(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean includeDismissed) {
        return groups.all(id, includeDismissed);
    }

    @GetMapping("/api/v1/wecom/group-codes")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The group live codes, newest first, each with its totals (joins, leaves, active, today)")
    List<CodeView> list() {
        var all = codes.all();
        var totals = stats.totals(all);
        return all.stream().map(c -> new CodeView(c, totals.get(c.id()))).toList();
    }

    @GetMapping("/api/v1/wecom/group-codes/{id}")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    CodeView get(@PathVariable long id) {
        var code = codes.get(id);
        return new CodeView(code, stats.totals(List.of(code)).get(id));
    }

    @PostMapping("/api/v1/wecom/group-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(
            summary = "Create a group live code: {appId, name, groups[] (chat ids, filled in order), threshold (1–200,"
                    + " default 190), fallbackCodeId, autoCreateRoom, roomBaseName, roomBaseId}; made in WeCom"
                    + " (加入群聊) at once")
    GroupCode create(@RequestBody GroupCodeInput body) {
        return codes.create(body);
    }

    @PatchMapping("/api/v1/wecom/group-codes/{id}")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "Change a group live code; absent fields stay, clear: [fallbackCodeId] removes the fallback")
    GroupCode update(@PathVariable long id, @RequestBody GroupCodeInput body) {
        return codes.update(id, body);
    }

    @DeleteMapping("/api/v1/wecom/group-codes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "Delete a group live code in WeCom (its QR stops working) and here")
    void delete(@PathVariable long id) {
        codes.delete(id);
    }

    @GetMapping("/api/v1/wecom/group-codes/{id}/stats")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "Joins through the code, leaves and net per day and per group, from and to (≤ 366 days)")
    GroupCodeStats.Report stats(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return stats.report(id, from, to);
    }

    @GetMapping(value = "/api/v1/wecom/group-codes/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(
            summary = "The QR to show as a PNG, size pixels square (128–2048, default 512): the code's, or while every"
                    + " group is at the threshold, the fallback live code's")
    ResponseEntity<byte[]> qr(@PathVariable long id, @RequestParam(defaultValue = "512") int size) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"group-code-" + id + ".png\"")
                .body(images.qr(id, size));
    }
}

package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerDirectory;
import io.siyu.wecom.ChannelCode;
import io.siyu.wecom.ChannelCodeImages;
import io.siyu.wecom.ChannelCodeInput;
import io.siyu.wecom.ChannelCodeStats;
import io.siyu.wecom.ChannelCodes;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

/** Channel live codes (渠道活码) and what they brought. */
@RestController
class ChannelCodeController {

    /** A code with its lifetime totals. */
    /** For a 千人千面码, the customer who shares it. */
    record Sharer(long id, String name) {}

    record CodeView(
            ChannelCode code,
            ChannelCodeStats.Totals totals,
            @Nullable Sharer sharer) {}

    private final ChannelCodes codes;
    private final ChannelCodeStats stats;
    private final ChannelCodeImages images;
    private final CustomerDirectory customers;

    ChannelCodeController(
            ChannelCodes codes, ChannelCodeStats stats, ChannelCodeImages images, CustomerDirectory customers) {
        this.codes = codes;
        this.stats = stats;
        this.images = images;
        this.customers = customers;
    }

    @GetMapping(value = "/api/v1/wecom/channel-codes/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The code's QR as a PNG, size pixels square (128–2048, default 512)")
    ResponseEntity<byte[]> qr(@PathVariable long id, @RequestParam(defaultValue = "512") int size) {
        return png(images.qr(id, size), "live-code-" + id + ".png");
    }

    @GetMapping(value = "/api/v1/wecom/channel-codes/{id}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "A 750×1200 poster with the code's QR, its name (or title) and a line of text (subtitle)")
    ResponseEntity<byte[]> poster(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String subtitle) {
        return png(images.poster(id, title, subtitle), "live-code-poster-" + id + ".png");
    }

    private static ResponseEntity<byte[]> png(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(body);
    }

    @GetMapping("/api/v1/wecom/channel-codes")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The live codes (or, with parentId, the store and personal codes made from one), newest first")
    List<CodeView> list(@RequestParam(required = false) @Nullable Long parentId) {
        var all = codes.all(parentId);
        var totals = stats.totals(all.stream().map(ChannelCode::id).toList());
        var sharers = sharers(all);
        return all.stream()
                .map(c -> new CodeView(c, totals.get(c.id()), sharers.get(c.sharerCustomerId())))
                .toList();
    }

    private Map<Long, Sharer> sharers(List<ChannelCode> codes) {
        var ids = codes.stream()
                .map(ChannelCode::sharerCustomerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        var byId = new HashMap<Long, Sharer>();
        customers.summaries(ids).forEach(c -> byId.put(c.id(), new Sharer(c.id(), c.name())));
        return byId;
    }

    @GetMapping("/api/v1/wecom/channel-codes/{id}")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    CodeView get(@PathVariable long id) {
        var code = codes.get(id);
        return new CodeView(
                code, stats.totals(List.of(id)).get(id), sharers(List.of(code)).get(code.sharerCustomerId()));
    }

    @PostMapping("/api/v1/wecom/channel-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(
            summary = "Create a live code: {appId, name, staff[], backupStaff[], assignment, dailyCap, schedule,"
                    + " skipVerify, tagIds[], welcome}; it is made in WeCom (联系我) at once")
    ChannelCode create(@RequestBody ChannelCodeInput body) {
        return codes.create(body);
    }

    @PatchMapping("/api/v1/wecom/channel-codes/{id}")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "Change a live code; absent fields stay, clear: [dailyCap, schedule, welcome] removes them")
    ChannelCode update(@PathVariable long id, @RequestBody ChannelCodeInput body) {
        return codes.update(id, body);
    }

    @DeleteMapping("/api/v1/wecom/channel-codes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "Delete a live code in WeCom (its QR stops working) and here")
    void delete(@PathVariable long id) {
        codes.delete(id);
    }

    record StoresBody(@Nullable List<ChannelCodes.StoreInput> stores) {}

    record PersonalBody(@Nullable Long customerId) {}

    @PostMapping("/api/v1/wecom/channel-codes/{id}/stores")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(summary = "门店活码: {stores: [{store, staff[]}]} makes one code per store with the code's settings")
    List<ChannelCode> stores(@PathVariable long id, @RequestBody StoresBody body) {
        return codes.createStores(id, body.stores() == null ? List.of() : body.stores());
    }

    @PostMapping("/api/v1/wecom/channel-codes/{id}/personal")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_WRITE + "')")
    @Operation(
            summary = "千人千面码: {customerId} → the code this customer shares (made on first ask, the same after);"
                    + " adds through it are counted for the customer")
    ChannelCode personal(@PathVariable long id, @RequestBody PersonalBody body) {
        if (body.customerId() == null) {
            throw io.siyu.shared.DomainException.invalid("customerId", "problem.field.required");
        }
        return codes.personal(id, body.customerId());
    }

    @GetMapping("/api/v1/wecom/channel-codes/{id}/stats")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "Adds, losses and net per day and per staff member, from and to (dates, at most 366 days)")
    ChannelCodeStats.Report stats(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        codes.get(id);
        return stats.report(id, from, to);
    }
}

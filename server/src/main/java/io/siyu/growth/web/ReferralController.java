package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.KocCandidates;
import io.siyu.growth.ReferralView;
import io.siyu.growth.Referrals;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class ReferralController {

    /** The KOC-candidate threshold: counted invites plus member referrals, ever. */
    record Threshold(@Nullable Integer threshold) {}

    private final Referrals referrals;
    private final KocCandidates candidates;

    ReferralController(Referrals referrals, KocCandidates candidates) {
        this.referrals = referrals;
        this.candidates = candidates;
    }

    @GetMapping("/api/v1/growth/referrals")
    @Operation(
            summary = "Who invited whom across campaigns and member referrals, from and to (dates in the tenant's"
                    + " zone, both included, at most 366 days; default the last 90): figures, per-campaign K-factor,"
                    + " cycle time and depth, generations, top inviters (top, 1 to 100, default 20) and the graph of"
                    + " the first graph (0 to 50, default 10) of them")
    ReferralView view(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer top,
            @RequestParam(required = false) @Nullable Integer graph) {
        return referrals.view(from, to, top == null ? 20 : top, graph == null ? 10 : graph);
    }

    @GetMapping("/api/v1/growth/referrals/koc")
    @Operation(summary = "The KOC-candidate threshold, the tag that marks them and how many there are")
    KocCandidates.Settings koc() {
        return candidates.settings();
    }

    @PutMapping("/api/v1/growth/referrals/koc")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "A new KOC-candidate threshold {threshold: 1 to 10000}; the marks follow at once")
    KocCandidates.Settings threshold(@RequestBody Threshold body) {
        return candidates.threshold(body.threshold());
    }
}

package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.Distribution;
import io.siyu.growth.DistributionReport;
import io.siyu.growth.DistributionSettings;
import io.siyu.growth.DistributorPage;
import io.siyu.growth.Distributors;
import io.siyu.growth.Withdrawals;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/distribution")
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class DistributionController {

    private static final Set<String> DISTRIBUTOR_STATUSES = Set.of("pending", "active", "rejected", "suspended");
    private static final Set<String> WITHDRAWAL_STATUSES = Set.of("requested", "approved", "rejected", "paid");
    private static final Set<String> ENTRY_KINDS =
            Set.of("commission", "release", "cancel", "clawback", "withdraw", "reject", "payout");
    private static final Set<String> VERBS = Set.of("approve", "reject", "suspend", "reactivate");
    private static final String WRITE = "hasAuthority('" + Permission.GROWTH_WRITE + "')";

    private final DistributionSettings settings;
    private final Distributors distributors;
    private final Withdrawals withdrawals;
    private final DistributionReport report;
    private final DistributorPage page;

    DistributionController(
            DistributionSettings settings,
            Distributors distributors,
            Withdrawals withdrawals,
            DistributionReport report,
            DistributorPage page) {
        this.settings = settings;
        this.distributors = distributors;
        this.withdrawals = withdrawals;
        this.report = report;
        this.page = page;
    }

    @GetMapping("/settings")
    @Operation(summary = "分销 settings: refund window (days), default level-1 and level-2 rates (%), least withdrawal")
    Distribution.Settings settings() {
        return settings.get();
    }

    @PutMapping("/settings")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Replace the settings: {refundWindowDays (0 to 90), level1Rate, level2Rate (percent, 0 to 50,"
                    + " together at most 50), minWithdrawal (0.30 to 20000), shareUrl? (http(s), the page a"
                    + " distributor's share link opens with ?distributor=<code>)}")
    Distribution.Settings updateSettings(@RequestBody Distribution.SettingsInput body) {
        return settings.update(body);
    }

    @GetMapping("/rates")
    @Operation(summary = "Rates per product (SKU) and per category; a product's rate comes before its category's")
    List<Distribution.Rate> rates() {
        return settings.rates();
    }

    @PutMapping("/rates")
    @PreAuthorize(WRITE)
    @Operation(summary = "Set a rate: {scope: product | category, target: SKU or category, level1Rate, level2Rate}")
    Distribution.Rate putRate(@RequestBody Distribution.RateInput body) {
        return settings.putRate(body);
    }

    @DeleteMapping("/rates/{id}")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a rate: its product or category falls back to the next rate")
    void deleteRate(@PathVariable long id) {
        settings.deleteRate(id);
    }

    @GetMapping("/distributors")
    @Operation(summary = "Distributors, newest first, with their inviter, balances and counts; status, parentId filter")
    CursorPage<Distribution.Distributor> distributors(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long parentId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        checked("status", status, DISTRIBUTOR_STATUSES);
        return distributors.list(status, parentId, PageRequest.of(limit, cursor));
    }

    @PostMapping("/distributors")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A customer applies (pending until approved) or is appointed (active at once): {customerId,"
                    + " inviterCode? (their level-2 distributor), appoint?}")
    Distribution.Distributor apply(@RequestBody Distribution.Application body) {
        return distributors.apply(body);
    }

    @GetMapping("/distributors/{id}")
    @Operation(summary = "A distributor with balances")
    Distribution.Distributor distributor(@PathVariable long id) {
        return distributors.get(id);
    }

    @PostMapping("/distributors/{id}/{verb}")
    @PreAuthorize(WRITE)
    @Operation(summary = "approve or reject an application; suspend or reactivate a distributor")
    Distribution.Distributor decide(@PathVariable long id, @PathVariable String verb) {
        if (!VERBS.contains(verb)) {
            throw DomainException.notFound("action", verb);
        }
        return distributors.decide(id, verb);
    }

    @GetMapping("/distributors/{id}/entries")
    @Operation(summary = "A distributor's ledger, newest first: each entry's change to each balance; kind filters")
    CursorPage<Distribution.Entry> entries(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        checked("kind", kind, ENTRY_KINDS);
        return distributors.entries(id, kind, PageRequest.of(limit, cursor));
    }

    @PostMapping("/distributors/{id}/withdrawals")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "A distributor asks to withdraw: {amount (at least the least withdrawal, at most what is"
                    + " available), requestKey (the same again answers the same withdrawal)}")
    Distribution.Withdrawal withdraw(@PathVariable long id, @RequestBody Distribution.WithdrawalInput body) {
        return withdrawals.request(id, body);
    }

    @PostMapping("/bindings")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "A customer came through a distributor's code: {customerId, code}; bound for good unless"
                    + " already bound (created says which)")
    Distribution.Binding bind(@RequestBody Distribution.BindingInput body) {
        return distributors.bind(body);
    }

    @PostMapping("/customers/{customerId}/page-link")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "A new link to the customer's distributor page (H5), valid 30 days, with its QR code as a PNG"
                    + " data URL; whoever has it applies for them, sees their balances and commissions and may ask"
                    + " to withdraw")
    DistributorPage.Link pageLink(@PathVariable long customerId) {
        return page.link(customerId);
    }

    @GetMapping("/withdrawals")
    @Operation(summary = "Withdrawals, newest first; status and distributorId filter")
    CursorPage<Distribution.Withdrawal> withdrawals(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long distributorId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        checked("status", status, WITHDRAWAL_STATUSES);
        return withdrawals.list(status, distributorId, PageRequest.of(limit, cursor));
    }

    @PostMapping("/withdrawals/{id}/approve")
    @PreAuthorize(WRITE)
    @Operation(summary = "Approve a requested withdrawal (not one you asked for yourself); it is paid shortly")
    Distribution.Withdrawal approve(@PathVariable long id) {
        return withdrawals.approve(id);
    }

    @PostMapping("/withdrawals/{id}/reject")
    @PreAuthorize(WRITE)
    @Operation(summary = "Reject a requested withdrawal: {reason}; the amount is available again")
    Distribution.Withdrawal reject(@PathVariable long id, @RequestBody Distribution.Decision body) {
        return withdrawals.reject(id, body);
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts, total balances and the last six months' commission: earned, released, reversed")
    Distribution.Summary summary() {
        return report.summary();
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Checks every balance against the sum of its ledger entries and the withdrawals")
    Distribution.Reconciliation reconciliation() {
        return report.reconcile();
    }

    private static void checked(String field, @Nullable String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw DomainException.invalid(
                    field,
                    "growth.group-buy.team-status",
                    String.join(", ", allowed.stream().sorted().toList()));
        }
    }
}

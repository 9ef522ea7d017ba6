package io.siyu.growth.web;

import io.siyu.access.CustomerLinks;
import io.siyu.growth.Distribution;
import io.siyu.growth.DistributorPage;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The distributor page's API, for the customer themself: {@code Authorization: Bearer <distributor link token>},
 * checked (with its tenant bound) before a request gets here. Every answer is about the token's customer only.
 */
@RestController
@RequestMapping("/api/h5/v1/" + DistributorPage.PURPOSE)
@PreAuthorize("permitAll()") // customers have no login; the customer link is the key (see CustomerLinks)
class DistributorPageController {

    private final DistributorPage page;

    DistributorPageController(DistributorPage page) {
        this.page = page;
    }

    @GetMapping
    @Operation(
            summary = "The customer's distributor page: status none | pending | rejected | suspended | active; when"
                    + " active their code, share link (with QR), balances, bound customers, team and recent"
                    + " withdrawals")
    DistributorPage.View view(@RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder) {
        return page.view(holder.customerId());
    }

    @PostMapping("/application")
    @Operation(
            summary = "Apply to become a distributor {inviterCode?}: pending until an operator approves; applying"
                    + " again answers the page as it is")
    DistributorPage.View apply(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder,
            @RequestBody DistributorPage.Apply body) {
        return page.apply(holder.customerId(), body);
    }

    @GetMapping("/commissions")
    @Operation(
            summary = "The distributor's commissions, newest first: level, masked order number, amount, what refunds"
                    + " took back, status pending | released | reversed")
    CursorPage<DistributorPage.Commission> commissions(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return page.commissions(holder.customerId(), PageRequest.of(limit, cursor));
    }

    @PostMapping("/withdrawals")
    @Operation(
            summary = "Ask to withdraw {amount, requestKey}: the rules of the console's withdrawal; the same"
                    + " requestKey again answers the first withdrawal and holds nothing more")
    DistributorPage.Withdrawal withdraw(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder,
            @RequestBody Distribution.WithdrawalInput body) {
        return page.withdraw(holder.customerId(), body);
    }
}

package io.siyu.loyalty.web;

import io.siyu.access.CustomerLinks;
import io.siyu.loyalty.MemberPage;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member page's API, for the member themself: {@code Authorization: Bearer <member link token>}, checked (with
 * its tenant bound) before a request gets here. Every answer is about the token's customer, never anyone else.
 */
@RestController
@RequestMapping("/api/h5/v1/" + MemberPage.PURPOSE)
@PreAuthorize("permitAll()") // customers have no login; the customer link is the key (see CustomerLinks)
class MemberPageController {

    private final MemberPage page;

    MemberPageController(MemberPage page) {
        this.page = page;
    }

    @GetMapping
    @Operation(summary = "The member's card: tier, growth and the next tier, points and those expiring soon")
    MemberPage.Card card(@RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder) {
        return page.card(holder.customerId());
    }

    @GetMapping("/points")
    @Operation(summary = "The member's 30 latest points entries, newest first")
    List<MemberPage.Entry> points(@RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder) {
        return page.ledger(holder.customerId());
    }

    @GetMapping("/coupons")
    @Operation(summary = "The member's coupons with their terms; status available, used or expired")
    List<MemberPage.MemberCoupon> coupons(@RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder) {
        return page.coupons(holder.customerId());
    }

    @GetMapping("/mall/items")
    @Operation(summary = "The points mall's active items and how many are left")
    List<MemberPage.Item> items(@RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder) {
        return page.items(holder.customerId());
    }

    @PostMapping("/mall/redemptions")
    @Operation(
            summary = "Redeem an item with points {itemId, redemptionId}; the same redemptionId again answers the"
                    + " first order and spends nothing more")
    MemberPage.Redeemed redeem(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder, @RequestBody MemberPage.Redeem body) {
        return page.redeem(holder.customerId(), body);
    }
}

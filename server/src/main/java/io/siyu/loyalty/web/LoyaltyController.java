package io.siyu.loyalty.web;

import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.loyalty.Adjustments;
import io.siyu.loyalty.Coupon;
import io.siyu.loyalty.CouponTemplate;
import io.siyu.loyalty.Coupons;
import io.siyu.loyalty.EarningRule;
import io.siyu.loyalty.EarningRules;
import io.siyu.loyalty.LoyaltyStats;
import io.siyu.loyalty.Mall;
import io.siyu.loyalty.Member;
import io.siyu.loyalty.MemberPage;
import io.siyu.loyalty.Members;
import io.siyu.loyalty.Points;
import io.siyu.loyalty.PointsEntry;
import io.siyu.loyalty.Program;
import io.siyu.loyalty.Programs;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/loyalty")
@PreAuthorize("hasAuthority('" + Permission.LOYALTY_READ + "')")
class LoyaltyController {

    private static final String WRITE = "hasAuthority('" + Permission.LOYALTY_WRITE + "')";
    private static final String MANAGE = "hasAuthority('" + Permission.LOYALTY_MANAGE + "')";

    record Join(@Nullable Long customerId, @Nullable String referralCode) {}

    record Spend(
            @Nullable Long customerId,
            @Nullable Long points,
            @Nullable String requestId,
            @Nullable String reason) {}

    private final Programs programs;
    private final Members members;
    private final Points points;
    private final Adjustments adjustments;
    private final Coupons coupons;
    private final Mall mall;
    private final LoyaltyStats stats;
    private final EarningRules rules;
    private final MemberPage memberPage;

    LoyaltyController(
            Programs programs,
            Members members,
            Points points,
            Adjustments adjustments,
            Coupons coupons,
            Mall mall,
            LoyaltyStats stats,
            EarningRules rules,
            MemberPage memberPage) {
        this.programs = programs;
        this.members = members;
        this.points = points;
        this.adjustments = adjustments;
        this.coupons = coupons;
        this.mall = mall;
        this.stats = stats;
        this.rules = rules;
        this.memberPage = memberPage;
    }

    @GetMapping("/program")
    @Operation(summary = "The loyalty program: join rule, earning and expiry rules, tiers")
    Program program() {
        return programs.get();
    }

    @PutMapping("/program")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Set the program and its 1 to 3 tiers (rising minGrowth, level 1 at 0)")
    Program saveProgram(@RequestBody Program body) {
        return programs.save(body);
    }

    @GetMapping("/rules")
    @Operation(summary = "Earning rules: points for events other than purchases (check-ins, reviews, shares …)")
    List<EarningRule> rules() {
        return rules.all();
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Add an earning rule {name, eventType, points, growth?, filter?, dailyCap, totalCap?, active?,"
                    + " campaign?}")
    EarningRule createRule(@RequestBody EarningRule.Input body) {
        return rules.create(body);
    }

    @PutMapping("/rules/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change an earning rule (what it granted stays granted)")
    EarningRule updateRule(@PathVariable long id, @RequestBody EarningRule.Input body) {
        return rules.update(id, body);
    }

    @DeleteMapping("/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Remove an earning rule (what it granted stays granted)")
    void deleteRule(@PathVariable long id) {
        rules.delete(id);
    }

    @GetMapping("/members")
    @Operation(summary = "Members, newest first; q finds a member number or customer id")
    CursorPage<Member.Line> members(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer tier,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return members.list(q, tier, PageRequest.of(limit, cursor));
    }

    @PostMapping("/members")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Make a customer a member {customerId, referralCode?} (201), or answer the member they are (200)")
    ResponseEntity<Member> join(@RequestBody Join body) {
        if (body.customerId() == null) {
            throw DomainException.invalid("customerId", "problem.field.required");
        }
        boolean was = members.isMember(body.customerId());
        if (!was && programs.get().joinRule().equals("paid_card")) {
            // under the paid_card rule a card purchase is the way in
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.card.join-by-card");
        }
        var member = members.join(body.customerId(), "api", body.referralCode());
        return ResponseEntity.status(was ? HttpStatus.OK : HttpStatus.CREATED).body(member);
    }

    @GetMapping("/members/{customerId}")
    @Operation(summary = "A member: tier, growth, points, points expiring soon, next tier, tier history, benefits")
    Member member(@PathVariable long customerId) {
        return members.get(customerId);
    }

    @PostMapping("/members/{customerId}/page-link")
    @PreAuthorize(WRITE)
    @Operation(
            summary =
                    "A new link to the member's own page (H5), valid 30 days, with its QR code as a PNG data URL;"
                            + " whoever has it sees the member's card, points and coupons and may spend their points in the mall")
    MemberPage.Link pageLink(@PathVariable long customerId) {
        return memberPage.link(customerId);
    }

    @GetMapping("/members/{customerId}/points")
    @Operation(summary = "A member's points ledger, newest first")
    CursorPage<PointsEntry> ledger(
            @PathVariable long customerId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        members.get(customerId);
        return points.ledger(customerId, PageRequest.of(limit, cursor));
    }

    @GetMapping("/members/{customerId}/coupons")
    @Operation(summary = "A member's coupons, newest first")
    List<Coupon> memberCoupons(@PathVariable long customerId) {
        members.get(customerId);
        return coupons.ofMember(customerId);
    }

    @PostMapping("/members/{customerId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Ask for a manual adjustment {points (≠ 0), reason}; someone else approves it")
    Adjustments.Adjustment requestAdjustment(@PathVariable long customerId, @RequestBody Adjustments.Input body) {
        return adjustments.request(customerId, body);
    }

    @GetMapping("/adjustments")
    @Operation(summary = "Points adjustments, newest first (200), by status: pending, applied, rejected")
    List<Adjustments.Adjustment> adjustments(@RequestParam(required = false) @Nullable String status) {
        return adjustments.list(status);
    }

    @PostMapping("/adjustments/{id}/approve")
    @PreAuthorize("hasAuthority('" + Permission.LOYALTY_APPROVE + "')")
    @Operation(summary = "Apply a pending adjustment; not by the one who asked for it")
    Adjustments.Adjustment approve(@PathVariable long id) {
        return adjustments.approve(id);
    }

    @PostMapping("/adjustments/{id}/reject")
    @PreAuthorize("hasAuthority('" + Permission.LOYALTY_APPROVE + "')")
    @Operation(summary = "Reject a pending adjustment")
    Adjustments.Adjustment reject(@PathVariable long id) {
        return adjustments.reject(id);
    }

    @PostMapping("/points/spend")
    @PreAuthorize(WRITE)
    @Operation(
            summary =
                    "A shop spends a member's points {customerId, points, requestId, reason?}; a retried request id spends nothing again")
    PointsEntry spend(@RequestBody Spend body) {
        if (body.customerId() == null) {
            throw DomainException.invalid("customerId", "problem.field.required");
        }
        return points.spend(
                body.customerId(),
                body.points() == null ? 0 : body.points(),
                body.requestId() == null ? "" : body.requestId(),
                body.reason(),
                Actor.currentName());
    }

    @GetMapping("/coupon-templates")
    @Operation(summary = "Coupon templates, newest first, with issued and redeemed counts")
    List<CouponTemplate> templates() {
        return coupons.templates();
    }

    @PostMapping("/coupon-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Make a coupon template")
    CouponTemplate createTemplate(@RequestBody CouponTemplate.Input body) {
        return coupons.create(body);
    }

    @GetMapping("/coupon-templates/{id}")
    @Operation(summary = "A coupon template")
    CouponTemplate template(@PathVariable long id) {
        return coupons.template(id);
    }

    @PutMapping("/coupon-templates/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a coupon template (stock never below what was issued)")
    CouponTemplate updateTemplate(@PathVariable long id, @RequestBody CouponTemplate.Input body) {
        return coupons.update(id, body);
    }

    @PostMapping("/coupon-templates/{id}/issue")
    @PreAuthorize(WRITE)
    @Operation(
            summary =
                    "Issue coupons to customers (≤ 10,000) or a saved segment's members; a retried key issues nothing")
    CouponTemplate.Issued issue(@PathVariable long id, @RequestBody CouponTemplate.Issue body) {
        return coupons.issue(id, body);
    }

    @PostMapping("/coupons/redeem")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Redeem a coupon against an order {code, customerId, orderAmount, skus?, orderNo?, redemptionId}")
    Coupon.Redemption redeem(@RequestBody Coupon.Redeem body) {
        return coupons.redeem(body);
    }

    @GetMapping("/mall/items")
    @Operation(summary = "Points mall items, newest first")
    List<Mall.Item> items() {
        return mall.items();
    }

    @PostMapping("/mall/items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Add a mall item {name, description?, points, cash?, stock, perMember?, active?}")
    Mall.Item createItem(@RequestBody Mall.ItemInput body) {
        return mall.create(body);
    }

    @PutMapping("/mall/items/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a mall item (stock never below what was redeemed)")
    Mall.Item updateItem(@PathVariable long id, @RequestBody Mall.ItemInput body) {
        return mall.update(id, body);
    }

    @PostMapping("/mall/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(
            summary =
                    "Redeem an item for a member's points {customerId, itemId, requestId}; a retried request id answers the first order")
    Mall.Order order(@RequestBody Mall.OrderInput body) {
        return mall.order(body);
    }

    @GetMapping("/mall/orders")
    @Operation(summary = "Mall orders, newest first, by status: placed, shipped, delivered, cancelled")
    CursorPage<Mall.Order> orders(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return mall.orders(status, PageRequest.of(limit, cursor));
    }

    @PostMapping("/mall/orders/{id}/{action:ship|deliver|cancel}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Ship or deliver an order, or cancel a placed one (its points come back)")
    Mall.Order moveOrder(@PathVariable long id, @PathVariable String action) {
        return mall.move(id, action);
    }

    @GetMapping("/reconciliation")
    @Operation(
            summary =
                    "Check the points ledger now: member balances against their entries and lots (first 100 that differ)")
    Points.Reconciliation reconciliation() {
        return points.reconciliation();
    }

    @GetMapping("/stats")
    @Operation(summary = "Members by tier (now and over 30 days), points issued, spent and expired, liability, coupons")
    LoyaltyStats.Stats stats() {
        return stats.stats();
    }
}

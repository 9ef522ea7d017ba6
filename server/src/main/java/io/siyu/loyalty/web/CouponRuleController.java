package io.siyu.loyalty.web;

import io.siyu.access.Permission;
import io.siyu.loyalty.CouponRule;
import io.siyu.loyalty.CouponRules;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/loyalty/coupon-rules")
@PreAuthorize("hasAuthority('" + Permission.LOYALTY_READ + "')")
class CouponRuleController {

    private static final String MANAGE = "hasAuthority('" + Permission.LOYALTY_MANAGE + "')";

    private final CouponRules rules;

    CouponRuleController(CouponRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "Coupon issuing rules: a template issued for events of a type, within limits")
    List<CouponRule> all() {
        return rules.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Add a coupon rule {name, templateCode, eventType, filter?, perCustomer?, totalLimit?, active?}")
    CouponRule create(@RequestBody CouponRule.Input body) {
        return rules.create(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A coupon rule and how many coupons it issued")
    CouponRule get(@PathVariable long id) {
        return rules.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a coupon rule (coupons it issued stay issued)")
    CouponRule update(@PathVariable long id, @RequestBody CouponRule.Input body) {
        return rules.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Remove a coupon rule (coupons it issued stay issued)")
    void delete(@PathVariable long id) {
        rules.delete(id);
    }
}

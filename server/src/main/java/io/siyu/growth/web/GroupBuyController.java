package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.GroupBuy;
import io.siyu.growth.GroupBuys;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class GroupBuyController {

    private static final Set<String> TEAM_STATUSES = Set.of("open", "succeeded", "failed");

    private final GroupBuys groupBuys;

    GroupBuyController(GroupBuys groupBuys) {
        this.groupBuys = groupBuys;
    }

    @GetMapping("/api/v1/group-buys")
    @Operation(summary = "拼团 offers, newest first, with stock held and sold and their teams' counts")
    CursorPage<GroupBuy> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return groupBuys.list(PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/group-buys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(
            summary = "Make a 拼团 offer: {name, sku, productName, listPrice, tiers: [{size, price}] (1 to 5, sizes"
                    + " rising from 2, prices falling below listPrice), teamHours? (24, at most 168), stock, startsAt?,"
                    + " endsAt (within 180 days)}")
    GroupBuy create(@RequestBody GroupBuy.Input body) {
        return groupBuys.create(body);
    }

    @GetMapping("/api/v1/group-buys/{id}")
    @Operation(summary = "A 拼团 offer")
    GroupBuy get(@PathVariable long id) {
        return groupBuys.get(id);
    }

    @PostMapping("/api/v1/group-buys/{id}/end")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "End an offer early: no new teams or joins; open teams close when their time is up")
    GroupBuy end(@PathVariable long id) {
        return groupBuys.end(id);
    }

    @GetMapping("/api/v1/group-buys/{id}/teams")
    @Operation(summary = "An offer's teams, newest first, with members, payments and refunds; status filters")
    CursorPage<GroupBuy.Team> teams(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (status != null && !TEAM_STATUSES.contains(status)) {
            throw DomainException.invalid("status", "growth.group-buy.team-status", String.join(", ", TEAM_STATUSES));
        }
        return groupBuys.teams(id, status, PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/group-buys/{id}/teams")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(
            summary = "A customer paid the first tier's price to open a team: {customerId, joinKey (the shop's order"
                    + " number; the same again answers the same team), paymentRef, paid}")
    GroupBuy.Team open(@PathVariable long id, @RequestBody GroupBuy.Join body) {
        return groupBuys.join(id, null, body);
    }

    @PostMapping("/api/v1/group-buys/{id}/teams/{teamId}/members")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "A customer paid the first tier's price to join an open team; body as for opening one")
    GroupBuy.Team join(@PathVariable long id, @PathVariable long teamId, @RequestBody GroupBuy.Join body) {
        return groupBuys.join(id, teamId, body);
    }
}

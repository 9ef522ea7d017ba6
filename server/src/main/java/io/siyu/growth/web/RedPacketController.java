package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.Campaign;
import io.siyu.growth.RedPacket;
import io.siyu.growth.RedPackets;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class RedPacketController {

    private final RedPackets redPackets;

    RedPacketController(RedPackets redPackets) {
        this.redPackets = redPackets;
    }

    @GetMapping("/api/v1/campaigns/{id}/budget")
    @Operation(
            summary = "A campaign's red-packet budget in fen (topped up, reserved, paid, remaining) and its latest"
                    + " ledger entries (top-ups and reservations), newest first")
    RedPacket.Ledger budget(@PathVariable long id) {
        return redPackets.ledger(id);
    }

    @PostMapping("/api/v1/campaigns/{id}/budget/top-ups")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "Add to a campaign's red-packet budget: {amount (fen), note?}; answers the budget")
    Campaign.Budget topUp(@PathVariable long id, @RequestBody RedPacket.TopUp body) {
        return redPackets.topUp(id, body);
    }

    @GetMapping("/api/v1/campaigns/{id}/red-packets")
    @Operation(summary = "A campaign's red packets, newest first: reserved (to be paid) or paid, amounts in fen")
    CursorPage<RedPacket> list(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return redPackets.list(id, PageRequest.of(limit, cursor));
    }
}

package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.GiftReward;
import io.siyu.growth.GiftRewards;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Physical gift rewards on their way: address, ship, received, cancelled; and the warehouse's list. */
@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class GiftRewardController {

    private static final String WRITE = "hasAuthority('" + Permission.GROWTH_WRITE + "')";

    private final GiftRewards gifts;

    GiftRewardController(GiftRewards gifts) {
        this.gifts = gifts;
    }

    @GetMapping("/api/v1/campaigns/{id}/rewards")
    @Operation(
            summary = "A campaign's physical gift rewards, newest first; status? = awaiting_address | to_ship |"
                    + " shipped | received | cancelled")
    CursorPage<GiftReward> list(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return gifts.list(id, status, PageRequest.of(limit, cursor));
    }

    @GetMapping(path = "/api/v1/campaigns/{id}/rewards/export", produces = "text/csv")
    @Operation(
            summary = "The gifts in a status (default to_ship) as CSV for the warehouse (UTF-8 with BOM): who, what,"
                    + " where")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) @Nullable String status) {
        var chosen = status == null || status.isBlank() ? GiftReward.TO_SHIP : status;
        var csv = GiftCsv.write(gifts.all(id, chosen));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("campaign-" + id + "-gifts-" + chosen + ".csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/campaigns/{id}/rewards/{rewardId}")
    @Operation(summary = "One gift reward: its status, address and shipment")
    GiftReward get(@PathVariable long id, @PathVariable long rewardId) {
        return gifts.get(id, rewardId);
    }

    @PutMapping("/api/v1/campaigns/{id}/rewards/{rewardId}/address")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Where the gift goes: {recipient, mobile (mainland, 11 digits), province, city, district,"
                    + " detail}. The gift is then to_ship; idempotent, and the address may change until it ships")
    GiftReward address(@PathVariable long id, @PathVariable long rewardId, @RequestBody GiftReward.AddressInput body) {
        return gifts.address(id, rewardId, body);
    }

    @PostMapping("/api/v1/campaigns/{id}/rewards/{rewardId}/ship")
    @PreAuthorize(WRITE)
    @Operation(summary = "Ship a gift that is to_ship: {carrier, trackingNo}; again with the same shipment answers it")
    GiftReward ship(@PathVariable long id, @PathVariable long rewardId, @RequestBody GiftReward.Shipment body) {
        return gifts.ship(id, rewardId, body);
    }

    @PostMapping("/api/v1/campaigns/{id}/rewards/{rewardId}/receive")
    @PreAuthorize(WRITE)
    @Operation(summary = "A shipped gift was received")
    GiftReward receive(@PathVariable long id, @PathVariable long rewardId) {
        return gifts.receive(id, rewardId);
    }

    @PostMapping("/api/v1/campaigns/{id}/rewards/{rewardId}/cancel")
    @PreAuthorize(WRITE)
    @Operation(summary = "Cancel a gift not yet shipped: the reward is cancelled and the stage's stock given back")
    GiftReward cancel(@PathVariable long id, @PathVariable long rewardId) {
        return gifts.cancel(id, rewardId);
    }
}

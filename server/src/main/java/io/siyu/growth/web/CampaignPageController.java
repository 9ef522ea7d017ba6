package io.siyu.growth.web;

import io.siyu.access.CustomerLinks;
import io.siyu.growth.CampaignPage;
import io.siyu.growth.GiftReward;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The progress page's API, for the participant themself: {@code Authorization: Bearer <campaign link token>},
 * checked (with its tenant bound) before a request gets here. The page sends its device id as {@value #DEVICE}.
 */
@RestController
@RequestMapping("/api/h5/v1/" + CampaignPage.PURPOSE + "/{campaignId}")
@PreAuthorize("permitAll()") // customers have no login; the customer link is the key (see CustomerLinks)
class CampaignPageController {

    static final String DEVICE = "X-Siyu-Device";

    private final CampaignPage page;
    private final ClientAddresses addresses;

    CampaignPageController(CampaignPage page, ClientAddresses addresses) {
        this.page = page;
        this.addresses = addresses;
    }

    @GetMapping
    @Operation(
            summary = "The participant's progress: the campaign, stages and their status, the next stage, friends"
                    + " (names masked) and gifts; 410 once the campaign is over and no gift is on its way")
    CampaignPage.Progress progress(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder,
            @PathVariable long campaignId,
            HttpServletRequest request) {
        return page.progress(holder.customerId(), campaignId, visit(request));
    }

    @GetMapping("/poster")
    @Operation(summary = "The participant's poster (750 × 1200 PNG) with their own code, while the campaign runs")
    ResponseEntity<byte[]> poster(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder, @PathVariable long campaignId) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(page.poster(holder.customerId(), campaignId));
    }

    @PutMapping("/gifts/{giftId}/address")
    @Operation(
            summary = "Where a gift of the participant's goes: {recipient, mobile (mainland, 11 digits), province,"
                    + " city, district, detail}; the same checks and idempotency as the console's")
    CampaignPage.Gift address(
            @RequestAttribute(CustomerLinks.HOLDER) CustomerLinks.Holder holder,
            @PathVariable long campaignId,
            @PathVariable long giftId,
            @RequestBody GiftReward.AddressInput body,
            HttpServletRequest request) {
        return page.address(holder.customerId(), campaignId, giftId, body, visit(request));
    }

    private CampaignPage.Visit visit(HttpServletRequest request) {
        return new CampaignPage.Visit(
                request.getHeader(DEVICE), request.getHeader("User-Agent"), addresses.of(request));
    }
}

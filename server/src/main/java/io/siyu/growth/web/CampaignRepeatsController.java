package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.CampaignPage;
import io.siyu.growth.CampaignRepeats;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side of the progress page: a participant's link, and the campaign's device and address limits. */
@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class CampaignRepeatsController {

    private static final String WRITE = "hasAuthority('" + Permission.GROWTH_WRITE + "')";

    private final CampaignPage page;
    private final CampaignRepeats repeats;

    CampaignRepeatsController(CampaignPage page, CampaignRepeats repeats) {
        this.page = page;
        this.repeats = repeats;
    }

    @PostMapping("/api/v1/campaigns/{id}/participants/{participantId}/page-link")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "A new link to the participant's progress page (H5), working until 30 days after the campaign"
                    + " ends, with its QR code as a PNG data URL")
    CampaignPage.Link pageLink(@PathVariable long id, @PathVariable long participantId) {
        return page.link(id, participantId);
    }

    @GetMapping("/api/v1/campaigns/{id}/repeats")
    @Operation(summary = "The campaign's limits of participants per device and per client address (0: none)")
    CampaignRepeats.Rule repeats(@PathVariable long id) {
        return repeats.rule(id);
    }

    @PutMapping("/api/v1/campaigns/{id}/repeats")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Limits {maxParticipantsPerDevice (0 to 100), maxParticipantsPerIp (0 to 1000)}, 0 for none:"
                    + " participants beyond them on one device or address have their invites reviewed (reason device"
                    + " or ip)")
    CampaignRepeats.Rule changeRepeats(@PathVariable long id, @RequestBody CampaignRepeats.RuleInput body) {
        return repeats.change(id, body);
    }
}

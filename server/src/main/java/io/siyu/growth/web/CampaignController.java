package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.Campaign;
import io.siyu.growth.CampaignPosters;
import io.siyu.growth.CampaignStats;
import io.siyu.growth.Campaigns;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
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
class CampaignController {

    /** A customer to join to a campaign. */
    record Join(long customerId) {}

    private final Campaigns campaigns;
    private final CampaignStats stats;
    private final CampaignPosters posters;

    CampaignController(Campaigns campaigns, CampaignStats stats, CampaignPosters posters) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.posters = posters;
    }

    @GetMapping("/api/v1/campaigns")
    @Operation(summary = "任务宝 campaigns, newest first, with their stages and counts")
    CursorPage<Campaign> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return campaigns.list(PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(
            summary = "Make a 任务宝 campaign (a draft): {name, channelCodeId (the live code friends add through),"
                    + " startsAt?, endsAt, holdHours? (24), newOnly? (true), burstPerMinute? (10), stages: [{invites,"
                    + " rewardKind: points|coupon|gift, amount | couponId | gift, stock?}] (1 to 5)}")
    Campaign create(@RequestBody Campaign.Input body) {
        return campaigns.create(body);
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @Operation(summary = "A campaign with its stages (granted so far) and counts")
    Campaign get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PostMapping("/api/v1/campaigns/{id}/start")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "Start a draft: it takes participants and counts invites from its start time")
    Campaign start(@PathVariable long id) {
        return campaigns.move(id, "active");
    }

    @PostMapping("/api/v1/campaigns/{id}/end")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "End a running campaign: no new participants; adds from now on do not count")
    Campaign end(@PathVariable long id) {
        return campaigns.move(id, "ended");
    }

    @GetMapping("/api/v1/campaigns/{id}/participants")
    @Operation(summary = "A campaign's participants, newest first, with their codes, counts and rewards")
    CursorPage<Campaign.Participant> participants(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return campaigns.participants(id, PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/campaigns/{id}/participants")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "Join a customer: their own live code to share (made once; joining again answers it)")
    Campaign.Participant join(@PathVariable long id, @RequestBody Join body) {
        return campaigns.join(id, body.customerId());
    }

    @GetMapping("/api/v1/campaigns/{id}/stats")
    @Operation(
            summary = "How the campaign is doing: participants, invites (counted, held, in review, rejected by reason),"
                    + " rewards, new customers, K-factor, and the last 30 days")
    CampaignStats.Stats stats(@PathVariable long id) {
        return stats.stats(id);
    }

    @GetMapping("/api/v1/campaigns/{id}/review")
    @Operation(summary = "Invites held for a person to look at (a burst from one participant), oldest first")
    List<CampaignStats.Review> review(@PathVariable long id) {
        return stats.review(id);
    }

    @PostMapping("/api/v1/campaigns/{id}/invites/{inviteeId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "Approve an invite in review: it is held like any other and counts once its window passed")
    void approve(@PathVariable long id, @PathVariable long inviteeId) {
        stats.decide(id, inviteeId, true);
    }

    @PostMapping("/api/v1/campaigns/{id}/invites/{inviteeId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(summary = "Reject an invite in review: it never counts")
    void reject(@PathVariable long id, @PathVariable long inviteeId) {
        stats.decide(id, inviteeId, false);
    }

    @GetMapping(path = "/api/v1/campaigns/{id}/participants/{participantId}/poster", produces = "image/png")
    @Operation(
            summary =
                    "The participant's poster (750 × 1200 PNG): their avatar and name, the campaign, its rewards, their own QR")
    byte[] poster(@PathVariable long id, @PathVariable long participantId) {
        return posters.poster(id, participantId);
    }

    @GetMapping("/api/v1/campaigns/{id}/participants/{participantId}/invites")
    @Operation(summary = "A participant's invites, newest first: held, review, counted or rejected (with why)")
    List<Campaign.Invite> invites(@PathVariable long id, @PathVariable long participantId) {
        return campaigns.invites(id, participantId);
    }
}

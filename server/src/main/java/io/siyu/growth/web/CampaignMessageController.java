package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.Campaign;
import io.siyu.growth.ProgressMessages;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's progress messages (进度消息): their settings, and the messages sent with what became of them. */
@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class CampaignMessageController {

    private final ProgressMessages messages;

    CampaignMessageController(ProgressMessages messages) {
        this.messages = messages;
    }

    @PutMapping("/api/v1/campaigns/{id}/messages")
    @PreAuthorize("hasAuthority('" + Permission.GROWTH_WRITE + "')")
    @Operation(
            summary = "Change a campaign's progress messages: {enabled?, onHeld?, progress?, stage?, language?,"
                    + " announce?, announcement?, link?, digest?, digestHour?}; what is left out keeps its value")
    Campaign update(@PathVariable long id, @RequestBody Campaign.MessagesInput body) {
        return messages.update(id, body);
    }

    @GetMapping("/api/v1/campaigns/{id}/messages/sent")
    @Operation(
            summary = "The campaign's messages, newest first (200 at most), a participant's with participantId: kind,"
                    + " text, status (pending, sent, skipped) and delivery (what became of it in WeCom)")
    List<Campaign.Message> sent(@PathVariable long id, @RequestParam(required = false) @Nullable Long participantId) {
        return messages.sent(id, participantId);
    }
}

package siyu.wecom.simulator;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox: what a member received from apps. */
@RestController
class SandboxStaffController {

    private final CorpStates states;
    private final AppMessages messages;

    SandboxStaffController(CorpStates states, AppMessages messages) {
        this.states = states;
        this.messages = messages;
    }

    /**
     * {@code GET /sim/corps/{corpId}/staff/{userId}/messages}: the app messages the member received, oldest
     * first: {@code [{time, agentId, msgid, msgtype, content}]}.
     */
    @GetMapping("/sim/corps/{corpId}/staff/{userId}/messages")
    List<AppMessages.Received> messages(@PathVariable String corpId, @PathVariable String userId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            if (!corp.staff.containsKey(userId)) {
                throw SandboxError.notFound("staff " + userId);
            }
        }
        return messages.inbox(corp, userId);
    }
}

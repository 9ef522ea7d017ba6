package siyu.wecom.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sandbox: what customers and staff do with each other — scans, deletions — and what customers received. */
@RestController
class SandboxCustomerController {

    private final CorpStates states;
    private final Scans scans;
    private final ContactChanges changes;
    private final WelcomeMessages welcome;

    SandboxCustomerController(CorpStates states, Scans scans, ContactChanges changes, WelcomeMessages welcome) {
        this.states = states;
        this.scans = scans;
        this.changes = changes;
        this.welcome = welcome;
    }

    /**
     * {@code POST /sim/corps/{corpId}/scan {configId | qrContent, customer: {name, gender, unionid?, avatar?} |
     * externalUserId, half?: false}}: a WeChat user scans a 联系我 code (→ add_external_contact, or
     * add_half_external_contact with half) or a 加入群聊 code (→ change_external_chat). Answers
     * {@code {externalUserId, userId, welcomeCode, state, alreadyFriend, attempts}} or, for a group,
     * {@code {externalUserId, chatId, attempts}}.
     */
    @PostMapping("/sim/corps/{corpId}/scan")
    Map<String, Object> scan(@PathVariable String corpId, @RequestBody JsonNode json) {
        return scans.scan(states.known(corpId), new Body(json));
    }

    /** {@code POST /sim/corps/{corpId}/customers/{externalUserId}/delete-staff {userId}} → del_follow_user. */
    @PostMapping("/sim/corps/{corpId}/customers/{externalUserId}/delete-staff")
    Map<String, Object> deleteStaff(
            @PathVariable String corpId, @PathVariable String externalUserId, @RequestBody JsonNode json) {
        var userId = required(new Body(json), "userId");
        return changes.customerDeletesStaff(states.known(corpId), externalUserId, userId);
    }

    /** {@code POST /sim/corps/{corpId}/staff/{userId}/delete-customer {externalUserId}} → del_external_contact. */
    @PostMapping("/sim/corps/{corpId}/staff/{userId}/delete-customer")
    Map<String, Object> deleteCustomer(
            @PathVariable String corpId, @PathVariable String userId, @RequestBody JsonNode json) {
        var externalUserId = required(new Body(json), "externalUserId");
        return changes.staffDeletesCustomer(states.known(corpId), userId, externalUserId);
    }

    /**
     * {@code GET /sim/corps/{corpId}/customers/{externalUserId}/chat}: what the customer received, oldest
     * first: {@code [{time, from, kind: welcome|transfer|mass, text, attachments}]}.
     */
    @GetMapping("/sim/corps/{corpId}/customers/{externalUserId}/chat")
    List<WelcomeMessages.ChatLine> chat(@PathVariable String corpId, @PathVariable String externalUserId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            if (!corp.customers.containsKey(externalUserId)) {
                throw SandboxError.notFound("customer " + externalUserId);
            }
        }
        return welcome.chat(corp, externalUserId);
    }

    static String required(Body body, String name) {
        var value = body.text(name);
        if (value == null) {
            throw SandboxError.badRequest(name + " is required");
        }
        return value;
    }
}

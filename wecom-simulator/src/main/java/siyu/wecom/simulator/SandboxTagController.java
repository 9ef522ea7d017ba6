package siyu.wecom.simulator;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sandbox: corp tags changed in the admin console, and a member tagging a customer in the client. */
@RestController
class SandboxTagController {

    private final CorpStates states;
    private final TagChanges changes;

    SandboxTagController(CorpStates states, TagChanges changes) {
        this.states = states;
        this.changes = changes;
    }

    /**
     * {@code POST /sim/corps/{corpId}/tags {groupName | groupId, order?, tags: [name…]}} → change_external_tag
     * create (TagType tag_group for a new group, else tag per tag). Answers {@code {tagGroup, attempts}}.
     */
    @PostMapping("/sim/corps/{corpId}/tags")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@PathVariable String corpId, @RequestBody JsonNode json) {
        return changes.create(states.known(corpId), new Body(json));
    }

    /** {@code POST /sim/corps/{corpId}/tags/{id}/update {name?, order?}} → change_external_tag update. */
    @PostMapping("/sim/corps/{corpId}/tags/{id}/update")
    Map<String, Object> update(@PathVariable String corpId, @PathVariable String id, @RequestBody JsonNode json) {
        return changes.update(states.known(corpId), id, new Body(json));
    }

    /** {@code POST /sim/corps/{corpId}/tags/{id}/delete} → change_external_tag delete. */
    @PostMapping("/sim/corps/{corpId}/tags/{id}/delete")
    Map<String, Object> delete(@PathVariable String corpId, @PathVariable String id) {
        return changes.delete(states.known(corpId), id);
    }

    /**
     * {@code POST /sim/corps/{corpId}/staff/{userId}/tag-customer {externalUserId, add: [tagId], remove: [tagId]}}
     * → edit_external_contact.
     */
    @PostMapping("/sim/corps/{corpId}/staff/{userId}/tag-customer")
    Map<String, Object> tagCustomer(
            @PathVariable String corpId, @PathVariable String userId, @RequestBody JsonNode json) {
        var body = new Body(json);
        var externalUserId = SandboxCustomerController.required(body, "externalUserId");
        return changes.tagCustomer(states.known(corpId), userId, externalUserId, body);
    }
}

package siyu.wecom.simulator;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sandbox: customer groups made, joined, left and filled in the client; each sends change_external_chat. */
@RestController
class SandboxGroupController {

    private final CorpStates states;
    private final Groups groups;

    SandboxGroupController(CorpStates states, Groups groups) {
        this.states = states;
        this.groups = groups;
    }

    /**
     * {@code POST /sim/corps/{corpId}/groups {name, owner, staff?: [userId], customers?: [externalUserId]}} →
     * change_external_chat create. Answers {@code {chatId, attempts}}.
     */
    @PostMapping("/sim/corps/{corpId}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@PathVariable String corpId, @RequestBody JsonNode json) {
        var body = new Body(json);
        var owner = SandboxCustomerController.required(body, "owner");
        var corp = states.known(corpId);
        return groups.create(corp, body.text("name", "客户群"), owner, body.texts("staff"), body.texts("customers"));
    }

    /**
     * {@code POST /sim/corps/{corpId}/groups/{chatId}/join {externalUserId | customer | userId, via?: "invite"|"qr"}}
     * → update add_member (JoinScene 0 invited, 3 by QR code); 409 errcode 86006 when the group has 200 members.
     */
    @PostMapping("/sim/corps/{corpId}/groups/{chatId}/join")
    Map<String, Object> join(@PathVariable String corpId, @PathVariable String chatId, @RequestBody JsonNode json) {
        return groups.join(states.known(corpId), chatId, new Body(json));
    }

    /** {@code POST /sim/corps/{corpId}/groups/{chatId}/leave {externalUserId | userId}} → update del_member. */
    @PostMapping("/sim/corps/{corpId}/groups/{chatId}/leave")
    Map<String, Object> leave(@PathVariable String corpId, @PathVariable String chatId, @RequestBody JsonNode json) {
        return groups.leave(states.known(corpId), chatId, new Body(json));
    }

    /**
     * {@code POST /sim/corps/{corpId}/groups/{chatId}/fill {count}}: new customers join until the group has
     * {@code count} members (≤ 200), reported in one add_member callback.
     */
    @PostMapping("/sim/corps/{corpId}/groups/{chatId}/fill")
    Map<String, Object> fill(@PathVariable String corpId, @PathVariable String chatId, @RequestBody JsonNode json) {
        return groups.fill(states.known(corpId), chatId, new Body(json).integer("count", Group.CAPACITY));
    }

    /**
     * {@code POST /sim/corps/{corpId}/groups/{chatId}/dismiss {notify?: true}}: the owner dismisses the group →
     * change_external_chat dismiss (none with notify false: a lost callback for the reconcile to find).
     */
    @PostMapping("/sim/corps/{corpId}/groups/{chatId}/dismiss")
    Map<String, Object> dismiss(@PathVariable String corpId, @PathVariable String chatId, @RequestBody JsonNode json) {
        return groups.dismiss(states.known(corpId), chatId, new Body(json).bool("notify", true));
    }
}

package siyu.wecom.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sandbox: members confirming and sending 企业群发 in the client, and what the messages did. */
@RestController
class SandboxMassController {

    private final CorpStates states;
    private final MassMessages messages;
    private final WelcomeMessages chats;

    SandboxMassController(CorpStates states, MassMessages messages, WelcomeMessages chats) {
        this.states = states;
        this.messages = messages;
        this.chats = chats;
    }

    /**
     * {@code POST /sim/corps/{corpId}/group-messages/{msgid}/send {userId, select?: [externalUserId | chatId]}}:
     * the member confirms their task; the customers or groups receive it (status 1), unless no longer friends
     * (2) or over the quota (3). Answers the task. 404 unknown, 409 already sent or cancelled.
     */
    @PostMapping("/sim/corps/{corpId}/group-messages/{msgid}/send")
    Map<String, Object> send(@PathVariable String corpId, @PathVariable String msgid, @RequestBody JsonNode json) {
        var body = new Body(json);
        var userId = SandboxCustomerController.required(body, "userId");
        var corp = states.known(corpId);
        var select = body.has("select") ? body.texts("select") : null;
        var task = messages.send(corp, msgid, userId, select);
        synchronized (corp) {
            return MassViews.task(task);
        }
    }

    /** {@code GET /sim/corps/{corpId}/group-messages}: every message with its tasks and deliveries, oldest first. */
    @GetMapping("/sim/corps/{corpId}/group-messages")
    List<Map<String, Object>> list(@PathVariable String corpId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            return corp.massMessages.values().stream().map(MassViews::message).toList();
        }
    }

    /** {@code GET /sim/corps/{corpId}/staff/{userId}/group-message-tasks}: what the member is asked to send. */
    @GetMapping("/sim/corps/{corpId}/staff/{userId}/group-message-tasks")
    List<Map<String, Object>> pending(@PathVariable String corpId, @PathVariable String userId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            if (!corp.staff.containsKey(userId)) {
                throw SandboxError.notFound("staff " + userId);
            }
            return corp.massMessages.values().stream()
                    .filter(m -> !m.cancelled)
                    .filter(m -> m.tasks.containsKey(userId) && m.tasks.get(userId).status == MassMessage.NOT_SENT)
                    .map(m -> MassViews.pending(m, m.tasks.get(userId)))
                    .toList();
        }
    }

    /**
     * {@code POST /sim/corps/{corpId}/staff/{userId}/group-messages {chatType?: single|group, externalUserIds? |
     * chatIds?, text?: {content}, attachments?}}: the member sends a message of their own (个人发表, create_type
     * 1), to all their customers or groups when none are named. Answers the message.
     */
    @PostMapping("/sim/corps/{corpId}/staff/{userId}/group-messages")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> personal(@PathVariable String corpId, @PathVariable String userId, @RequestBody JsonNode json) {
        var corp = states.known(corpId);
        var message = messages.createPersonal(corp, userId, new Body(json));
        synchronized (corp) {
            return MassViews.message(message);
        }
    }

    /** {@code GET /sim/corps/{corpId}/groups/{chatId}/chat}: the group messages the group received. */
    @GetMapping("/sim/corps/{corpId}/groups/{chatId}/chat")
    List<WelcomeMessages.ChatLine> groupChat(@PathVariable String corpId, @PathVariable String chatId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            if (!corp.groups.containsKey(chatId) && !corp.chats.containsKey(chatId)) {
                throw SandboxError.notFound("chat " + chatId);
            }
        }
        return chats.chat(corp, chatId);
    }
}

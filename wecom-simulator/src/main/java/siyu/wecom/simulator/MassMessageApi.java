package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * 企业群发: add_msg_template (doc 92135), remind_groupmsg_send and cancel_groupmsg_send (doc 97610, 97611),
 * get_groupmsg_list_v2, get_groupmsg_task and get_groupmsg_send_result (doc 93338).
 */
@RestController
class MassMessageApi {

    private final Corps corps;
    private final CorpStates states;
    private final MassMessages messages;
    private final MassRecords records;

    MassMessageApi(Corps corps, CorpStates states, MassMessages messages, MassRecords records) {
        this.corps = corps;
        this.states = states;
        this.messages = messages;
        this.records = records;
    }

    @PostMapping("/cgi-bin/externalcontact/add_msg_template")
    Map<String, Object> add(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return messages.create(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/remind_groupmsg_send")
    Map<String, Object> remind(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        messages.remind(corp(token), new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/cancel_groupmsg_send")
    Map<String, Object> cancel(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        messages.cancel(corp(token), new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/get_groupmsg_list_v2")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.list(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/get_groupmsg_task")
    Map<String, Object> tasks(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.tasks(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/get_groupmsg_send_result")
    Map<String, Object> results(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.results(corp(token), new Body(json));
    }

    private Corp corp(@Nullable String token) {
        return states.of(corps.authorizeCustomerContact(token));
    }
}

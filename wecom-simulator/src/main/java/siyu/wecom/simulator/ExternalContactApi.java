package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** externalcontact/list, get (doc 92113/92114), batch/get_by_user (doc 92994), remark (doc 92115). */
@RestController
class ExternalContactApi {

    private final Corps corps;
    private final CorpStates states;
    private final ExternalContacts contacts;

    ExternalContactApi(Corps corps, CorpStates states, ExternalContacts contacts) {
        this.corps = corps;
        this.states = states;
        this.contacts = contacts;
    }

    @GetMapping("/cgi-bin/externalcontact/list")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String userid) {
        return Json.ok("external_userid", contacts.list(corp(token), userid));
    }

    @GetMapping("/cgi-bin/externalcontact/get")
    Map<String, Object> get(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(name = "external_userid", required = false) @Nullable String externalUserId,
            @RequestParam(required = false) @Nullable String cursor) {
        return contacts.get(corp(token), externalUserId, cursor);
    }

    @PostMapping("/cgi-bin/externalcontact/batch/get_by_user")
    Map<String, Object> byUsers(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var corp = corp(token);
        var body = new Body(json);
        return contacts.byUsers(corp, body.texts("userid_list"), body.text("cursor"), body.integer("limit", 50));
    }

    @PostMapping("/cgi-bin/externalcontact/remark")
    Map<String, Object> remark(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var corp = corp(token);
        contacts.remark(corp, new Body(json));
        return Json.ok();
    }

    private Corp corp(@Nullable String token) {
        return states.of(corps.authorizeCustomerContact(token));
    }
}

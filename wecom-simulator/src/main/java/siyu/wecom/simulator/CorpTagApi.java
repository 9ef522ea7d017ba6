package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Corp tags: get_corp_tag_list, add/edit/del_corp_tag (doc 92117) and mark_tag (doc 92118). */
@RestController
class CorpTagApi {

    private final Corps corps;
    private final CorpStates states;
    private final CorpTags tags;

    CorpTagApi(Corps corps, CorpStates states, CorpTags tags) {
        this.corps = corps;
        this.states = states;
        this.tags = tags;
    }

    @PostMapping("/cgi-bin/externalcontact/get_corp_tag_list")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody(required = false) @Nullable JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var body = json == null ? Body.of(Map.of()) : new Body(json);
        return Json.ok("tag_group", tags.list(states.of(app), body.texts("tag_id"), body.texts("group_id")));
    }

    @PostMapping("/cgi-bin/externalcontact/add_corp_tag")
    Map<String, Object> add(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        return Json.ok("tag_group", tags.add(states.of(app), app.agentId(), new Body(json)));
    }

    @PostMapping("/cgi-bin/externalcontact/edit_corp_tag")
    Map<String, Object> edit(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        tags.edit(states.of(app), app.agentId(), new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/del_corp_tag")
    Map<String, Object> delete(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var body = new Body(json);
        tags.delete(states.of(app), app.agentId(), body.texts("tag_id"), body.texts("group_id"));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/mark_tag")
    Map<String, Object> mark(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var corp = states.of(corps.authorizeCustomerContact(token));
        tags.mark(corp, new Body(json));
        return Json.ok();
    }
}

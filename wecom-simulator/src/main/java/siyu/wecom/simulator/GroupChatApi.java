package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** groupchat/list, get (doc 92120/92122) and the 加入群聊 ways: add, get, update, del_join_way (doc 92229). */
@RestController
class GroupChatApi {

    private final Corps corps;
    private final CorpStates states;
    private final Groups groups;
    private final JoinWays joinWays;

    GroupChatApi(Corps corps, CorpStates states, Groups groups, JoinWays joinWays) {
        this.corps = corps;
        this.states = states;
        this.groups = groups;
        this.joinWays = joinWays;
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/list")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var page = groups.list(corp(token), new Body(json));
        var list = page.page().stream()
                .map(g -> Json.object("chat_id", g.chatId, "status", g.status))
                .toList();
        return Json.ok("group_chat_list", list, "next_cursor", page.next());
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/get")
    Map<String, Object> get(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var body = new Body(json);
        return Json.ok("group_chat", groups.get(corp(token), body.text("chat_id"), body.integer("need_name", 0) == 1));
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/add_join_way")
    Map<String, Object> addJoinWay(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        return Json.ok("config_id", joinWays.add(states.of(app), app, new Body(json)).configId);
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/get_join_way")
    Map<String, Object> getJoinWay(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var way = joinWays.get(states.of(app), app, new Body(json).text("config_id"), ContactWayApi.qrBase());
        return Json.ok("join_way", way);
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/update_join_way")
    Map<String, Object> updateJoinWay(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        joinWays.update(states.of(app), app, new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/del_join_way")
    Map<String, Object> deleteJoinWay(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        joinWays.delete(states.of(app), app, new Body(json).text("config_id"));
        return Json.ok();
    }

    private Corp corp(@Nullable String token) {
        return states.of(corps.authorizeCustomerContact(token));
    }
}

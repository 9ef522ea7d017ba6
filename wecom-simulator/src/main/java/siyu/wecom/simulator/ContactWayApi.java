package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** 「联系我」: add, get, update, del and list_contact_way (doc 92228). */
@RestController
class ContactWayApi {

    private final Corps corps;
    private final CorpStates states;
    private final ContactWays ways;

    ContactWayApi(Corps corps, CorpStates states, ContactWays ways) {
        this.corps = corps;
        this.states = states;
        this.ways = ways;
    }

    @PostMapping("/cgi-bin/externalcontact/add_contact_way")
    Map<String, Object> add(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var way = ways.add(states.of(app), app, new Body(json));
        return Json.ok("config_id", way.configId, "qr_code", way.scene == 2 ? qrBase() + way.configId + ".png" : null);
    }

    @PostMapping("/cgi-bin/externalcontact/get_contact_way")
    Map<String, Object> get(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var way = ways.get(states.of(app), app, new Body(json).text("config_id"));
        return Json.ok("contact_way", ContactWays.json(way, qrBase()));
    }

    @PostMapping("/cgi-bin/externalcontact/update_contact_way")
    Map<String, Object> update(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        ways.update(states.of(app), app, new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/del_contact_way")
    Map<String, Object> delete(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        ways.delete(states.of(app), app, new Body(json).text("config_id"));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/list_contact_way")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorizeCustomerContact(token);
        var page = ways.list(states.of(app), app, new Body(json));
        var list = page.page().stream().map(id -> Json.object("config_id", id)).toList();
        return Json.ok("contact_way", list, "next_cursor", page.next());
    }

    /** The QR images are the simulator's own, at the address the caller reached it by. */
    static String qrBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/sim/qr/")
                .toUriString();
    }
}

package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** externalcontact/get_user_behavior_data (doc 92132): 联系客户统计. */
@RestController
class BehaviorApi {

    private final Corps corps;
    private final CorpStates states;
    private final BehaviorData data;

    BehaviorApi(Corps corps, CorpStates states, BehaviorData data) {
        this.corps = corps;
        this.states = states;
        this.data = data;
    }

    @PostMapping("/cgi-bin/externalcontact/get_user_behavior_data")
    Map<String, Object> behavior(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var corp = states.of(corps.authorizeCustomerContact(token));
        return Json.ok("behavior_data", data.series(corp, new Body(json)));
    }
}

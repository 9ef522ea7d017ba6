package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** externalcontact/send_welcome_msg (doc 92137). */
@RestController
class WelcomeApi {

    private final Corps corps;
    private final CorpStates states;
    private final WelcomeMessages welcome;

    WelcomeApi(Corps corps, CorpStates states, WelcomeMessages welcome) {
        this.corps = corps;
        this.states = states;
        this.welcome = welcome;
    }

    @PostMapping("/cgi-bin/externalcontact/send_welcome_msg")
    Map<String, Object> send(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var corp = states.of(corps.authorizeCustomerContact(token));
        welcome.send(corp, new Body(json));
        return Json.ok();
    }
}

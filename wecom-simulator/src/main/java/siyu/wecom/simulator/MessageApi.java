package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** message/send (doc 90236): app messages to members. */
@RestController
class MessageApi {

    private final Corps corps;
    private final CorpStates states;
    private final AppMessages messages;

    MessageApi(Corps corps, CorpStates states, AppMessages messages) {
        this.corps = corps;
        this.states = states;
        this.messages = messages;
    }

    @PostMapping("/cgi-bin/message/send")
    Map<String, Object> send(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        var app = corps.authorize(token);
        return messages.send(states.of(app), app, new Body(json));
    }
}

package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom's {@code /cgi-bin} API as far as Siyu uses it. Like WeCom, it answers HTTP 200 with an errcode in
 * the body for every outcome, success ({@code 0}) or error; an error's errmsg carries a hint.
 */
@RestController
class CgiController {

    private final Corps corps;

    CgiController(Corps corps) {
        this.corps = corps;
    }

    /** gettoken (doc 91039). */
    @GetMapping("/cgi-bin/gettoken")
    Map<String, Object> token(
            @RequestParam(required = false) String corpid, @RequestParam(required = false) String corpsecret) {
        if (corpid == null || corpid.isBlank()) {
            throw new WeComError(41002, "corpid missing");
        }
        if (corpsecret == null || corpsecret.isBlank()) {
            throw new WeComError(41004, "corpsecret missing");
        }
        var answer = ok();
        answer.put("access_token", corps.issue(corpid, corpsecret));
        answer.put("expires_in", Corps.TOKEN_LIFETIME.toSeconds());
        return answer;
    }

    /** agent/get (doc 90227): the app's details; Siyu uses it to test a connection. */
    @GetMapping("/cgi-bin/agent/get")
    Map<String, Object> agent(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String agentid) {
        var app = corps.authorize(token);
        if (agentid == null || !agentid.equals(app.agentId())) {
            throw new WeComError(301002, "not allow operate another agent with this accesstoken");
        }
        var answer = ok();
        answer.put("agentid", Long.parseLong(app.agentId()));
        answer.put("name", app.name());
        answer.put("close", 0);
        return answer;
    }

    private static Map<String, Object> ok() {
        return Json.ok();
    }
}

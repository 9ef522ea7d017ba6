package siyu.wecom.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's own controls ({@code /sim}), which WeCom does not have: set up corps and apps, move the
 * clock, make WeCom fail or revoke tokens, and play what people do inside WeCom, which WeCom reports by
 * callback.
 */
@RestController
class SandboxController {

    record AppBody(
            String corpId,
            String agentId,
            @Nullable String name,
            String secret,
            String token,
            String encodingAesKey,
            @Nullable String callbackUrl) {}

    record FaultBody(int errcode, int times) {}

    record ClockBody(long advanceSeconds) {}

    private final Corps corps;
    private final SimulatedClock clock;
    private final CallbackSender callbacks;

    SandboxController(Corps corps, SimulatedClock clock, CallbackSender callbacks) {
        this.corps = corps;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    @PostMapping("/sim/apps")
    @ResponseStatus(HttpStatus.CREATED)
    Corps.App app(@RequestBody AppBody body) {
        return corps.register(new Corps.App(
                body.corpId(),
                body.agentId(),
                body.name() == null ? "Siyu" : body.name(),
                body.secret(),
                body.token(),
                body.encodingAesKey(),
                body.callbackUrl()));
    }

    @PostMapping("/sim/corps/{corpId}/faults")
    void fail(@PathVariable String corpId, @RequestBody FaultBody body) {
        corps.failNext(corpId, body.errcode(), body.times());
    }

    @PostMapping("/sim/corps/{corpId}/revoke-tokens")
    void revoke(@PathVariable String corpId) {
        corps.revokeTokens(corpId);
    }

    /** Moves the simulated clock forward; transfers whose 24 h are over complete (and send their callbacks). */
    @PostMapping("/sim/clock")
    Map<String, Object> advance(@RequestBody ClockBody body) {
        clock.advance(Duration.ofSeconds(body.advanceSeconds()));
        return Map.of("now", clock.now().toString());
    }

    /** Sends a raw callback (its fields as WeCom would write them) to one app; answers each attempt. */
    @PostMapping("/sim/corps/{corpId}/apps/{agentId}/callbacks")
    List<CallbackSender.Attempt> callback(
            @PathVariable String corpId, @PathVariable String agentId, @RequestBody Map<String, Object> fields) {
        var app = corps.app(corpId, agentId).orElseThrow(() -> SandboxError.notFound("app " + agentId));
        var message = new LinkedHashMap<String, Object>();
        message.put("ToUserName", corpId);
        message.put("FromUserName", "sys");
        message.put("CreateTime", clock.now().getEpochSecond());
        message.put("MsgType", "event");
        message.putAll(fields);
        return callbacks.send(app, message);
    }
}

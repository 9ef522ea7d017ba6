package io.siyu.wecom.web;

import io.siyu.shared.DomainException;
import io.siyu.wecom.CallbackInbox;
import io.siyu.wecom.UnknownCallbackApp;
import io.siyu.wecom.protocol.CallbackRejected;
import io.swagger.v3.oas.annotations.Operation;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL a connected app's callbacks go to ({@code /callbacks/wecom/<key>}, shown with the app). Not behind
 * a login: the signature and the encryption are what prove a request comes from WeCom.
 */
@RestController
class WeComCallbackController {

    /** WeCom's events are a few KiB; anything this large is not one. */
    static final int MAX_BODY = 65_536;

    private final CallbackInbox inbox;

    WeComCallbackController(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/callbacks/wecom/{key}", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize("permitAll()") // WeCom has no login; the signature is checked instead
    @Operation(summary = "WeCom's URL check: answers the decrypted echostr as plain text")
    String verify(
            @PathVariable String key,
            @RequestParam("msg_signature") String signature,
            @RequestParam String timestamp,
            @RequestParam String nonce,
            @RequestParam String echostr) {
        return answer(() -> inbox.verifyUrl(key, signature, timestamp, nonce, echostr));
    }

    @PostMapping(path = "/callbacks/wecom/{key}", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize("permitAll()")
    @Operation(summary = "A WeCom event: stored once verified, then acknowledged with an empty answer")
    String receive(
            @PathVariable String key,
            @RequestParam("msg_signature") String signature,
            @RequestParam String timestamp,
            @RequestParam String nonce,
            @RequestBody(required = false) String body) {
        if (body != null && body.length() > MAX_BODY) {
            throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "problem.payload-too-large", MAX_BODY);
        }
        return answer(() -> {
            inbox.receive(key, signature, timestamp, nonce, body == null ? "" : body);
            return "";
        });
    }

    private static String answer(Supplier<String> work) {
        try {
            return work.get();
        } catch (UnknownCallbackApp e) {
            throw new DomainException(HttpStatus.NOT_FOUND, "wecom.callback.unknown-app");
        } catch (CallbackRejected e) {
            throw switch (e.reason()) {
                case XML -> new DomainException(HttpStatus.BAD_REQUEST, "wecom.callback.malformed");
                case STALE -> new DomainException(HttpStatus.FORBIDDEN, "wecom.callback.stale");
                case SIGNATURE -> new DomainException(HttpStatus.FORBIDDEN, "wecom.callback.signature");
                default -> new DomainException(HttpStatus.FORBIDDEN, "wecom.callback.undecryptable");
            };
        }
    }
}

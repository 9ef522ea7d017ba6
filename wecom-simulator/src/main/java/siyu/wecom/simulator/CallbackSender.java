package siyu.wecom.simulator;

import io.siyu.wecom.protocol.CallbackCrypto;
import io.siyu.wecom.protocol.CallbackXml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends callbacks the way WeCom does: encrypted with the app's EncodingAESKey, signed with its Token, POSTed
 * to its callback URL; an answer that is not HTTP 200 within 5 s is tried again, three times in all, with the
 * same payload.
 */
@Component
public class CallbackSender {

    /** WeCom waits this long for an answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public static final int ATTEMPTS = 3;

    /** What became of one attempt: the HTTP status, or -1 when there was no answer in time. */
    public record Attempt(int status, String body) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SimulatedClock clock;

    CallbackSender(SimulatedClock clock) {
        this.clock = clock;
    }

    /** Sends {@code fields} (a message or event) to the app; returns every attempt made. */
    public List<Attempt> send(Corps.App app, Map<String, ?> fields) {
        if (app.callbackUrl() == null) {
            throw new IllegalStateException("app " + app.agentId() + " of " + app.corpId() + " has no callback URL");
        }
        var crypto = new CallbackCrypto(app.token(), app.encodingAesKey(), app.corpId());
        var encrypted = crypto.encrypt(xml(fields));
        var timestamp = String.valueOf(clock.now().getEpochSecond());
        var nonce = Corps.random(10);
        var url = app.callbackUrl() + (app.callbackUrl().contains("?") ? "&" : "?") + "msg_signature="
                + crypto.signature(timestamp, nonce, encrypted) + "&timestamp=" + timestamp + "&nonce=" + nonce;
        var body = CallbackXml.request(app.corpId(), encrypted, app.agentId());
        var attempts = new ArrayList<Attempt>();
        while (attempts.size() < ATTEMPTS) {
            var attempt = post(url, body);
            attempts.add(attempt);
            if (attempt.status() == 200) {
                break;
            }
        }
        return attempts;
    }

    /**
     * The message as WeCom writes it: text as CDATA, numbers bare, and a member list as nested
     * {@code <Item>} elements (which the protocol module's flat writer cannot do).
     */
    static String xml(Map<String, ?> fields) {
        var xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> {
            xml.append('<').append(name).append('>');
            if (value instanceof Event.MemberList list) {
                list.items()
                        .forEach(
                                item -> xml.append("<Item>").append(cdata(item)).append("</Item>"));
            } else if (value instanceof Number) {
                xml.append(value);
            } else {
                xml.append(cdata(String.valueOf(value)));
            }
            xml.append("</").append(name).append('>');
        });
        return xml.append("</xml>").toString();
    }

    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private Attempt post(String url, String body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Attempt(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(-1, "interrupted");
        }
    }
}

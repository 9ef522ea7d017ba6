package siyu.wecom.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulator for all tests, started on a free port and reached over real HTTP, plus one callback
 * receiver. Each test makes its own corp ({@link #corp()}), so tests never see each other's state.
 */
final class Simulator {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext context;
    private static CallbackReceiver receiver;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Simulator() {}

    static synchronized String baseUrl() {
        if (context == null) {
            context = SimulatorApplication.start("--server.port=0", "--logging.level.root=warn");
            try {
                receiver = new CallbackReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static CallbackReceiver receiver() {
        baseUrl();
        return receiver;
    }

    /** A new corp with one app whose callbacks go to the receiver, and a token for it. */
    static TestCorp corp() {
        return TestCorp.register(baseUrl(), receiver(), true);
    }

    /** A new corp with a demo directory. */
    static TestCorp demoCorp() {
        var corp = corp();
        corp.sim("POST", "/demo", null);
        return corp;
    }

    static void advanceClock(Duration by) {
        post("/sim/clock", "{\"advanceSeconds\":" + by.toSeconds() + "}");
    }

    static Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    static Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST with one file in the field {@code media}, as WeCom's uploads take it. */
    static Response upload(String path, String filename, byte[] content) {
        var boundary = "----sim" + Ids.token(16);
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + filename
                        + "\"; filelength=" + content.length + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static HttpResponse<byte[]> bytes(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** An HTTP answer: its status and JSON body. */
    record Response(int status, JsonNode json) {
        int errcode() {
            return json.path("errcode").asInt();
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            var response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body().isEmpty() ? "{}" : response.body();
            return new Response(response.statusCode(), JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

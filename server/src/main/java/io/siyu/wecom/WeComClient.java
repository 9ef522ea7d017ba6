package io.siyu.wecom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls WeCom's server API for a connected app. Access tokens are cached per app and fetched again shortly
 * before they expire, and at once when WeCom says one is no longer good (40014, 41001, 42001, 42009: WeCom
 * may revoke a token early), after which the call is made once more. Busy and rate-limit answers (-1, 45009,
 * 45033) and network failures are retried with growing pauses; calls per corp are paced by a token bucket.
 * Every call is timed in {@code siyu.wecom.api} by path and errcode.
 */
@Component
public class WeComClient {

    /** WeCom itself, unless the app names another address (the simulator, a proxy). */
    public static final String WECOM = "https://qyapi.weixin.qq.com";

    static final int RETRIES = 3;
    /** A token is fetched again this long before WeCom's expiry. */
    static final Duration EARLY = Duration.ofMinutes(5);

    private record Token(String value, long validNanos) {}

    private final WeComApps apps;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Cache<Long, Token> tokens = Caffeine.newBuilder()
            .expireAfter(Expiry.<Long, Token>creating((id, token) -> Duration.ofNanos(token.validNanos())))
            .build();
    private final Map<String, Bucket> pace = new ConcurrentHashMap<>();
    private final int callsPerSecond;
    private final Duration timeout;

    WeComClient(
            WeComApps apps,
            org.springframework.transaction.support.TransactionTemplate transactions,
            MeterRegistry meters,
            WeComProperties properties) {
        this.apps = apps;
        this.transactions = transactions;
        this.meters = meters;
        this.callsPerSecond = properties.callsPerSecond();
        this.timeout = properties.apiTimeout();
    }

    /** GET {@code path} (under {@code /cgi-bin/}) with {@code query}; the answer when its errcode is 0. */
    public JsonNode get(WeComApp app, String path, Map<String, String> query) {
        return call(app, path, query, null);
    }

    /** POST {@code body} as JSON to {@code path}; the answer when its errcode is 0. */
    public JsonNode post(WeComApp app, String path, Object body) {
        return call(app, path, Map.of(), json.writeValueAsString(body));
    }

    /**
     * POST for a call that must not happen twice (add_msg_template, add_moment_task): tried again only when
     * WeCom refused it unprocessed (an expired token, the rate limit). When no answer came ({@link
     * WeComApiException#outcomeUnknown()}) the caller must find out from WeCom whether it happened before trying
     * again.
     */
    public JsonNode postOnce(WeComApp app, String path, Object body) {
        var text = json.writeValueAsString(body);
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            try {
                return send(app, path, withToken(app, Map.of()), text);
            } catch (WeComApiException e) {
                if (e.kind() == WeComApiException.Kind.TOKEN && !refreshed) {
                    tokens.invalidate(app.id());
                    refreshed = true;
                    attempt--;
                } else if (e.refusedUnprocessed() && attempt < RETRIES) {
                    pause(attempt);
                } else {
                    throw e;
                }
            }
        }
    }

    /**
     * media/upload (doc 90253): a temporary media file, valid three days, for attachments. {@code type} is
     * image, voice, video or file.
     */
    public String upload(WeComApp app, String type, String filename, byte[] content) {
        return upload(app, "media/upload", Map.of("type", type), filename, content);
    }

    /** media/upload_attachment (doc 95098): media for 客户朋友圈 posts (attachment_type 1), which take no other. */
    public String uploadMomentMedia(WeComApp app, String type, String filename, byte[] content) {
        return upload(
                app, "media/upload_attachment", Map.of("media_type", type, "attachment_type", "1"), filename, content);
    }

    private String upload(WeComApp app, String path, Map<String, String> params, String filename, byte[] content) {
        var boundary = "----siyu" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        var body = new java.io.ByteArrayOutputStream();
        var safeName = filename.replaceAll("[\"\\r\\n]", "_");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + safeName
                        + "\"; filelength=" + content.length + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var query = new java.util.LinkedHashMap<String, String>(params);
        var answer = exchange(
                app,
                path,
                withToken(app, query),
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
        return answer.path("media_id").asString();
    }

    private Map<String, String> withToken(WeComApp app, Map<String, String> query) {
        var params = new java.util.LinkedHashMap<>(query);
        params.put("access_token", token(app));
        return params;
    }

    /** Forgets the app's token (its secret changed, or it was disconnected). */
    void forget(long appId) {
        tokens.invalidate(appId);
    }

    private JsonNode call(WeComApp app, String path, Map<String, String> query, @Nullable String body) {
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            var token = token(app);
            var params = new java.util.LinkedHashMap<>(query);
            params.put("access_token", token);
            try {
                return send(app, path, params, body);
            } catch (WeComApiException e) {
                if (e.kind() == WeComApiException.Kind.TOKEN && !refreshed) {
                    tokens.invalidate(app.id());
                    refreshed = true;
                    attempt--; // a fresh token is not a retry
                } else if ((e.kind() == WeComApiException.Kind.THROTTLED
                                || e.kind() == WeComApiException.Kind.UNAVAILABLE)
                        && attempt < RETRIES) {
                    pause(attempt);
                } else {
                    throw e;
                }
            }
        }
    }

    private String token(WeComApp app) {
        return tokens.get(app.id(), id -> {
                    var secret = java.util.Objects.requireNonNull(transactions.execute(status -> apps.secret(id)));
                    var answer = send(app, "gettoken", Map.of("corpid", app.corpId(), "corpsecret", secret), null);
                    long lifetime = Math.max(60, answer.path("expires_in").asLong(7_200) - EARLY.toSeconds());
                    return new Token(
                            answer.path("access_token").asString(),
                            Duration.ofSeconds(lifetime).toNanos());
                })
                .value();
    }

    private JsonNode send(WeComApp app, String path, Map<String, String> query, @Nullable String body) {
        return exchange(
                app,
                path,
                query,
                body == null ? null : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                "application/json; charset=utf-8");
    }

    private JsonNode exchange(
            WeComApp app,
            String path,
            Map<String, String> query,
            HttpRequest.@Nullable BodyPublisher body,
            String contentType) {
        bucket(app.corpId()).asBlocking().consumeUninterruptibly(1);
        var uri = URI.create((app.apiBaseUrl() == null ? WECOM : app.apiBaseUrl()) + "/cgi-bin/" + path + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
        var request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(body);
        }
        var sample = Timer.start(meters);
        int errcode = WeComApiException.UNAVAILABLE_CODE;
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer;
            try {
                answer = json.readTree(response.body());
            } catch (RuntimeException e) {
                throw new WeComApiException(path, errcode, "HTTP " + response.statusCode() + ", not JSON");
            }
            errcode = answer.path("errcode").asInt(0);
            if (errcode != 0) {
                throw new WeComApiException(path, errcode, answer.path("errmsg").asString(""));
            }
            return answer;
        } catch (IOException e) {
            throw new WeComApiException(path, errcode, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeComApiException(path, errcode, "interrupted");
        } finally {
            sample.stop(meters.timer("siyu.wecom.api", "path", path, "errcode", String.valueOf(errcode)));
        }
    }

    private Bucket bucket(String corpId) {
        return pace.computeIfAbsent(
                corpId,
                id -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(callsPerSecond)
                                .refillGreedy(callsPerSecond, Duration.ofSeconds(1))
                                .build())
                        .build());
    }

    /** 200 ms, 400 ms, 800 ms, each with up to half again at random, so that many callers do not align. */
    private static void pause(int attempt) {
        long millis = 200L << attempt;
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

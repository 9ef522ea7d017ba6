package io.siyu.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers webhook steps: a signed POST with an idempotency key, outside any transaction; a 2xx lets the run
 * go on, anything else is tried again with doubling waits and, after the last try, fails the run with the
 * reason. A run waiting on its webhook holds up no one else.
 */
@Component
class JourneyWebhooks {

    private static final Logger log = LoggerFactory.getLogger(JourneyWebhooks.class);

    private record Call(
            long runId,
            int seq,
            long journeyId,
            int version,
            String step,
            long customerId,
            int attempts,
            String secret) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JourneyStore store;
    private final JourneyProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    JourneyWebhooks(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JourneyStore store,
            JourneyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    int round() {
        var calls = Objects.requireNonNull(transactions.execute(s -> jdbc.sql("""
                        select a.run_id, a.seq, a.journey_id, a.version, a.step, a.customer_id, a.attempts,
                               j.webhook_secret
                        from journey_action a join journey j on j.id = a.journey_id
                        where a.kind = 'webhook' and a.status = 'pending' and a.next_at <= ?
                        order by a.next_at limit 20""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Call(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getString(8)))
                .list()));
        calls.forEach(this::deliver);
        return calls.size();
    }

    private void deliver(Call call) {
        var step = store.version(call.journeyId(), call.version()).steps().get(call.step());
        var url = step == null ? null : step.url();
        String error;
        if (url == null) {
            error = "no webhook URL";
        } else {
            error = post(url, call);
        }
        var now = clock.instant();
        int attempts = call.attempts() + 1;
        transactions.executeWithoutResult(s -> {
            if (error == null) {
                finish(call, "done", null, now);
            } else if (attempts >= properties.attempts() || url == null) {
                finish(call, "failed", error, now);
            } else {
                jdbc.sql("""
                                update journey_action set attempts = ?, error = ?, next_at = ?, updated_at = now()
                                where run_id = ? and seq = ? and status = 'pending'""")
                        .params(
                                attempts,
                                error,
                                Timestamp.from(now.plus(properties.backoff(attempts))),
                                call.runId(),
                                call.seq())
                        .update();
            }
        });
    }

    /** Answers null when delivered, else why not. */
    private @Nullable String post(URI url, Call call) {
        var body = new LinkedHashMap<String, Object>();
        body.put("journeyId", call.journeyId());
        body.put("version", call.version());
        body.put("step", call.step());
        body.put("runId", call.runId());
        body.put("customerId", call.customerId());
        body.put("at", clock.instant().toString());
        var text = json.writeValueAsString(body);
        long t = clock.instant().getEpochSecond();
        try {
            var response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(properties.webhookTimeout())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", call.runId() + "-" + call.seq())
                            .header("X-Siyu-Signature", "t=" + t + ",v1=" + sign(call.secret(), t + "." + text))
                            .POST(HttpRequest.BodyPublishers.ofString(text))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            log.info("webhook {} of run {} not delivered: {}", url, call.runId(), e.toString());
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The action ends, and the run waiting on it goes on (or fails) at the runner's next look. */
    private void finish(Call call, String status, @Nullable String error, Instant now) {
        jdbc.sql("""
                        update journey_action set status = ?, attempts = attempts + 1, error = ?, updated_at = now()
                        where run_id = ? and seq = ? and status = 'pending'""").params(status, error, call.runId(), call.seq()).update();
        jdbc.sql("""
                        update journey_run set wait_outcome = ?, error = ?, due_at = ?
                        where id = ? and state = 'waiting' and step = ? and seq = ?""")
                .params(status, error, Timestamp.from(now), call.runId(), call.step(), call.seq() - 1)
                .update();
    }

    static String sign(String secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

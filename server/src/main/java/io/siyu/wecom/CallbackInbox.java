package io.siyu.wecom;

import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.wecom.protocol.CallbackCrypto;
import io.siyu.wecom.protocol.CallbackRejected;
import io.siyu.wecom.protocol.CallbackXml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where WeCom's callbacks arrive: the URL check (GET) and events (POST). Each is verified (signature,
 * timestamp window, receive id) and decrypted; an event is stored before it is answered, so that nothing
 * acknowledged is lost, and a second delivery of it is answered without storing it again. Refusals are
 * logged and counted ({@code siyu.wecom.callbacks} by outcome), never processed.
 */
@Service
public class CallbackInbox {

    /** What a verified callback came to. */
    public enum Outcome {
        STORED,
        DUPLICATE
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackInbox.class);

    private final WeComApps apps;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WeComProperties properties;
    private final MeterRegistry meters;
    private final CallbackProcessor processor;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CallbackInbox(
            WeComApps apps,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WeComProperties properties,
            MeterRegistry meters,
            CallbackProcessor processor,
            Clock clock) {
        this.apps = apps;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        this.processor = processor;
        this.clock = clock;
    }

    /**
     * Answers WeCom's URL check: the decrypted {@code echostr}.
     *
     * @throws CallbackRejected when the request is not from WeCom for this app
     * @throws UnknownCallbackApp when no app has this key
     */
    public String verifyUrl(String key, String signature, String timestamp, String nonce, String echo) {
        var bound = bind(key);
        return Tenancy.callAs(bound.tenant(), () -> {
            var crypto = crypto(bound.app());
            check(bound.app(), crypto, signature, timestamp, nonce, echo);
            var plain = decrypt(bound.app(), crypto, echo);
            count("verified");
            return plain;
        });
    }

    /**
     * Verifies, decrypts and stores an event; answers once it is durable.
     *
     * @throws CallbackRejected when the request is not from WeCom for this app, or its XML is broken
     * @throws UnknownCallbackApp when no app has this key
     */
    public Outcome receive(String key, String signature, String timestamp, String nonce, String body) {
        var bound = bind(key);
        return Tenancy.callAs(bound.tenant(), () -> {
            var app = bound.app();
            var crypto = crypto(app);
            CallbackXml.Envelope envelope;
            try {
                envelope = CallbackXml.envelope(body);
            } catch (CallbackRejected e) {
                throw refused(app, "malformed", e);
            }
            check(app, crypto, signature, timestamp, nonce, envelope.encrypt());
            var plain = decrypt(app, crypto, envelope.encrypt());
            Map<String, String> fields;
            try {
                fields = CallbackXml.read(plain);
            } catch (CallbackRejected e) {
                throw refused(app, "malformed", e);
            }
            var outcome = store(app, plain, fields);
            count(outcome == Outcome.STORED ? "stored" : "duplicate");
            if (outcome == Outcome.STORED || REREAD.contains(WeComCallback.kindOf(fields))) {
                processor.wake();
            }
            return outcome;
        });
    }

    /**
     * Kinds whose handling reads WeCom's current state again (a relation edited, tags or a group changed).
     * Two such events within one second look alike to the last field, so a repeat cannot be told from a
     * second edit: a repeat of one already processed is processed again, which only reads the state again.
     */
    static final java.util.Set<String> REREAD = java.util.Set.of(
            "change_external_contact:edit_external_contact",
            "change_external_tag:create",
            "change_external_tag:update",
            "change_external_tag:delete",
            "change_external_tag:shuffle",
            "change_external_chat:update");

    private Outcome store(WeComApp app, String plain, Map<String, String> fields) {
        var kind = WeComCallback.kindOf(fields);
        var inserted = transactions.execute(status -> jdbc.sql("""
                        insert into wecom_callback (tenant_id, app_id, dedup_key, kind, fields, raw)
                        values (siyu_current_tenant(), ?, ?, ?, ?::jsonb, ?)
                        on conflict (tenant_id, app_id, dedup_key)
                        do update set deliveries = wecom_callback.deliveries + 1,
                            status = case when ? and wecom_callback.status = 'processed' then 'pending'
                                          else wecom_callback.status end
                        returning deliveries""")
                .params(app.id(), dedupKey(fields), kind, json.writeValueAsString(fields), plain, REREAD.contains(kind))
                .query(Integer.class)
                .single());
        return inserted != null && inserted == 1 ? Outcome.STORED : Outcome.DUPLICATE;
    }

    /**
     * A message carries its MsgId; an event is the same event when every field is the same (WeCom's advice,
     * FromUserName + CreateTime, is too coarse for 客户联系, where FromUserName is always "sys").
     */
    static String dedupKey(Map<String, String> fields) {
        var id = fields.get("MsgId");
        if (id != null && !id.isBlank()) {
            return "msg:" + id.strip();
        }
        var canonical = new StringBuilder();
        new TreeMap<>(fields)
                .forEach((name, value) ->
                        canonical.append(name).append('=').append(value).append('\n'));
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "evt:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(
            WeComApp app, CallbackCrypto crypto, String signature, String timestamp, String nonce, String encrypted) {
        if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
            throw refused(
                    app, "forged", new CallbackRejected(CallbackRejected.Reason.SIGNATURE, "signature does not match"));
        }
        var maxAge = properties.callbackMaxAge();
        if (!maxAge.isZero()) {
            long sent;
            try {
                sent = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                throw refused(
                        app, "stale", new CallbackRejected(CallbackRejected.Reason.STALE, "timestamp not a number"));
            }
            long age = Math.abs(Instant.now(clock).getEpochSecond() - sent);
            if (age > maxAge.toSeconds()) {
                throw refused(
                        app,
                        "stale",
                        new CallbackRejected(CallbackRejected.Reason.STALE, "timestamp " + age + " s away from now"));
            }
        }
    }

    private String decrypt(WeComApp app, CallbackCrypto crypto, String encrypted) {
        try {
            return crypto.decrypt(encrypted);
        } catch (CallbackRejected e) {
            throw refused(
                    app, e.reason() == CallbackRejected.Reason.RECEIVE_ID ? "wrong-receiver" : "undecryptable", e);
        }
    }

    private CallbackRejected refused(WeComApp app, String outcome, CallbackRejected reason) {
        log.warn("WeCom callback for app {} ({}) refused: {}", app.id(), app.corpId(), reason.getMessage());
        count(outcome);
        return reason;
    }

    private void count(String outcome) {
        meters.counter("siyu.wecom.callbacks", "outcome", outcome).increment();
    }

    private static CallbackCrypto crypto(WeComApp app) {
        return new CallbackCrypto(app.token(), app.encodingAesKey(), app.corpId());
    }

    private record Bound(TenantId tenant, WeComApp app) {}

    private Bound bind(String key) {
        var tenant = key.length() > 64
                ? null
                : transactions.execute(status -> apps.tenantOf(key).orElse(null));
        if (tenant == null) {
            count("unknown-app");
            throw new UnknownCallbackApp();
        }
        var id = new TenantId(tenant);
        var app = Tenancy.callAs(
                id, () -> transactions.execute(status -> apps.byCallbackKey(key).orElseThrow()));
        return new Bound(id, java.util.Objects.requireNonNull(app));
    }
}

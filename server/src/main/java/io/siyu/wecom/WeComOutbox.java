package io.siyu.wecom;

import io.siyu.shared.AfterCommit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Siyu owes WeCom, written in the transaction that decides them and sent by {@link OutboxSender} once
 * that transaction has committed. The (kind, key) pair is unique: deciding the same call twice (a callback
 * processed again after a crash) still makes one call.
 */
@Component
class WeComOutbox {

    enum Kind {
        /** send_welcome_msg with a customer's welcome code; the key is the code. */
        WELCOME,
        /** message/send to staff (a customer was lost); the key names the occasion. */
        NOTIFY,
        /** Points a live code at whom {@link StaffRouting} chooses now; the key is the code and occasion. */
        ROUTE;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    private final JdbcClient jdbc;
    private final OutboxSender sender;
    private final JsonMapper json = JsonMapper.builder().build();

    WeComOutbox(JdbcClient jdbc, @Lazy OutboxSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    /** @return whether the call is new (false: it was decided before) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(long appId, Kind kind, String key, Object payload, @Nullable Instant expiresAt) {
        int inserted = jdbc.sql("insert into wecom_outbox (app_id, kind, dedup_key, payload, expires_at)"
                        + " values (?, ?, ?, ?::jsonb, ?) on conflict do nothing")
                .params(
                        appId,
                        kind.code(),
                        key,
                        json.writeValueAsString(payload),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        if (inserted > 0) {
            AfterCommit.collect(this, () -> Boolean.TRUE, b -> {}, b -> sender.wake());
        }
        return inserted > 0;
    }
}

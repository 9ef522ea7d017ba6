package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works through stored callbacks in arrival order, each in its own transaction: the row is locked
 * ({@code skip locked}, so two servers never take the same one), its handler runs, and the row is marked in
 * that same transaction. A kind no handler knows is marked skipped and kept; a callback missing what it needs
 * ({@link WeComCallback.Malformed}) is marked failed at once; a handler that fails otherwise is tried again,
 * up to {@code siyu.wecom.max-attempts}, then the row is marked failed with the error.
 */
@Component
class CallbackProcessor extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(CallbackProcessor.class);
    private static final int BATCH = 100;

    private final TenantManagement tenants;
    private final WeComApps apps;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<CallbackHandler> handlers;
    private final WeComProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    CallbackProcessor(
            TenantManagement tenants,
            WeComApps apps,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<CallbackHandler> handlers,
            WeComProperties properties) {
        super("wecom-callbacks", Duration.ofSeconds(1));
        this.tenants = tenants;
        this.apps = apps;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.handlers = handlers;
        this.properties = properties;
    }

    /** A callback was stored: process it now rather than at the next tick. */
    void wake() {
        worker().wake();
    }

    /** Processes what is pending in the bound tenant; returns how many callbacks it took. */
    int drain() {
        int done = 0;
        while (true) {
            var ids = transactions.execute(status -> jdbc.sql(
                            "select id from wecom_callback where status = 'pending' order by id limit " + BATCH)
                    .query(Long.class)
                    .list());
            if (ids == null || ids.isEmpty()) {
                return done;
            }
            for (long id : ids) {
                process(id);
                done++;
            }
            if (ids.size() < BATCH) {
                return done;
            }
        }
    }

    private void process(long id) {
        try {
            FromWeCom.run(() -> transactions.executeWithoutResult(status -> {
                var callback = jdbc.sql("select id, app_id, kind, fields::text, received_at from wecom_callback"
                                + " where id = ? and status = 'pending' for update skip locked")
                        .param(id)
                        .query(this::callback)
                        .optional();
                if (callback.isEmpty()) {
                    return; // taken by another worker, or done
                }
                var handler = handlers.stream()
                        .filter(h -> h.handles(callback.get().kind()))
                        .findFirst();
                if (handler.isEmpty()) {
                    mark(id, "skipped", null);
                    return;
                }
                var app = apps.find(callback.get().appId()).orElseThrow();
                handler.get().handle(app, callback.get());
                mark(id, "processed", null);
            }));
        } catch (WeComCallback.Malformed e) {
            log.warn("WeCom callback {} cannot be processed and is kept as failed: {}", id, e.getMessage());
            transactions.executeWithoutResult(status -> mark(id, "failed", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("processing WeCom callback {} failed: {}", id, e.toString());
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            update wecom_callback set attempts = attempts + 1, error = ?,
                                   status = case when attempts + 1 >= ? then 'failed' else status end,
                                   processed_at = case when attempts + 1 >= ? then now() else processed_at end
                            where id = ?""")
                    .params(String.valueOf(e.getMessage()), properties.maxAttempts(), properties.maxAttempts(), id)
                    .update());
        }
    }

    private void mark(long id, String status, @Nullable String error) {
        jdbc.sql("update wecom_callback set status = ?, error = ?, attempts = attempts + 1, processed_at = now()"
                        + " where id = ?")
                .params(status, error, id)
                .update();
    }

    @SuppressWarnings("unchecked")
    private WeComCallback callback(ResultSet rs, int row) throws SQLException {
        return new WeComCallback(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                json.readValue(rs.getString(4), java.util.Map.class),
                rs.getTimestamp(5).toInstant());
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "processing WeCom callbacks", this::drain);
    }
}

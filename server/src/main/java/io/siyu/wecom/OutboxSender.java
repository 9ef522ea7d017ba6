package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what {@link WeComOutbox} holds, oldest first, each call in the transaction that locks its row and
 * marks it: a call that WeCom took but whose mark was lost in a crash is made again, and each delivery
 * decides from WeCom's answer whether that second call found the work already done (a welcome code already
 * used means the message went out). Busy answers are retried with growing pauses; an expired row is not
 * sent at all.
 */
@Component
class OutboxSender extends BackgroundWork {

    /** What became of one attempt. */
    enum Outcome {
        SENT,
        RETRY,
        EXPIRED,
        FAILED
    }

    /** Makes the calls of one kind. */
    interface Delivery {
        WeComOutbox.Kind kind();

        void deliver(WeComApp app, JsonNode payload);

        /** What WeCom's refusal means; {@code attempts} made before this one. */
        default Outcome refused(WeComApiException e, int attempts) {
            return e.kind() == WeComApiException.Kind.THROTTLED || e.kind() == WeComApiException.Kind.UNAVAILABLE
                    ? Outcome.RETRY
                    : Outcome.FAILED;
        }
    }

    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private record Row(long id, long appId, WeComOutbox.Kind kind, JsonNode payload, int attempts, boolean expired) {}

    private final TenantManagement tenants;
    private final WeComApps apps;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<WeComOutbox.Kind, Delivery> deliveries;
    private final JsonMapper json = JsonMapper.builder().build();

    OutboxSender(
            TenantManagement tenants,
            WeComApps apps,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<Delivery> deliveries) {
        super("wecom-outbox", Duration.ofSeconds(1));
        this.tenants = tenants;
        this.apps = apps;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveries = deliveries.stream().collect(Collectors.toMap(Delivery::kind, Function.identity()));
    }

    void wake() {
        worker().wake();
    }

    /** Sends what is due in the bound tenant; returns how many rows it settled or put off. */
    int drain() {
        var due = transactions.execute(status -> jdbc.sql("select id from wecom_outbox where status = 'pending'"
                        + " and due_at <= now() order by due_at, id limit 200")
                .query(Long.class)
                .list());
        if (due == null) {
            return 0;
        }
        due.forEach(this::send);
        return due.size();
    }

    private void send(long id) {
        transactions.executeWithoutResult(status -> {
            var row = jdbc.sql("select id, app_id, kind, payload::text, attempts,"
                            + " coalesce(expires_at < now(), false) from wecom_outbox"
                            + " where id = ? and status = 'pending' for update skip locked")
                    .param(id)
                    .query((rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getLong(2),
                            WeComOutbox.Kind.of(rs.getString(3)),
                            json.readTree(rs.getString(4)),
                            rs.getInt(5),
                            rs.getBoolean(6)))
                    .optional();
            if (row.isEmpty()) {
                return;
            }
            var r = row.get();
            if (r.expired()) {
                mark(r, Outcome.EXPIRED, "expired before it could be sent");
                return;
            }
            var delivery = deliveries.get(r.kind());
            var app = apps.find(r.appId()).orElseThrow();
            try {
                delivery.deliver(app, r.payload());
                mark(r, Outcome.SENT, null);
            } catch (WeComApiException e) {
                var outcome = delivery.refused(e, r.attempts());
                if (outcome == Outcome.RETRY && r.attempts() + 1 >= MAX_ATTEMPTS) {
                    outcome = Outcome.FAILED;
                }
                log.info("WeCom {} call {} answered {}: {}", r.kind().code(), r.id(), e.errcode(), outcome);
                mark(r, outcome, e.getMessage());
            }
        });
    }

    private void mark(Row row, Outcome outcome, @Nullable String note) {
        var status = switch (outcome) {
            case SENT -> "sent";
            case RETRY -> "pending";
            case EXPIRED -> "expired";
            case FAILED -> "failed";
        };
        jdbc.sql("""
                        update wecom_outbox set status = ?, attempts = attempts + 1, error = ?,
                               sent_at = case when ? = 'sent' then now() end,
                               due_at = now() + make_interval(secs => power(2, attempts + 1))
                        where id = ?""").params(status, note, status, row.id()).update();
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "sending WeCom calls", this::drain);
    }
}

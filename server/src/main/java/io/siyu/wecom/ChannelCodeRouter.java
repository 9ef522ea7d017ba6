package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each live code pointed at whom {@link StaffRouting} chooses: after every add (through the outbox)
 * and, for codes with caps or working hours, once a minute, since a shift starts or a day begins without
 * any add to say so.
 */
@Component
class ChannelCodeRouter extends BackgroundWork implements OutboxSender.Delivery {

    private static final Logger log = LoggerFactory.getLogger(ChannelCodeRouter.class);

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final WeComClient client;
    private final WeComOutbox outbox;
    private final TransactionTemplate transactions;
    private final ChannelCodes codes;
    private final Clock clock;

    ChannelCodeRouter(
            JdbcClient jdbc,
            TenantManagement tenants,
            WeComClient client,
            WeComOutbox outbox,
            TransactionTemplate transactions,
            @Lazy ChannelCodes codes,
            Clock clock) {
        super("wecom-live-codes", Duration.ofMinutes(1));
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.client = client;
        this.outbox = outbox;
        this.transactions = transactions;
        this.codes = codes;
        this.clock = clock;
    }

    /** Whom the code should point at now. */
    List<String> decide(ChannelCode code) {
        var zone = ZoneId.of(tenants.current().timeZone());
        var now = LocalDateTime.now(clock.withZone(zone));
        var dayStart = now.toLocalDate().atStartOfDay(zone).toInstant();
        var addsToday = new HashMap<String, Integer>();
        jdbc.sql("select user_id, count(*) from wecom_contact where channel_code_id = ? and added_at >= ?"
                        + " group by user_id")
                .params(code.id(), Timestamp.from(dayStart))
                .query((rs, n) -> addsToday.put(rs.getString(1), rs.getInt(2)))
                .list();
        var customers = new HashMap<String, Integer>();
        if (code.assignment().equals("least_loaded")) {
            jdbc.sql("select user_id, count(*) from wecom_contact where app_id = ? and lost_at is null"
                            + " and user_id = any(?::text[]) group by user_id")
                    .params(code.appId(), code.staff().toArray(String[]::new))
                    .query((rs, n) -> customers.put(rs.getString(1), rs.getInt(2)))
                    .list();
        }
        var last = jdbc.sql("select user_id from wecom_contact where channel_code_id = ?"
                        + " order by added_at desc limit 1")
                .param(code.id())
                .query(String.class)
                .optional()
                .orElse(null);
        var hours = code.schedule();
        var schedule = hours == null
                ? null
                : new StaffRouting.Schedule(hours.days(), LocalTime.parse(hours.from()), LocalTime.parse(hours.to()));
        return StaffRouting.route(
                code.staff(),
                code.backupStaff(),
                StaffRouting.Assignment.of(code.assignment()),
                code.dailyCap(),
                schedule,
                new StaffRouting.Load(addsToday, customers, last, now));
    }

    /** Asks for the code to be routed again after this transaction (an add just happened). */
    void requestRoute(ChannelCode code, String occasion) {
        outbox.enqueue(
                code.appId(), WeComOutbox.Kind.ROUTE, code.id() + ":" + occasion, Map.of("codeId", code.id()), null);
    }

    @Override
    public WeComOutbox.Kind kind() {
        return WeComOutbox.Kind.ROUTE;
    }

    /** Points the code at whom {@link #decide} says, when that differs from where it points now. */
    @Override
    public void deliver(WeComApp app, JsonNode payload) {
        var found = codes.find(payload.path("codeId").asLong());
        if (found.isEmpty() || found.get().configId() == null || found.get().disabled()) {
            return;
        }
        var code = found.get();
        var routedTo = decide(code);
        if (routedTo.equals(code.routedTo())) {
            return;
        }
        client.post(
                app, "externalcontact/update_contact_way", ChannelCodes.contactWay(code, routedTo, code.configId()));
        jdbc.sql("update wecom_channel_code set routed_to = ? where id = ?")
                .params(routedTo.toArray(String[]::new), code.id())
                .update();
    }

    @Override
    protected void round() {
        var minute = LocalDateTime.now(clock).withSecond(0).withNano(0).toString();
        PerTenant.round(tenants, worker(), log, "routing live codes", () -> {
            var due = transactions.execute(status -> codes.dueForSweep().stream()
                    .filter(code -> !decide(code).equals(code.routedTo()))
                    .peek(code -> requestRoute(code, "sweep:" + minute))
                    .count());
            return due == null ? 0 : due.intValue();
        });
    }
}

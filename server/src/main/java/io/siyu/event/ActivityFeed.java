package io.siyu.event;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerActivity;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves each profile's "last active" forward after the events that caused it have committed (it is an
 * {@link EventObserver}), instead of inside every transaction that stores events. Two batches that share customers would otherwise wait for each other's
 * row locks, and a busy customer would be rewritten once per batch; here one writer applies the latest time
 * per customer about once a second.
 *
 * <p>A restart loses nothing: each flush records, per tenant, the moment through which everything handed
 * over has been applied, and on start the feed re-reads the events received since then (less a margin for
 * transactions that were still open) from the event table.
 */
@Component
class ActivityFeed implements SmartLifecycle, EventObserver {

    static final String CONSUMER = "last-active";
    /** Longer than any ingest transaction: an event received before this much ahead of a flush was handed over. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ActivityFeed.class);

    private final ConcurrentHashMap<TenantId, Map<Long, Instant>> pending = new ConcurrentHashMap<>();
    private final CustomerActivity activity;
    private final TenantManagement tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private @Nullable ScheduledExecutorService scheduler;

    ActivityFeed(
            CustomerActivity activity,
            TenantManagement tenants,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.activity = activity;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes the latest event time per home profile of events that have just committed. */
    @Override
    public void eventsAdded(TenantId tenant, long[] customers, int[] types, Instant[] times) {
        var latest = new HashMap<Long, Instant>(customers.length * 2);
        for (int i = 0; i < customers.length; i++) {
            latest.merge(customers[i], times[i], ActivityFeed::later);
        }
        offer(tenant, latest);
    }

    private void offer(TenantId tenant, Map<Long, Instant> lastActivity) {
        pending.compute(tenant, (t, times) -> {
            var merged = times == null ? new HashMap<Long, Instant>(lastActivity.size() * 2) : times;
            lastActivity.forEach((customer, at) -> merged.merge(customer, at, ActivityFeed::later));
            return merged;
        });
    }

    /** Applies everything handed over so far, each tenant in its own transaction. */
    void flush() {
        for (var tenant : pending.keySet()) {
            var through = clock.instant();
            var times = pending.remove(tenant);
            if (times == null) {
                continue;
            }
            try {
                Tenancy.runAs(
                        tenant,
                        () -> transactions.executeWithoutResult(status -> {
                            activity.touch(times);
                            savePosition(through);
                        }));
            } catch (RuntimeException e) {
                log.warn("last activity of {} customers could not be applied yet: {}", times.size(), e.getMessage());
                offer(tenant, times);
            }
        }
    }

    /** After a restart: re-applies the events received since each tenant's last recorded flush. */
    void catchUp() {
        for (var tenant : tenants.ids()) {
            Tenancy.runAs(
                    tenant,
                    () -> transactions.executeWithoutResult(status -> {
                        var through = clock.instant();
                        var from = jdbc.sql("select applied_through from event_feed_position where consumer = ?")
                                .param(CONSUMER)
                                .query(Timestamp.class)
                                .optional()
                                .map(at -> Timestamp.from(at.toInstant().minus(MARGIN)))
                                .orElse(new Timestamp(0));
                        var times = new HashMap<Long, Instant>();
                        jdbc.sql(
                                        "select customer_id, max(occurred_at) from event where received_at > ? group by customer_id")
                                .param(from)
                                .query(rs -> {
                                    times.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                                });
                        activity.touch(times);
                        savePosition(through);
                    }));
        }
    }

    private void savePosition(Instant through) {
        jdbc.sql("insert into event_feed_position (tenant_id, consumer, applied_through)"
                        + " values (siyu_current_tenant(), ?, ?) on conflict (tenant_id, consumer)"
                        + " do update set applied_through = greatest(event_feed_position.applied_through,"
                        + " excluded.applied_through)")
                .params(CONSUMER, Timestamp.from(through))
                .update();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "activity-feed");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.error("catching up last activity after the restart failed", e);
            }
        });
        executor.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
        scheduler = executor;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("applying last activity failed; will retry", e);
        }
    }

    @Override
    public void stop() {
        var executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flushQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

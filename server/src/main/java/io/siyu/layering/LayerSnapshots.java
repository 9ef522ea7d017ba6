package io.siyu.layering;

import io.siyu.access.TenantManagement;
import io.siyu.shared.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once a day per tenant (the first check after its midnight, and at start): quintile cut points computed
 * again, then who is in which level of every layer stored, for transition matrices. Snapshots older than
 * {@value #KEEP_DAYS} days are dropped.
 */
@Component
class LayerSnapshots implements SmartLifecycle {

    static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    static final int KEEP_DAYS = 400;

    private static final Logger log = LoggerFactory.getLogger(LayerSnapshots.class);

    private final LayerManagement layers;
    private final LayerStore store;
    private final TenantManagement tenants;
    private final Clock clock;
    private @Nullable ScheduledExecutorService scheduler;

    LayerSnapshots(LayerManagement layers, LayerStore store, TenantManagement tenants, Clock clock) {
        this.layers = layers;
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        var executor = scheduler;
        if (executor != null) {
            executor.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    void check() {
        for (var tenant : tenants.ids()) {
            try {
                Tenancy.runAs(tenant, () -> {
                    if (!layers.snapshotTakenToday()) {
                        long started = System.nanoTime();
                        var today = LocalDate.now(clock.withZone(layers.zone()));
                        layers.recomputeQuintiles();
                        layers.snapshot(today);
                        store.dropSnapshotsBefore(today.minusDays(KEEP_DAYS));
                        log.info(
                                "layer snapshot of tenant {} for {} taken in {} ms",
                                tenant.value(),
                                today,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("layer snapshot of tenant {} failed: {}", tenant.value(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("layer-snapshots").daemon().factory());
    }

    @Override
    public void stop() {
        var executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            // a snapshot under way finishes before the connection pool closes behind it
            try {
                executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the 联系客户统计 that is due ({@link BehaviourDays#due}: a new staff member's, or yesterday's once WeCom
 * settled it in the morning) for every app, every {@code siyu.wecom.behaviour-check-every} and when a directory
 * sync has finished (it may have found new staff).
 */
@Component
class BehaviourSchedule extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BehaviourSchedule.class);

    private final TenantManagement tenants;
    private final TransactionTemplate transactions;
    private final WeComApps apps;
    private final BehaviourSync sync;
    private final Duration every;

    BehaviourSchedule(
            TenantManagement tenants,
            TransactionTemplate transactions,
            WeComApps apps,
            BehaviourSync sync,
            WeComProperties properties) {
        super(
                "wecom-behaviour",
                properties.behaviourCheckEvery().isZero() ? Duration.ofDays(1) : properties.behaviourCheckEvery());
        this.tenants = tenants;
        this.transactions = transactions;
        this.apps = apps;
        this.sync = sync;
        this.every = properties.behaviourCheckEvery();
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "fetching 联系客户统计 from WeCom", () -> {
            var all = transactions.execute(status -> apps.all());
            int calls = 0;
            for (var app : all == null ? java.util.List.<WeComApp>of() : all) {
                try {
                    calls += sync.sync(app, true).calls();
                } catch (WeComApiException e) {
                    log.warn("联系客户统计 of app {} not synced: {}", app.id(), e.getMessage());
                }
            }
            return calls;
        });
    }

    /** Asks for what is due now rather than at the next check (a directory sync may have found new staff). */
    void wake() {
        worker().wake();
    }

    @Override
    public void start() {
        if (!every.isZero()) {
            super.start();
        }
    }
}

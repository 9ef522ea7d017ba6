package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles every connected app with WeCom when its last sync is older than
 * {@code siyu.wecom.reconcile-every}: callbacks can be lost (Siyu down longer than WeCom retries), and
 * the reconcile is what makes Siyu's view whole again.
 */
@Component
class SyncSchedule extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

    private final TenantManagement tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WeComSync sync;
    private final Duration every;

    SyncSchedule(
            TenantManagement tenants,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WeComSync sync,
            WeComProperties properties) {
        super("wecom-reconcile", Duration.ofMinutes(1));
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sync = sync;
        this.every = properties.reconcileEvery();
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "reconciling WeCom", () -> {
            transactions.executeWithoutResult(status -> jdbc.sql("select id from wecom_app where not demo")
                    .query(Long.class)
                    .list()
                    .forEach(sync::abandonInterrupted));
            var due = transactions.execute(status -> jdbc.sql("""
                            select a.id from wecom_app a
                            where not a.demo and not exists (select 1 from wecom_sync_run r where r.app_id = a.id
                                              and (r.status = 'running' or r.started_at > now() - ?::interval))""")
                    .param(every.toSeconds() + " seconds")
                    .query(Long.class)
                    .list());
            if (due == null) {
                return 0;
            }
            due.forEach(app -> sync.runNow(app, "schedule"));
            return due.size();
        });
    }

    @Override
    public void start() {
        if (!every.isZero()) {
            super.start();
        }
    }
}

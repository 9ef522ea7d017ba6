package io.siyu.growth;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few seconds, for every tenant: release the commission whose refund window has closed, then pay the
 * approved withdrawals.
 */
@Component
class DistributionWork extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(DistributionWork.class);

    private final TenantManagement tenants;
    private final Commissions commissions;
    private final Withdrawals withdrawals;
    private final TransactionTemplate transactions;

    DistributionWork(
            TenantManagement tenants,
            Commissions commissions,
            Withdrawals withdrawals,
            TransactionTemplate transactions) {
        super("distribution", Duration.ofSeconds(5));
        this.tenants = tenants;
        this.commissions = commissions;
        this.withdrawals = withdrawals;
        this.transactions = transactions;
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "distribution", this::once);
    }

    /** One round for the current tenant; answers how many orders were released and withdrawals paid. */
    int once() {
        int released;
        int done = 0;
        do {
            released = Objects.requireNonNull(transactions.execute(s -> commissions.releaseDue()));
            done += released;
        } while (released == Commissions.BATCH);
        return done + withdrawals.payDue();
    }
}

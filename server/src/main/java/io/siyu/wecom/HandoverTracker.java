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
 * Follows handovers until every customer's result is final: WeCom completes a handover 24 h after it starts
 * and says so only when asked (transfer_result), so waiting handovers are asked about every few minutes.
 * A refusal arrives sooner, by callback ({@link HandoverCallbacks}).
 */
@Component
class HandoverTracker extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(HandoverTracker.class);

    private final TenantManagement tenants;
    private final Handovers handovers;
    private final TransactionTemplate transactions;

    HandoverTracker(TenantManagement tenants, Handovers handovers, TransactionTemplate transactions) {
        super("wecom-handovers", Duration.ofMinutes(5));
        this.tenants = tenants;
        this.handovers = handovers;
        this.transactions = transactions;
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "following WeCom handovers", () -> {
            var waiting = transactions.execute(status -> handovers.waiting());
            if (waiting == null) {
                return 0;
            }
            waiting.forEach(handovers::refresh);
            return waiting.size();
        });
    }
}

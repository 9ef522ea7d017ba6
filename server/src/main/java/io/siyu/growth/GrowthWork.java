package io.siyu.growth;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every few seconds, for every tenant: settle the invites whose window has passed, then pay the red packets due. */
@Component
class GrowthWork extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(GrowthWork.class);

    private final TenantManagement tenants;
    private final InviteSettlement settlement;
    private final RedPacketPayouts payouts;

    GrowthWork(TenantManagement tenants, InviteSettlement settlement, RedPacketPayouts payouts) {
        super("growth", Duration.ofSeconds(5));
        this.tenants = tenants;
        this.settlement = settlement;
        this.payouts = payouts;
    }

    /** An invite is due now: settle it rather than at the next tick. */
    void wake() {
        worker().wake();
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "growth", () -> settlement.round() + payouts.round());
    }
}

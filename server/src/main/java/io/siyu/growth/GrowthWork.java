package io.siyu.growth;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, for every tenant: settle the invites whose window has passed, pay the red packets due, send the
 * progress messages due, and announce group campaigns' tasks and digests in their groups.
 */
@Component
class GrowthWork extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(GrowthWork.class);

    private final TenantManagement tenants;
    private final InviteSettlement settlement;
    private final RedPacketPayouts payouts;
    private final ProgressMessages messages;
    private final GroupMessages groups;

    GrowthWork(
            TenantManagement tenants,
            InviteSettlement settlement,
            RedPacketPayouts payouts,
            @Lazy ProgressMessages messages,
            @Lazy GroupMessages groups) {
        super("growth", Duration.ofSeconds(5));
        this.tenants = tenants;
        this.settlement = settlement;
        this.payouts = payouts;
        this.messages = messages;
        this.groups = groups;
    }

    /** An invite is due now: settle it rather than at the next tick. */
    void wake() {
        worker().wake();
    }

    @Override
    protected void round() {
        PerTenant.round(
                tenants,
                worker(),
                log,
                "growth",
                () -> settlement.round() + payouts.round() + messages.round() + groups.round());
    }
}

package io.siyu.messaging;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every second, for every tenant: plan due sends, hand due shares to WeCom, follow submitted ones; make due
 * 客户朋友圈 tasks and follow them.
 */
@Component
class MassSendWork extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(MassSendWork.class);

    private final TenantManagement tenants;
    private final MassSendDelivery delivery;
    private final MomentDelivery moments;

    MassSendWork(TenantManagement tenants, MassSendDelivery delivery, MomentDelivery moments) {
        super("mass-sends", Duration.ofSeconds(1));
        this.tenants = tenants;
        this.delivery = delivery;
        this.moments = moments;
    }

    /** A send was made or changed: look now rather than at the next tick. */
    void wake() {
        worker().wake();
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "mass sends", () -> delivery.round() + moments.round());
    }
}

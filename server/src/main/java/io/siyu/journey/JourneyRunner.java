package io.siyu.journey;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One thread moves every tenant's journeys: each tick, or at once when a trigger or a finished wait wakes it. */
@Component
class JourneyRunner extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);

    private final TenantManagement tenants;
    private final JourneyWork work;

    JourneyRunner(TenantManagement tenants, JourneyWork work, JourneyProperties properties) {
        super("journeys", properties.tick());
        this.tenants = tenants;
        this.work = work;
    }

    void wake() {
        worker().wake();
    }

    @Override
    protected void round() {
        int done;
        do {
            done = PerTenant.round(tenants, worker(), log, "journeys", work::round);
        } while (done > 0 && worker().running());
    }
}

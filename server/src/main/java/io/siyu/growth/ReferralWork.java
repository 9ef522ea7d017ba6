package io.siyu.growth;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every ten minutes, for every tenant: keep the KOC-candidate marks current with everyone's invites. */
@Component
class ReferralWork extends io.siyu.shared.BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(ReferralWork.class);

    private final TenantManagement tenants;
    private final KocCandidates candidates;

    ReferralWork(TenantManagement tenants, KocCandidates candidates) {
        super("referrals", Duration.ofMinutes(10));
        this.tenants = tenants;
        this.candidates = candidates;
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "KOC candidates", () -> {
            var marking = candidates.mark();
            return marking.added() + marking.removed();
        });
    }
}

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

/** Every few seconds, for every tenant: close the 拼团 teams whose time is up, then pay the refunds due. */
@Component
class GroupBuyWork extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(GroupBuyWork.class);

    private final TenantManagement tenants;
    private final GroupBuys groupBuys;
    private final GroupBuyRefunds refunds;
    private final TransactionTemplate transactions;

    GroupBuyWork(
            TenantManagement tenants, GroupBuys groupBuys, GroupBuyRefunds refunds, TransactionTemplate transactions) {
        super("group-buys", Duration.ofSeconds(5));
        this.tenants = tenants;
        this.groupBuys = groupBuys;
        this.refunds = refunds;
        this.transactions = transactions;
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "group buys", () -> {
            int closed;
            int done = 0;
            do {
                closed = Objects.requireNonNull(transactions.execute(s -> groupBuys.settleDue()));
                done += closed;
            } while (closed == 100);
            return done + refunds.round();
        });
    }
}

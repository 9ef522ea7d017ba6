package io.siyu.demo;

import io.siyu.access.AccountManagement;
import io.siyu.access.Installation;
import io.siyu.access.Role;
import io.siyu.growth.DistributionDemo;
import io.siyu.growth.FissionDemo;
import io.siyu.growth.GroupBuyDemo;
import io.siyu.growth.GrowthDemo;
import io.siyu.loyalty.LoyaltyDemo;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo tenant's data once, on the first start with {@code SIYU_DEMO_DATA=true}: staff, customers,
 * tags, a year of events and orders, WeCom relations and mass sends. One transaction, so a crash half-way leaves nothing and the next start retries.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final int STAFF = 40;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties properties;
    private final Installation installation;
    private final AccountManagement accounts;
    private final DataSetLoader loader;
    private final DemoCommerce commerce;
    private final LoyaltyDemo loyalty;
    private final GrowthDemo growth;
    private final FissionDemo fission;
    private final GroupBuyDemo groupBuys;
    private final DistributionDemo distribution;
    private final DemoRelations relations;
    private final DemoSends sends;
    private final TransactionTemplate transactions;

    DemoData(
            DemoProperties properties,
            Installation installation,
            AccountManagement accounts,
            DataSetLoader loader,
            DemoCommerce commerce,
            LoyaltyDemo loyalty,
            GrowthDemo growth,
            FissionDemo fission,
            GroupBuyDemo groupBuys,
            DistributionDemo distribution,
            DemoRelations relations,
            DemoSends sends,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.installation = installation;
        this.accounts = accounts;
        this.loader = loader;
        this.commerce = commerce;
        this.loyalty = loyalty;
        this.growth = growth;
        this.fission = fission;
        this.groupBuys = groupBuys;
        this.distribution = distribution;
        this.relations = relations;
        this.sends = sends;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || properties.generate().only() || installation.demoDataLoaded()) {
            return;
        }
        var tenant = installation.firstTenant().orElseThrow();
        log.info("loading demo data ({} customers) into tenant {}", properties.demoCustomers(), tenant);
        var data = new StandardDataSet(
                properties.demoCustomers(), 2026, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Tenancy.runAs(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    var staff = new java.util.ArrayList<String[]>();
                    var owners = createStaff(staff);
                    loader.load(tenant, data, owners);
                    commerce.load(tenant, data);
                    long started = System.nanoTime();
                    var wecom = relations.load(tenant, data, owners, staff);
                    long receipts = sends.load(wecom.app(), wecom.relations(), wecom.userIds(), data);
                    log.info(
                            "loaded {} WeCom relations and {} message receipts in {} ms",
                            wecom.relations().size(),
                            receipts,
                            (System.nanoTime() - started) / 1_000_000);
                    loyalty.load();
                    // before 任务宝's campaign, which stays first in the list
                    fission.load(data.customers(), data.seed(), data.end());
                    growth.load(data.customers(), data.seed(), data.end());
                    groupBuys.load();
                    distribution.load();
                    installation.markDemoDataLoaded();
                }));
    }

    /** The demo's staff accounts, added to {@code staff} as (user id, name); returns the front-office ones, who own customers. */
    private java.util.List<Long> createStaff(java.util.List<String[]> staff) {
        var random = new SplittableRandom(7);
        var owners = new java.util.ArrayList<Long>();
        for (int i = 1; i <= STAFF; i++) {
            var role = i <= 4 ? Role.MANAGER : i <= 10 ? Role.OPERATOR : Role.STAFF;
            var name = Names.person(random);
            long id = accounts.createWithoutLogin("staff%02d".formatted(i), name, role);
            staff.add(new String[] {"staff%02d".formatted(i), name});
            if (role == Role.STAFF) {
                owners.add(id);
            }
        }
        return owners;
    }
}

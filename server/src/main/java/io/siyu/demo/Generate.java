package io.siyu.demo;

import io.siyu.access.TenantManagement;
import io.siyu.shared.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./siyu generate}: loads the standard data set into a new tenant in chunked transactions, prints
 * the tenant id. Run without a web server, the process ends when this returns. The benchmark size (10M customers, 100M events) is made this way, never committed.
 */
@Component
@Order(20)
class Generate implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Generate.class);

    private final DemoProperties properties;
    private final TenantManagement tenants;
    private final DataSetLoader loader;
    private @Nullable TenantId lastTenant;

    Generate(DemoProperties properties, TenantManagement tenants, DataSetLoader loader) {
        this.properties = properties;
        this.tenants = tenants;
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        var generate = properties.generate();
        if (!generate.only()) {
            return;
        }
        var end = generate.asOf() == null
                ? Instant.now().truncatedTo(ChronoUnit.DAYS)
                : generate.asOf().atStartOfDay(ZoneOffset.UTC).toInstant();
        var data = new StandardDataSet(generate.customers(), generate.seed(), end);
        var tenant = tenants.create("标准数据集 " + generate.customers(), "Asia/Shanghai");
        log.info(
                "generating {} customers, {} events (seed {}, ending {}) into new tenant {}",
                data.customers(),
                data.events(),
                data.seed(),
                end,
                tenant);
        loader.load(tenant, data, List.of());
        lastTenant = tenant;
        System.out.println("siyu generate: tenant " + tenant + " holds the standard data set of " + data.customers()
                + " customers");
    }

    /** The tenant the last run filled, if any. */
    Optional<TenantId> lastTenant() {
        return Optional.ofNullable(lastTenant);
    }
}

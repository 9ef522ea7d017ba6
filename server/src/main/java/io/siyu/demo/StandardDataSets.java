package io.siyu.demo;

import io.siyu.access.TenantManagement;
import io.siyu.shared.TenantId;
import java.util.List;
import org.springframework.stereotype.Service;

/** Loads the standard data set into a new tenant, for benchmarks and tools outside this module. */
@Service
public class StandardDataSets {

    private final TenantManagement tenants;
    private final DataSetLoader loader;
    private final DemoCommerce commerce;
    private final DemoRelations relations;

    StandardDataSets(TenantManagement tenants, DataSetLoader loader, DemoCommerce commerce, DemoRelations relations) {
        this.tenants = tenants;
        this.loader = loader;
        this.commerce = commerce;
        this.relations = relations;
    }

    /** A new tenant (time zone Asia/Shanghai) holding {@code data}, loaded in chunked commits. */
    public TenantId load(String tenantName, StandardDataSet data) {
        var tenant = tenants.create(tenantName, "Asia/Shanghai");
        loader.load(tenant, data, List.of());
        return tenant;
    }

    /**
     * As {@link #load}, with the demo's shop (products, a year of paid orders from about a quarter of the customers)
     * and its WeCom adds and losses: what the analytics read.
     */
    public TenantId loadWithShop(String tenantName, StandardDataSet data) {
        var tenant = load(tenantName, data);
        io.siyu.shared.Tenancy.runAs(tenant, () -> {
            commerce.load(tenant, data);
            relations.loadEvents(tenant, data);
        });
        return tenant;
    }
}

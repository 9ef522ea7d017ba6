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

    StandardDataSets(TenantManagement tenants, DataSetLoader loader) {
        this.tenants = tenants;
        this.loader = loader;
    }

    /** A new tenant (time zone Asia/Shanghai) holding {@code data}, loaded in chunked commits. */
    public TenantId load(String tenantName, StandardDataSet data) {
        var tenant = tenants.create(tenantName, "Asia/Shanghai");
        loader.load(tenant, data, List.of());
        return tenant;
    }
}

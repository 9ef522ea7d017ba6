package io.siyu.customer;

import io.siyu.shared.jdbc.BulkCopy;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads many customers at once (imports, generated data sets) through COPY. */
@Service
public class CustomerBulkLoad {

    private static final String[] COLUMNS = {
        "tenant_id", "id", "display_name", "gender", "city", "member_level", "member_since", "created_at"
    };

    private final BulkCopy copy;
    private final CustomerNumbers numbers;

    CustomerBulkLoad(BulkCopy copy, CustomerNumbers numbers) {
        this.copy = copy;
        this.numbers = numbers;
    }

    /** Inserts the customers that {@code source} emits, in one transaction of the current tenant. */
    @Transactional
    public long load(io.siyu.shared.TenantId tenant, Consumer<Consumer<CustomerRecord>> source) {
        return copy.copy(
                "customer",
                COLUMNS,
                rows -> source.accept(customer -> {
                    rows.value(tenant.value())
                            .value(customer.number())
                            .value(customer.displayName())
                            .value(customer.gender())
                            .value(customer.city())
                            .value(customer.memberLevel());
                    if (customer.memberSince() == null) {
                        rows.nullValue();
                    } else {
                        rows.value(customer.memberSince().toString());
                    }
                    rows.value(customer.createdAt().toString()).end();
                }));
    }
}

package io.siyu.customer;

import io.siyu.shared.TenantId;
import io.siyu.shared.jdbc.BulkCopy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads many customers at once (imports, generated data sets) through COPY. */
@Service
public class CustomerBulkLoad {

    private static final String[] COLUMNS = {
        "tenant_id",
        "id",
        "display_name",
        "gender",
        "city",
        "member_level",
        "member_since",
        "created_at",
        "first_seen_at",
        "birthday",
        "source_channel",
        "owner_account_id",
        "attributes"
    };
    private static final String[] IDENTITY_COLUMNS = {
        "tenant_id", "type", "value", "customer_id", "verified", "created_at"
    };
    private static final int UPDATE_CHUNK = 50_000;

    private final BulkCopy copy;
    private final JdbcClient jdbc;

    CustomerBulkLoad(BulkCopy copy, JdbcClient jdbc) {
        this.copy = copy;
        this.jdbc = jdbc;
    }

    /** Inserts the customers that {@code source} emits (and their mobiles), in one transaction of the tenant. */
    @Transactional
    public long load(TenantId tenant, Consumer<Consumer<CustomerRecord>> source) {
        var mobiles = new ArrayList<CustomerRecord>();
        long loaded = copy.copy(
                "customer",
                COLUMNS,
                rows -> source.accept(customer -> {
                    rows.value(tenant.value())
                            .value(customer.number())
                            .value(customer.displayName())
                            .value(customer.gender())
                            .value(customer.city())
                            .value(customer.memberLevel());
                    nullable(rows, customer.memberSince());
                    rows.value(customer.createdAt().toString())
                            .value(customer.createdAt().toString());
                    nullable(rows, customer.birthday());
                    nullable(rows, customer.sourceChannel());
                    nullable(rows, customer.ownerAccountId());
                    rows.value(customer.attributes() == null ? "{}" : customer.attributes())
                            .end();
                    if (customer.mobile() != null) {
                        mobiles.add(customer);
                    }
                }));
        if (!mobiles.isEmpty()) {
            copy.copy(
                    "customer_identity",
                    IDENTITY_COLUMNS,
                    rows -> mobiles.forEach(customer -> rows.value(tenant.value())
                            .value("mobile")
                            .value(new IdentityKey(IdentityType.MOBILE, customer.mobile()).value())
                            .value(customer.number())
                            .value("t")
                            .value(customer.createdAt().toString())
                            .end()));
        }
        return loaded;
    }

    /**
     * Sets last activity of loaded customers from what their loaded events say: {@code lastActive[i]} is
     * the epoch second of customer {@code first + i}'s latest event, or 0 for none.
     */
    @Transactional
    public void lastActivity(long first, long[] lastActive) {
        for (int from = 0; from < lastActive.length; from += UPDATE_CHUNK) {
            var ids = new ArrayList<Long>();
            var times = new ArrayList<Timestamp>();
            for (int i = from; i < Math.min(lastActive.length, from + UPDATE_CHUNK); i++) {
                if (lastActive[i] > 0) {
                    ids.add(first + i);
                    times.add(Timestamp.from(Instant.ofEpochSecond(lastActive[i])));
                }
            }
            jdbc.sql(
                            "update customer c set last_active_at = u.at from unnest(?::bigint[], ?::timestamptz[]) as u(id, at)"
                                    + " where c.id = u.id")
                    .params(ids.toArray(Long[]::new), times.toArray(Timestamp[]::new))
                    .update();
        }
    }

    private static void nullable(BulkCopy.Rows rows, @org.jspecify.annotations.Nullable Object value) {
        if (value == null) {
            rows.nullValue();
        } else {
            rows.value(value.toString());
        }
    }
}

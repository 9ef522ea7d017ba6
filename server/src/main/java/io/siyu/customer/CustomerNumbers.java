package io.siyu.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out dense per-tenant customer numbers in blocks. The counter row is locked until the transaction
 * ends, which serialises creation per tenant; a rolled-back block leaves a gap, never a duplicate.
 */
@Component
class CustomerNumbers {

    private final JdbcClient jdbc;

    CustomerNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    @Transactional(propagation = Propagation.MANDATORY)
    long take(int count) {
        long last = jdbc.sql("insert into customer_number (tenant_id, last)"
                        + " values (siyu_current_tenant(), (select coalesce(max(id), 0) from customer) + ?)"
                        + " on conflict (tenant_id) do update set last = customer_number.last + ? returning last")
                .params(count, count)
                .query(Long.class)
                .single();
        return last - count + 1;
    }

    /** After a bulk load with its own numbers: makes sure later numbers start above them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void coverLoaded() {
        jdbc.sql("insert into customer_number (tenant_id, last)"
                        + " select siyu_current_tenant(), coalesce(max(id), 0) from customer"
                        + " on conflict (tenant_id) do update set last = greatest(customer_number.last, excluded.last)")
                .update();
    }
}

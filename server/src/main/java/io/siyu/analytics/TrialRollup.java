package io.siyu.analytics;

import io.siyu.commerce.OrderPaid;
import io.siyu.commerce.OrdersLoaded;
import io.siyu.shared.AfterCommit;
import java.util.Arrays;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code analytics_trial} current: each profile's first paid order with a lead product (when, and which lead
 * products it held) and its first later paid order with any other product, so that trial conversion reads one row per trial customer instead of every
 * order's lines and history. A paid order refreshes its profile's row in the payment's transaction; a bulk load
 * or a change of the lead products makes the table stale, and the next report rebuilds it.
 */
@Component
class TrialRollup {

    /** The lead products, and a profile's paid orders with whether they hold a lead product, another one, or both. */
    private static final String ORDERS = """
            lead as (select coalesce(array_agg(sku order by sku), '{}') as skus from product where role = 'lead'),
            orders as (
                select o.customer_id, o.id, o.paid_at,
                       bool_or(l.sku = any(lead.skus)) as has_lead, bool_or(l.sku <> all(lead.skus)) as has_other,
                       coalesce(array_agg(distinct l.sku) filter (where l.sku = any(lead.skus)), '{}') as lead_skus
                from customer_order o
                join order_line l on l.tenant_id = o.tenant_id and l.order_id = o.id
                cross join lead
                where o.paid_at is not null %s
                group by o.customer_id, o.id, o.paid_at),
            firsts as (
                select distinct on (customer_id) customer_id, paid_at as first_lead, lead_skus
                from orders where has_lead order by customer_id, paid_at, id)""";

    /** Both kinds of upkeep per tenant: a refresh shares the lock, a rebuild holds it alone. */
    private static final String LOCK = "select %s(hashtext('analytics_trial'), siyu_current_tenant()::int)";

    private final JdbcClient jdbc;
    /** Marks a transaction that holds the shared lock already (a bulk of payments takes it once). */
    private final Object sharedLockHeld = new Object();

    TrialRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void paid(OrderPaid paid) {
        AfterCommit.collect(
                sharedLockHeld,
                () -> jdbc.sql(LOCK.formatted("pg_advisory_xact_lock_shared"))
                        .query()
                        .listOfRows(),
                held -> {},
                held -> {});
        int written = jdbc.sql("with " + ORDERS.formatted("and o.customer_id = ?") + """

                        insert into analytics_trial (customer_id, first_lead_at, converted_at, first_lead_skus)
                        select f.customer_id, f.first_lead,
                               (select min(o.paid_at) from orders o where o.has_other and o.paid_at > f.first_lead),
                               f.lead_skus
                        from firsts f
                        on conflict (tenant_id, customer_id) do update
                            set first_lead_at = excluded.first_lead_at, converted_at = excluded.converted_at,
                                first_lead_skus = excluded.first_lead_skus""")
                .param(paid.customerId())
                .update();
        if (written == 0) {
            jdbc.sql("delete from analytics_trial where customer_id = ?")
                    .param(paid.customerId())
                    .update();
        }
    }

    @EventListener
    void loaded(OrdersLoaded loaded) {
        jdbc.sql("delete from analytics_trial_state where tenant_id = ?")
                .param(loaded.tenantId())
                .update();
    }

    /** Rebuilds the tenant's rows unless they were built for today's lead products with no bulk load since. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureCurrent() {
        if (current()) {
            return;
        }
        jdbc.sql(LOCK.formatted("pg_advisory_xact_lock")).query().listOfRows();
        if (current()) {
            return;
        }
        jdbc.sql("delete from analytics_trial").update();
        jdbc.sql("with " + ORDERS.formatted("") + """

                        insert into analytics_trial (customer_id, first_lead_at, converted_at, first_lead_skus)
                        select f.customer_id, f.first_lead,
                               min(o.paid_at) filter (where o.has_other and o.paid_at > f.first_lead), f.lead_skus
                        from firsts f join orders o on o.customer_id = f.customer_id
                        group by f.customer_id, f.first_lead, f.lead_skus""").update();
        jdbc.sql("""
                        insert into analytics_trial_state (lead_skus)
                        select coalesce(array_agg(sku order by sku), '{}') from product where role = 'lead'
                        on conflict (tenant_id) do update set lead_skus = excluded.lead_skus, built_at = now()""").update();
    }

    private boolean current() {
        var lead = jdbc.sql("select coalesce(array_agg(sku order by sku), '{}') from product where role = 'lead'")
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .single();
        return jdbc.sql("select lead_skus from analytics_trial_state")
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .optional()
                .map(built -> Arrays.equals(built, lead))
                .orElse(false);
    }
}

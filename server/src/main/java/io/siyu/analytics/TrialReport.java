package io.siyu.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trial → paid conversion by lead product (引流品): the funnel's trial customers, each counted for the lead products
 * of their first lead order, and of them those who paid for another product after it. Read like the funnel's totals:
 * from {@link TrialRollup}'s rows, except for customers with merged profiles, whose orders are read instead.
 */
@Service
public class TrialReport {

    public record Product(
            String sku,
            String name,
            long trialCustomers,
            long converted,
            @Nullable BigDecimal conversion) {}

    public record Products(LocalDate from, LocalDate to, List<Product> products) {}

    private final JdbcClient jdbc;
    private final CommerceFigures commerce;
    private final TrialRollup rollup;

    TrialReport(JdbcClient jdbc, CommerceFigures commerce, TrialRollup rollup) {
        this.jdbc = jdbc;
        this.commerce = commerce;
        this.rollup = rollup;
    }

    /** Every lead product, those with the most trial customers first. */
    @Transactional(readOnly = true)
    public Products products(Period period, Filters filters) {
        rollup.ensureCurrent();
        var params = new ArrayList<Object>();
        var merged = commerce.merges().cte(params);
        params.addAll(List.of(period.end(), period.start(), period.end()));
        var rolledWhere = commerce.only("t.customer_id", filters, params);
        params.addAll(List.of(period.start(), period.end()));
        var mergedWhere = commerce.only("f.customer", filters, params);
        params.add(period.start());
        var products = jdbc.sql("""
                        with %s,
                        touched as (select id from merged union select survivor_id from merged),
                        lead as (select coalesce(array_agg(sku), '{}') as skus from product where role = 'lead'),
                        rolled as (
                            select s.sku, count(*) as customers, count(*) filter (where t.converted_at < ?) as converted
                            from analytics_trial t cross join unnest(t.first_lead_skus) as s(sku)
                            where t.first_lead_at >= ? and t.first_lead_at < ?
                              and t.customer_id not in (select id from touched) and %s
                            group by s.sku),
                        period_orders as materialized (
                            select coalesce(m.survivor_id, o.customer_id) as customer, o.id, o.paid_at, r.has_lead,
                                   r.has_other, r.lead_skus
                            from touched t
                            join customer_order o on o.customer_id = t.id
                            left join merged m on m.id = o.customer_id
                            cross join lead
                            cross join lateral (
                                select bool_or(l.sku = any(lead.skus)) as has_lead,
                                       bool_or(l.sku <> all(lead.skus)) as has_other,
                                       coalesce(array_agg(distinct l.sku) filter (where l.sku = any(lead.skus)), '{}')
                                           as lead_skus
                                from order_line l where l.tenant_id = o.tenant_id and l.order_id = o.id) r
                            where o.paid_at >= ? and o.paid_at < ?),
                        firsts as (
                            select distinct on (customer) customer, paid_at as first_lead, lead_skus
                            from period_orders where has_lead order by customer, paid_at, id),
                        merged_trials as (
                            select s.sku, count(*) as customers,
                                   count(*) filter (where exists (
                                       select 1 from period_orders p
                                       where p.customer = f.customer and p.has_other and p.paid_at > f.first_lead))
                                       as converted
                            from firsts f cross join unnest(f.lead_skus) as s(sku) cross join lead
                            where %s
                              and not exists (
                                  select 1 from touched t
                                  join customer_order o on o.customer_id = t.id
                                  left join merged m on m.id = o.customer_id
                                  join order_line l on l.tenant_id = o.tenant_id and l.order_id = o.id
                                  where coalesce(m.survivor_id, o.customer_id) = f.customer and o.paid_at < ?
                                    and l.sku = any(lead.skus))
                            group by s.sku),
                        counted as (select * from rolled union all select * from merged_trials)
                        select p.sku, p.name, coalesce(sum(c.customers), 0), coalesce(sum(c.converted), 0)
                        from product p left join counted c on c.sku = p.sku
                        where p.role = 'lead'
                        group by p.sku, p.name
                        order by 3 desc, 1""".formatted(merged, rolledWhere, mergedWhere))
                .params(params)
                .query((rs, n) -> new Product(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        Metric.ratio(rs.getLong(4), rs.getLong(3))))
                .list();
        return new Products(period.from(), period.to(), products);
    }
}

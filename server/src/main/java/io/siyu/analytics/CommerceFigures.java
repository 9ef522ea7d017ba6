package io.siyu.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Money and order figures, read from the commerce, growth and loyalty tables. An order counts when it was paid in
 * the period, for its net amount (paid less refunded), to the live profile it resolves to now.
 *
 * <p>Profiles are resolved through the few merged-away ones only ({@link Merges}), and the channel and staff
 * filters are the segment engine's members of the filter: joining every order to the customer table made
 * PostgreSQL read the whole table (0.5 s at a million customers).
 */
@Component
class CommerceFigures {

    /** The paid orders of a period ({@code ?} start, {@code ?} end), each with its live customer; needs {@link Merges#cte}. */
    static final String PAID = """
            paid as (
                select coalesce(m.survivor_id, o.customer_id) as customer, o.id as order_id, o.paid_at,
                       o.paid_amount - o.refunded_amount as amount
                from customer_order o left join merged m on m.id = o.customer_id
                where o.paid_at >= ? and o.paid_at < ?)""";

    record Revenue(long buyers, long orders, BigDecimal gmv, long repeatBuyers) {}

    record Trials(long customers, long converted) {}

    record Bucket(LocalDate start, long buyers, long orders, BigDecimal gmv) {}

    private final JdbcClient jdbc;
    private final CustomerSets sets;
    private final TrialRollup trialRollup;
    private final OrderLedger ledger;

    CommerceFigures(JdbcClient jdbc, CustomerSets sets, TrialRollup trialRollup, OrderLedger ledger) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.trialRollup = trialRollup;
        this.ledger = ledger;
    }

    /**
     * A condition on {@code column} (a live customer id) that keeps the filtered customers, its parameter added to
     * {@code params}; "true" without filters.
     */
    String only(String column, Filters filters, List<Object> params) {
        var rule = filters.rule();
        if (rule == null) {
            return "true";
        }
        params.add(sets.ids(rule));
        return column + " = any(?)";
    }

    Revenue revenue(Period period, Filters filters, Merges merges) {
        var totals = ledger.totals(period.from(), period.to(), period.zone(), members(filters), merges.survivors());
        return new Revenue(
                totals.buyers().getLongCardinality(),
                totals.orders(),
                totals.amount(),
                totals.repeat().getLongCardinality());
    }

    /** The filtered customers, or null without filters. */
    private @Nullable RoaringBitmap members(Filters filters) {
        var rule = filters.rule();
        return rule == null ? null : sets.members(List.of(rule)).getFirst();
    }

    /** Merged-away profiles and the customers they were merged into: a report reads them once. */
    Merges merges() {
        var survivors = new HashMap<Integer, Integer>();
        jdbc.sql("select id, survivor_id from customer where survivor_id is not null")
                .query(rs -> {
                    survivors.put(rs.getInt(1), rs.getInt(2));
                });
        return new Merges(survivors);
    }

    /** Trial figures of one report: {@link TrialRollup} is brought up to date once, then read for each period. */
    @FunctionalInterface
    interface TrialCounts {
        Trials of(Period period, Filters filters, Merges merges);
    }

    TrialCounts trialCounts() {
        trialRollup.ensureCurrent();
        return this::trials;
    }

    /**
     * Trial customers: their first paid order with a lead product (引流品) falls in the period; converted: they paid
     * for an order with any other product after it, by the period's end. Read from {@link TrialRollup}'s rows per
     * profile, except for customers with merged profiles, whose orders are read (from every profile) instead.
     */
    private Trials trials(Period period, Filters filters, Merges merges) {
        var params = new ArrayList<Object>();
        var merged = merges.cte(params);
        params.addAll(List.of(period.end(), period.start(), period.end()));
        var rolledWhere = only("t.customer_id", filters, params);
        params.addAll(List.of(period.start(), period.end()));
        var mergedWhere = only("f.customer", filters, params);
        params.add(period.start());
        return jdbc.sql("""
                        with %s,
                        touched as (select id from merged union select survivor_id from merged),
                        rolled as (
                            select count(*) as customers, count(*) filter (where t.converted_at < ?) as converted
                            from analytics_trial t
                            where t.first_lead_at >= ? and t.first_lead_at < ?
                              and t.customer_id not in (select id from touched) and %s),
                        lead as (select coalesce(array_agg(sku), '{}') as skus from product where role = 'lead'),
                        period_orders as materialized (
                            select coalesce(m.survivor_id, o.customer_id) as customer, o.paid_at, r.has_lead, r.has_other
                            from touched t
                            join customer_order o on o.customer_id = t.id
                            left join merged m on m.id = o.customer_id
                            cross join lead
                            cross join lateral (
                                select bool_or(l.sku = any(lead.skus)) as has_lead,
                                       bool_or(l.sku <> all(lead.skus)) as has_other
                                from order_line l where l.tenant_id = o.tenant_id and l.order_id = o.id) r
                            where o.paid_at >= ? and o.paid_at < ?),
                        per_customer as (
                            select customer, min(paid_at) filter (where has_lead) as first_lead,
                                   max(paid_at) filter (where has_other) as last_other
                            from period_orders group by customer),
                        merged_trials as (
                            select count(*) as customers, count(*) filter (where f.last_other > f.first_lead) as converted
                            from per_customer f cross join lead
                            where f.first_lead is not null and %s
                              and not exists (
                                  select 1 from touched t
                                  join customer_order o on o.customer_id = t.id
                                  left join merged m on m.id = o.customer_id
                                  join order_line l on l.tenant_id = o.tenant_id and l.order_id = o.id
                                  where coalesce(m.survivor_id, o.customer_id) = f.customer and o.paid_at < ?
                                    and l.sku = any(lead.skus)))
                        select r.customers + m.customers, r.converted + m.converted
                        from rolled r cross join merged_trials m""".formatted(merged, rolledWhere, mergedWhere))
                .params(params)
                .query((rs, n) -> new Trials(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Customers who joined a growth campaign through someone's code, or became members with a referral code. */
    long referred(Period period, Filters filters, Merges merges) {
        var params = new ArrayList<Object>();
        var merged = merges.cte(params);
        params.addAll(List.of(period.start(), period.end(), period.start(), period.end()));
        var where = only("r.customer", filters, params);
        return jdbc.sql("""
                        with %s,
                        referred as (
                            select coalesce(m.survivor_id, cp.customer_id) as customer
                            from campaign_participant cp left join merged m on m.id = cp.customer_id
                            where cp.invited_by is not null and cp.joined_at >= ? and cp.joined_at < ?
                            union
                            select m.customer_id from member m
                            where m.referred_by is not null and m.joined_at >= ? and m.joined_at < ?)
                        select count(*) from referred r where %s""".formatted(merged, where))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Buyers, orders and GMV per bucket (days, weeks or months beginning at the given days, through {@code last}). */
    List<Bucket> buckets(List<LocalDate> starts, LocalDate last, Period period, Filters filters) {
        var only = members(filters);
        var survivors = merges().survivors();
        var buckets = new ArrayList<Bucket>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            var end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : last;
            var totals = ledger.totals(starts.get(i), end, period.zone(), only, survivors);
            buckets.add(
                    new Bucket(starts.get(i), totals.buyers().getLongCardinality(), totals.orders(), totals.amount()));
        }
        return buckets;
    }

    /** Each channel's spend in the period: a month's amount counts for the share of its days in the period. */
    Map<String, BigDecimal> spend(Period period) {
        var spend = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql("""
                        select channel,
                               round(sum(amount
                                   * (least((month + interval '1 month')::date - 1, ?::date) - greatest(month, ?::date) + 1)
                                   / ((month + interval '1 month')::date - month)), 2)
                        from analytics_spend
                        where month <= ?::date and (month + interval '1 month')::date > ?::date
                        group by channel order by channel""")
                .params(period.to(), period.from(), period.to(), period.from())
                .query(rs -> {
                    spend.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return spend;
    }
}

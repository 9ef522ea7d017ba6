package io.siyu.bench;

import io.siyu.analytics.AssetReport;
import io.siyu.analytics.ChannelReport;
import io.siyu.analytics.Filters;
import io.siyu.analytics.FunnelReport;
import io.siyu.analytics.Periods;
import io.siyu.analytics.TimeReport;
import io.siyu.analytics.WeComReport;
import io.siyu.demo.StandardDataSet;
import io.siyu.demo.StandardDataSets;
import io.siyu.segment.SegmentEngine;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics reports on the standard data set with the demo's shop and WeCom adds (issue 10): each report through
 * Siyu's code (row-level security, the segment index for customer counts) next to the plain SQL a user would write
 * for the same figures on the same PostgreSQL, as the owner, in the same run.
 *
 * <p>Usage: {@code ./siyu bench analytics [customers]} (default 10,000,000: 100M events).
 */
public final class AnalyticsBenchmark {

    static final int WARMUP = 2;
    static final int RUNS = 7;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> TABLES =
            List.of("customer", "customer_identity", "customer_tag", "event", "customer_order");

    public static void main(String[] args) throws Exception {
        long customers = BenchServer.size(args, 10_000_000L);
        var context = BenchServer.start("--logging.level.io.siyu.demo=info", "--logging.level.io.siyu.segment=info");
        try {
            new AnalyticsBenchmark(context).run(customers);
        } finally {
            context.close();
        }
    }

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate owner;

    AnalyticsBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.owner = new JdbcTemplate(context.getBean("ownerDataSource", DataSource.class));
    }

    void run(long customers) throws Exception {
        var name = "analytics bench " + customers;
        var kept = owner.queryForList("select id from tenant where name = ?", Long.class, name);
        long started = System.nanoTime();
        TenantId tenant;
        if (kept.isEmpty()) {
            var data =
                    new StandardDataSet(customers, 2026, java.time.Instant.now().truncatedTo(ChronoUnit.HOURS));
            var loaded = new TenantId[1];
            SecondaryIndexes.without(
                    owner,
                    List.of("customer", "customer_identity", "customer_tag", "event"),
                    () -> loaded[0] = context.getBean(StandardDataSets.class).loadWithShop(name, data));
            tenant = loaded[0];
        } else {
            tenant = new TenantId(kept.getFirst());
            SecondaryIndexes.repair(owner);
            System.out.printf(Locale.ROOT, "reusing tenant %s of SIYU_BENCH_DATA_DIR%n", tenant);
        }
        for (var table : TABLES) {
            owner.execute("vacuum analyze " + table);
        }
        long loadSeconds = (System.nanoTime() - started) / 1_000_000_000;
        var engine = context.getBean(SegmentEngine.class);
        Tenancy.runAs(tenant, engine::rebuild);
        System.out.printf(
                Locale.ROOT,
                "Analytics on the standard data set: %,d customers, %,d events, %,d orders (loaded in %d s)%n%n",
                count("customer", tenant),
                count("event", tenant),
                count("customer_order", tenant),
                loadSeconds);
        System.out.printf(
                Locale.ROOT, "%-44s %10s %10s %12s %10s%n", "report", "Siyu min", "median", "SQL median", "ratio");

        var periods = context.getBean(Periods.class);
        var days30 = Tenancy.callAs(tenant, () -> periods.of(null, null, null, null));
        var days90 = Tenancy.callAs(tenant, () -> periods.of(days30.to().minusDays(89), days30.to(), null, null));
        long t = tenant.value();
        var funnel = context.getBean(FunnelReport.class);
        compare(tenant, "AARRR funnel, 30 days and the 30 before", () -> funnel.funnel(days30, Filters.NONE), () -> {
            plainFunnel(t, days30.from(), days30.to());
            return plainFunnel(t, days30.compareFrom(), days30.compareTo());
        });
        var time = context.getBean(TimeReport.class);
        compare(
                tenant,
                "trends, 30 days by day (and the 30 before)",
                () -> time.trends(days30, Filters.NONE, "day"),
                () -> {
                    plainTrends(t, days30.from(), days30.to());
                    return plainTrends(t, days30.compareFrom(), days30.compareTo());
                });
        compare(
                tenant,
                "cohorts, 13 weeks",
                () -> time.cohorts(days90, Filters.NONE, "week"),
                () -> plainCohorts(t, days90.from(), days90.to()));
        var assets = context.getBean(AssetReport.class);
        compare(
                tenant,
                "user asset table, 90 days by month",
                () -> assets.table(days90, Filters.NONE, "month", null),
                () -> plainAssets(t, days90.from(), days90.to()));
        var wecom = context.getBean(WeComReport.class);
        compare(
                tenant,
                "WeCom funnel and staff, 30 days",
                () -> wecom.funnel(days30, Filters.NONE),
                () -> plainWeCom(t, days30.from(), days30.to()));
        var channels = context.getBean(ChannelReport.class);
        compare(
                tenant,
                "channels (first adds, LTV), 30 days",
                () -> channels.channels(days30),
                () -> plainChannels(t, days30.from(), days30.to()));
    }

    private long count(String table, TenantId tenant) {
        return java.util.Objects.requireNonNull(owner.queryForObject(
                "select count(*) from " + table + " where tenant_id = ?", Long.class, tenant.value()));
    }

    static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }

    /** The funnel's customer counts for one period in one pass per customer, then assets and revenue. */
    private Object plainFunnel(long tenant, LocalDate from, LocalDate to) {
        var counts = owner.queryForList("""
                        with e as (
                            select customer_id, type, (occurred_at at time zone 'Asia/Shanghai')::date as d
                            from event where tenant_id = ? and occurred_at >= ? and occurred_at < ?),
                        per as (
                            select customer_id,
                                   bool_or(type = 0 and d <= ?) as viewed,
                                   bool_or(type = 7 and d <= ?) as added,
                                   bool_or(type <= 5) as act7,
                                   bool_or(type = 5 and d <= ?) as msg1,
                                   bool_or(type <= 5 and d <= ?) as active,
                                   bool_or(type = 8 and d <= ?) as lost,
                                   bool_or(type = 4 and d <= ?) as shared
                            from e group by customer_id)
                        select count(*) filter (where viewed), count(*) filter (where added),
                               count(*) filter (where added and act7), count(*) filter (where added and msg1),
                               count(*) filter (where active), count(*) filter (where lost),
                               count(*) filter (where shared)
                        from per""", tenant, at(from), at(to.plusDays(8)), to, to, to.plusDays(1), to, to, to);
        var assets = owner.queryForObject("""
                        select count(*) from (
                            select customer_id, bool_or(type = 8) as lost from event
                            where tenant_id = ? and type in (7, 8) and occurred_at < ? group by customer_id) x
                        where not lost""", Long.class, tenant, at(to.plusDays(1)));
        var silent = owner.queryForObject("""
                        select count(*) from (
                            select customer_id, bool_or(type = 7) as added, bool_or(type = 8) as lost,
                                   bool_or(type <= 5 and occurred_at >= ?) as recent
                            from event where tenant_id = ? and occurred_at < ? group by customer_id) x
                        where added and not lost and not recent""", Long.class, at(to.minusDays(29)), tenant, at(to.plusDays(1)));
        var revenue = owner.queryForList("""
                        select count(distinct customer_id), count(*), sum(paid_amount - refunded_amount)
                        from customer_order where tenant_id = ? and paid_at >= ? and paid_at < ?""", tenant, at(from), at(to.plusDays(1)));
        return List.of(counts, assets, silent, revenue);
    }

    private Object plainTrends(long tenant, LocalDate from, LocalDate to) {
        var events = owner.queryForList("""
                        select (occurred_at at time zone 'Asia/Shanghai')::date as d,
                               count(distinct customer_id) filter (where type = 7),
                               count(distinct customer_id) filter (where type = 8),
                               count(distinct customer_id) filter (where type <= 5)
                        from event where tenant_id = ? and occurred_at >= ? and occurred_at < ? group by 1""", tenant, at(from), at(to.plusDays(1)));
        var orders = owner.queryForList("""
                        select (paid_at at time zone 'Asia/Shanghai')::date, count(distinct customer_id), count(*),
                               sum(paid_amount - refunded_amount)
                        from customer_order where tenant_id = ? and paid_at >= ? and paid_at < ? group by 1""", tenant, at(from), at(to.plusDays(1)));
        return List.of(events, orders);
    }

    private Object plainCohorts(long tenant, LocalDate from, LocalDate to) {
        return owner.queryForList("""
                        with firsts as (
                            select customer_id, min(occurred_at) as added from event
                            where tenant_id = ? and type = 7 group by customer_id),
                        cohort as (
                            select customer_id, date_trunc('week', added at time zone 'Asia/Shanghai')::date as week
                            from firsts where added >= ? and added < ?),
                        activity as (
                            select distinct customer_id,
                                   date_trunc('week', occurred_at at time zone 'Asia/Shanghai')::date as week
                            from event where tenant_id = ? and type <= 5 and occurred_at >= ?)
                        select c.week, (a.week - c.week) / 7 as k, count(*)
                        from cohort c join activity a on a.customer_id = c.customer_id and a.week >= c.week
                        group by 1, 2""", tenant, at(from), at(to.plusDays(1)), tenant, at(from));
    }

    private Object plainAssets(long tenant, LocalDate from, LocalDate to) {
        var ends = new java.util.ArrayList<LocalDate>();
        ends.add(from.minusDays(1));
        for (var day = from.withDayOfMonth(1).plusMonths(1).minusDays(1);
                day.isBefore(to);
                day = day.plusDays(1).plusMonths(1).minusDays(1)) {
            ends.add(day);
        }
        ends.add(to);
        return ends.stream()
                .map(end -> owner.queryForObject("""
                                select count(*) from (
                                    select customer_id, bool_or(type = 8) as lost from event
                                    where tenant_id = ? and type in (7, 8) and occurred_at < ? group by customer_id) x
                                where not lost""", Long.class, tenant, at(end.plusDays(1))))
                .toList();
    }

    private Object plainWeCom(long tenant, LocalDate from, LocalDate to) {
        return owner.queryForList("""
                        with per as (
                            select customer_id, bool_or(type = 0) as viewed, bool_or(type = 7) as added,
                                   bool_or(type = 5) as served, bool_or(type = 3) as bought
                            from event where tenant_id = ? and occurred_at >= ? and occurred_at < ? group by 1)
                        select count(*) filter (where viewed), count(*) filter (where added),
                               count(*) filter (where served), count(*) filter (where served and bought)
                        from per""", tenant, at(from), at(to.plusDays(1)));
    }

    private Object plainChannels(long tenant, LocalDate from, LocalDate to) {
        return owner.queryForList("""
                        with firsts as (
                            select customer_id, min(occurred_at) as added from event
                            where tenant_id = ? and type = 7 group by customer_id),
                        cohort as (
                            select f.customer_id, c.source_channel from firsts f
                            join customer c on c.tenant_id = ? and c.id = f.customer_id
                            where f.added >= ? and f.added < ?)
                        select k.source_channel, count(distinct k.customer_id), count(distinct o.customer_id),
                               sum(o.paid_amount - o.refunded_amount)
                        from cohort k left join customer_order o
                          on o.tenant_id = ? and o.customer_id = k.customer_id and o.paid_at >= ?
                        group by 1""", tenant, tenant, at(from), at(to.plusDays(1)), tenant, at(from));
    }

    private void compare(TenantId tenant, String name, Supplier<Object> siyu, Supplier<Object> sql) {
        var ours = time(() -> Tenancy.callAs(tenant, siyu::get));
        var theirs = time(sql);
        System.out.printf(
                Locale.ROOT,
                "%-44s %8.1f ms %7.1f ms %9.1f ms %9.1fx%n",
                name,
                ours[0],
                ours[1],
                theirs[1],
                theirs[1] / ours[1]);
    }

    /** min and median in ms over {@value #RUNS} runs after {@value #WARMUP}. */
    private static double[] time(Supplier<Object> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        var ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[0], ms[RUNS / 2]};
    }
}

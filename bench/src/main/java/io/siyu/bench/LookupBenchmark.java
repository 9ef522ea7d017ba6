package io.siyu.bench;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerBulkLoad;
import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerQuery;
import io.siyu.customer.CustomerRecord;
import io.siyu.demo.StandardDataSet;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer list lookups at scale (issue 4, goal &lt; 50 ms): search by mobile and by name prefix through
 * the list API's code path ({@link CustomerDirectory#search}), next to the plain SQL a user would write on
 * the same tables, as the owner and without row-level security, in the same run.
 *
 * <p>Usage: {@code ./siyu bench lookup [customers]} (default 10,000,000).
 */
public final class LookupBenchmark {

    static final int LOOKUPS = 2_000;
    static final int PAGE = 50;

    public static void main(String[] args) throws Exception {
        long customers = BenchServer.size(args, 10_000_000L);
        var context = BenchServer.start();
        try {
            new LookupBenchmark(context).run(customers);
        } finally {
            context.close();
        }
    }

    private final ConfigurableApplicationContext context;

    LookupBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
    }

    void run(long customers) {
        var data = new StandardDataSet(customers, 2026, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        var tenant = context.getBean(TenantManagement.class).create("lookup bench", "Asia/Shanghai");
        var load = context.getBean(CustomerBulkLoad.class);
        long started = System.nanoTime();
        var names = new ArrayList<String>();
        Tenancy.runAs(tenant, () -> {
            for (long chunk = 0; chunk < data.customerChunks(); chunk++) {
                long c = chunk;
                load.load(
                        tenant,
                        sink -> data.customers(c, List.of(), (CustomerRecord r) -> {
                            if (r.number() % 997 == 0 && names.size() < LOOKUPS) {
                                names.add(r.displayName().substring(0, 2));
                            }
                            sink.accept(r);
                        }));
            }
        });
        var owner = new JdbcTemplate(context.getBean("ownerDataSource", DataSource.class));
        owner.execute("analyze customer");
        owner.execute("analyze customer_identity");
        System.out.printf(
                Locale.ROOT,
                "Customer lookups on %,d customers (loaded in %d s), %,d lookups each, page of %d:%n",
                customers,
                (System.nanoTime() - started) / 1_000_000_000,
                LOOKUPS,
                PAGE);
        var random = new SplittableRandom(7);
        var mobiles = new ArrayList<String>();
        for (int i = 0; i < LOOKUPS; i++) {
            mobiles.add(StandardDataSet.mobile(1 + random.nextLong(customers)));
        }
        var directory = context.getBean(CustomerDirectory.class);
        long t = tenant.value();
        report(
                "by mobile",
                time(
                        mobiles,
                        m -> Tenancy.callAs(
                                tenant,
                                () -> directory
                                        .search(query(m), PAGE, null)
                                        .items()
                                        .size())),
                time(
                        mobiles,
                        m -> owner.queryForList(
                                        "select c.id, c.display_name from customer_identity i join customer c"
                                                + " on c.tenant_id = i.tenant_id and c.id = i.customer_id"
                                                + " where i.tenant_id = ? and i.type = 'mobile' and i.value = ?",
                                        t,
                                        m)
                                .size()));
        report(
                "by name prefix",
                time(
                        names,
                        n -> Tenancy.callAs(
                                tenant,
                                () -> directory
                                        .search(query(n), PAGE, null)
                                        .items()
                                        .size())),
                time(
                        names,
                        n -> owner.queryForList(
                                        // The range a user writes to use the name index (LIKE cannot use it
                                        // in a non-C collation: each lookup would scan every row).
                                        "select id, display_name from customer where tenant_id = ? and survivor_id is null"
                                                + " and display_name collate \"C\" >= ? and display_name collate \"C\" < ?"
                                                + " order by display_name collate \"C\" limit ?",
                                        t,
                                        n,
                                        n + Character.toString(Character.MAX_CODE_POINT),
                                        PAGE)
                                .size()));
    }

    private static CustomerQuery query(String q) {
        return new CustomerQuery(q, null, null, null, null, null, null, Map.of());
    }

    /** Milliseconds per lookup, after a warm-up pass over the first tenth. */
    private static double[] time(List<String> inputs, Function<String, Integer> lookup) {
        inputs.subList(0, inputs.size() / 10).forEach(lookup::apply);
        var times = new double[inputs.size()];
        int found = 0;
        for (int i = 0; i < inputs.size(); i++) {
            long start = System.nanoTime();
            found += lookup.apply(inputs.get(i));
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        if (found == 0) {
            throw new IllegalStateException("no lookup found anything: the benchmark measures nothing");
        }
        Arrays.sort(times);
        return times;
    }

    private static void report(String what, double[] siyu, double[] plain) {
        System.out.printf(
                Locale.ROOT,
                "  %-15s Siyu p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms | plain SQL p50 %6.2f ms  p95 %6.2f ms | p50 ratio %.2f%n",
                what,
                pct(siyu, 50),
                pct(siyu, 95),
                pct(siyu, 99),
                pct(plain, 50),
                pct(plain, 95),
                pct(siyu, 50) / pct(plain, 50));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

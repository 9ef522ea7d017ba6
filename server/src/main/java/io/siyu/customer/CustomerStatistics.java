package io.siyu.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only figures about the current tenant's customers, for dashboards. */
@Service
public class CustomerStatistics {

    public record Totals(long total, long members, long newSince) {}

    public record DailyCount(LocalDate date, long count) {}

    public record Bucket(int key, long count) {}

    private final JdbcClient jdbc;

    CustomerStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Totals totals(Instant since) {
        return jdbc.sql("select count(*), count(*) filter (where member_level > 0),"
                        + " count(*) filter (where created_at >= ?) from customer")
                .param(java.sql.Timestamp.from(since))
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** New customers per calendar day in {@code zone}, from {@code since}; days without any are omitted. */
    @Transactional(readOnly = true)
    public List<DailyCount> dailyNew(Instant since, String zone) {
        return jdbc.sql("select (created_at at time zone ?)::date as day, count(*) from customer"
                        + " where created_at >= ? group by day order by day")
                .params(zone, java.sql.Timestamp.from(since))
                .query((rs, n) -> new DailyCount(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    /**
     * Quantile cut points over live customers who bought: days since the last purchase (in {@code zone}),
     * order count and GMV, at the given fractions (ascending).
     */
    public record PurchaseQuantiles(List<Integer> recencyDays, List<Integer> orders, List<java.math.BigDecimal> gmv) {}

    @Transactional(readOnly = true)
    public PurchaseQuantiles purchaseQuantiles(String zone, java.time.LocalDate today, double[] fractions) {
        var at = java.util.Arrays.stream(fractions).boxed().toArray(Double[]::new);
        return jdbc.sql(
                        "select percentile_disc(?::float8[]) within group (order by ? - (last_purchase_at at time zone ?)::date),"
                                + " percentile_disc(?::float8[]) within group (order by order_count),"
                                + " percentile_disc(?::float8[]) within group (order by gmv)"
                                + " from customer where survivor_id is null and last_purchase_at is not null")
                .params(at, today, zone, at, at)
                .query((rs, n) -> rs.getArray(1) == null
                        ? new PurchaseQuantiles(List.of(), List.of(), List.of())
                        : new PurchaseQuantiles(
                                List.of((Integer[]) rs.getArray(1).getArray()),
                                List.of((Integer[]) rs.getArray(2).getArray()),
                                List.of((java.math.BigDecimal[]) rs.getArray(3).getArray())))
                .optional()
                .orElse(new PurchaseQuantiles(List.of(), List.of(), List.of()));
    }

    @Transactional(readOnly = true)
    public List<Bucket> byMemberLevel() {
        return buckets("member_level");
    }

    @Transactional(readOnly = true)
    public List<Bucket> byGender() {
        return buckets("gender");
    }

    private List<Bucket> buckets(String column) {
        return jdbc.sql("select " + column + ", count(*) from customer group by 1 order by 1")
                .query((rs, n) -> new Bucket(rs.getInt(1), rs.getLong(2)))
                .list();
    }
}

package io.siyu.analytics;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 002's private-domain GMV = customer assets × reach rate × scene conversion × AOV, by staff, channel, store
 * or month, with each factor's share of the change between two periods.
 *
 * <p>Assets: customers with a live WeCom relation at some time in the period (added before its end, not lost
 * before its start). Reached: those of them who received a message in it. Buyers: those of them who paid an order
 * in it; GMV is those orders' net amount. So reach rate = reached ÷ assets, conversion = buyers ÷ reached, AOV
 * (客单价) = GMV ÷ buyers, and their product is the GMV exactly. The contributions are log-mean Divisia (LMDI):
 * each is L(GMV₁, GMV₀) × ln(f₁ ÷ f₀), and they add up to GMV₁ − GMV₀.
 */
@Service
public class GmvReport {

    static final int MAX_ROWS = 200;
    static final List<String> DIMENSIONS = List.of("total", "staff", "channel", "store", "month");

    public record Factors(
            long assets,
            long reached,
            long buyers,
            BigDecimal gmv,
            @Nullable BigDecimal reachRate,
            @Nullable BigDecimal conversion,
            @Nullable BigDecimal aov) {

        static final Factors NONE = of(0, 0, 0, BigDecimal.ZERO);

        static Factors of(long assets, long reached, long buyers, BigDecimal gmv) {
            return new Factors(
                    assets,
                    reached,
                    buyers,
                    gmv.setScale(2, RoundingMode.HALF_UP),
                    Metric.ratio(reached, assets),
                    Metric.ratio(buyers, reached),
                    Metric.per(gmv, buyers));
        }
    }

    /** Each factor's share of the change; all null when a factor is 0 in either period (no logarithm). */
    public record Contributions(
            @Nullable BigDecimal assets,
            @Nullable BigDecimal reachRate,
            @Nullable BigDecimal conversion,
            @Nullable BigDecimal aov) {

        static final Contributions NONE = new Contributions(null, null, null, null);
    }

    /** @param staff by staff: the row's staff filter value ({@code wecom:<userid>}); otherwise null */
    public record Row(
            String key,
            String label,
            Factors current,
            Factors previous,
            BigDecimal change,
            Contributions contributions,
            @Nullable String staff) {}

    public record Decomposition(
            String by, LocalDate from, LocalDate to, LocalDate compareFrom, LocalDate compareTo, List<Row> rows) {}

    private record Key(String key, String label) {}

    private final JdbcClient jdbc;
    private final CommerceFigures commerce;

    GmvReport(JdbcClient jdbc, CommerceFigures commerce) {
        this.jdbc = jdbc;
        this.commerce = commerce;
    }

    @Transactional(readOnly = true)
    public Decomposition decompose(Period period, Filters filters, @Nullable String by) {
        var dimension = by == null || by.isBlank() ? "total" : by;
        if (!DIMENSIONS.contains(dimension)) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem(
                            "by", "analytics.dimension.unknown", dimension, String.join(", ", DIMENSIONS))));
        }
        var rows = new ArrayList<Row>();
        var merges = commerce.merges();
        if (dimension.equals("month")) {
            for (var month : Grain.MONTH.buckets(period.from(), period.to())) {
                var before = month.start().minusMonths(1).withDayOfMonth(1);
                var current = figures(month.start(), month.end(), period, filters, "total", merges);
                var previous = figures(before, month.start().minusDays(1), period, filters, "total", merges);
                var key = new Key(
                        month.start().toString().substring(0, 7),
                        month.start().toString().substring(0, 7));
                rows.add(row(
                        key, current.getOrDefault(TOTAL, Factors.NONE), previous.getOrDefault(TOTAL, Factors.NONE)));
            }
        } else {
            var current = figures(period.from(), period.to(), period, filters, dimension, merges);
            var previous = figures(period.compareFrom(), period.compareTo(), period, filters, dimension, merges);
            var keys = new LinkedHashMap<String, Key>();
            current.keySet().forEach(k -> keys.put(k.key(), k));
            previous.keySet().forEach(k -> keys.putIfAbsent(k.key(), k));
            var byKeyNow = byKey(current);
            var byKeyBefore = byKey(previous);
            for (var key : keys.values()) {
                var row = row(
                        key,
                        byKeyNow.getOrDefault(key.key(), Factors.NONE),
                        byKeyBefore.getOrDefault(key.key(), Factors.NONE));
                rows.add(dimension.equals("staff") && !key.key().equals("none") ? staffRow(row) : row);
            }
            rows.sort(Comparator.comparing((Row r) -> r.current().gmv())
                    .reversed()
                    .thenComparing(Row::key));
        }
        return new Decomposition(
                dimension,
                period.from(),
                period.to(),
                period.compareFrom(),
                period.compareTo(),
                rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows);
    }

    private static final Key TOTAL = new Key("total", "total");

    private static Map<String, Factors> byKey(Map<Key, Factors> figures) {
        var map = new HashMap<String, Factors>();
        figures.forEach((k, v) -> map.put(k.key(), v));
        return map;
    }

    static Row row(Key key, Factors current, Factors previous) {
        var change = current.gmv().subtract(previous.gmv());
        return new Row(key.key(), key.label(), current, previous, change, contributions(current, previous), null);
    }

    private static Row staffRow(Row row) {
        return new Row(
                row.key(),
                row.label(),
                row.current(),
                row.previous(),
                row.change(),
                row.contributions(),
                "wecom:" + row.key());
    }

    /** LMDI contributions; none when a factor is 0 (or undefined) in either period, where logarithms do not exist. */
    static Contributions contributions(Factors now, Factors before) {
        var factorsNow = factors(now);
        var factorsBefore = factors(before);
        if (factorsNow == null || factorsBefore == null) {
            return Contributions.NONE;
        }
        double g1 = now.gmv().doubleValue();
        double g0 = before.gmv().doubleValue();
        double weight = g1 == g0 ? g1 : (g1 - g0) / (Math.log(g1) - Math.log(g0));
        var parts = new BigDecimal[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = BigDecimal.valueOf(weight * Math.log(factorsNow[i] / factorsBefore[i]))
                    .setScale(2, RoundingMode.HALF_UP);
        }
        // Rounding to cents may leave a cent or two: the largest part takes it, so the parts add up to the change.
        var rest = now.gmv()
                .subtract(before.gmv())
                .subtract(parts[0].add(parts[1]).add(parts[2]).add(parts[3]));
        int largest = 0;
        for (int i = 1; i < 4; i++) {
            if (parts[i].abs().compareTo(parts[largest].abs()) > 0) {
                largest = i;
            }
        }
        parts[largest] = parts[largest].add(rest);
        return new Contributions(parts[0], parts[1], parts[2], parts[3]);
    }

    private static double @Nullable [] factors(Factors f) {
        if (f.assets() == 0 || f.reached() == 0 || f.buyers() == 0 || f.gmv().signum() <= 0) {
            return null;
        }
        var gmv = f.gmv();
        return new double[] {
            f.assets(),
            (double) f.reached() / f.assets(),
            (double) f.buyers() / f.reached(),
            gmv.divide(BigDecimal.valueOf(f.buyers()), MathContext.DECIMAL64).doubleValue()
        };
    }

    /** Assets, reached, buyers and GMV per group, for the days from..to. */
    private Map<Key, Factors> figures(
            LocalDate from, LocalDate to, Period period, Filters filters, String dimension, Merges merges) {
        var start = Period.startOf(from, period.zone());
        var end = Period.startOf(to.plusDays(1), period.zone());
        var params = new ArrayList<Object>();
        var merged = merges.cte(params);
        params.addAll(List.of(end, start));
        var where = commerce.only("a.customer", filters, params);
        params.addAll(List.of(start, end, start, end));
        var key = switch (dimension) {
            case "staff" -> "w.user_id";
            case "channel" -> "coalesce(cc.parent_id, cc.id)::text";
            case "store" -> "cc.store";
            default -> "'total'";
        };
        var label = switch (dimension) {
            case "staff" -> "(select s.name from wecom_staff s where s.app_id = w.app_id and s.user_id = w.user_id)";
            case "channel" ->
                "(select r.name from wecom_channel_code r where r.tenant_id = cc.tenant_id and r.id = coalesce(cc.parent_id, cc.id))";
            case "store" -> "cc.store";
            default -> "'total'";
        };
        var figures = new LinkedHashMap<Key, Factors>();
        jdbc.sql("""
                        with %5$s,
                        assets as (
                            select distinct coalesce(%1$s, '') as key, coalesce(%2$s, '') as label,
                                   coalesce(m.survivor_id, w.customer_id) as customer
                            from wecom_contact w
                            left join merged m on m.id = w.customer_id
                            left join wecom_channel_code cc on cc.tenant_id = w.tenant_id and cc.id = w.channel_code_id
                            where w.added_at < ? and (w.lost_at is null or w.lost_at >= ?)),
                        filtered as (
                            select a.* from assets a where %3$s),
                        reached as (
                            select distinct coalesce(m.survivor_id, r.customer_id) as customer
                            from message_receipt r left join merged m on m.id = r.customer_id
                            where r.at >= ? and r.at < ?),
                        %4$s,
                        bought as (
                            select customer, sum(amount) as amount from paid group by customer)
                        select f.key, min(f.label), count(*), count(r.customer), count(b.customer),
                               coalesce(sum(b.amount), 0)
                        from filtered f
                        left join reached r on r.customer = f.customer
                        left join bought b on b.customer = f.customer
                        group by f.key""".formatted(key, label, where, CommerceFigures.PAID, merged))
                .params(params)
                .query(rs -> {
                    var k = rs.getString(1);
                    var l = rs.getString(2);
                    figures.put(
                            new Key(k.isEmpty() ? "none" : k, l == null || l.isEmpty() ? k : l),
                            Factors.of(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)));
                });
        return figures;
    }
}

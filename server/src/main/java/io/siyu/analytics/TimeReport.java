package io.siyu.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Figures over time: daily or weekly trends beside the comparison period, and retention cohorts. */
@Service
public class TimeReport {

    static final int MAX_PERIODS = 12;

    public record Point(
            LocalDate date,
            long wecomAdds,
            long lostCustomers,
            long activeCustomers,
            long buyers,
            long orders,
            BigDecimal gmv) {}

    public record Trends(String grain, List<Point> points, List<Point> previous) {}

    public record Retention(
            int period, long active, @Nullable BigDecimal rate) {}

    public record Cohort(LocalDate start, long size, JsonNode rule, List<Retention> periods) {}

    public record Cohorts(String grain, List<Cohort> cohorts) {}

    private final CustomerSets sets;
    private final CommerceFigures commerce;
    private final Periods periods;

    TimeReport(CustomerSets sets, CommerceFigures commerce, Periods periods) {
        this.sets = sets;
        this.commerce = commerce;
        this.periods = periods;
    }

    @Transactional(readOnly = true)
    public Trends trends(Period period, Filters filters, @Nullable String grainName) {
        var grain = Grain.parse(
                grainName, "grain", period.days() > 62 ? Grain.WEEK : Grain.DAY, List.of(Grain.DAY, Grain.WEEK));
        return new Trends(grain.json(), points(period, filters, grain), points(period.previous(), filters, grain));
    }

    private List<Point> points(Period period, Filters filters, Grain grain) {
        var buckets = grain.buckets(period.from(), period.to());
        var rules = new ArrayList<JsonNode>(buckets.size() * 3);
        for (var bucket : buckets) {
            rules.add(filters.narrow(Rules.did("wecom_add", bucket.start(), bucket.end())));
            rules.add(filters.narrow(Rules.did("wecom_loss", bucket.start(), bucket.end())));
            rules.add(filters.narrow(Rules.active(bucket.start(), bucket.end())));
        }
        var counts = sets.counts(rules);
        var money = commerce.buckets(buckets.stream().map(Grain.Bucket::start).toList(), period.to(), period, filters);
        var points = new ArrayList<Point>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            var sales = money.get(i);
            points.add(new Point(
                    buckets.get(i).start(),
                    counts[3 * i],
                    counts[3 * i + 1],
                    counts[3 * i + 2],
                    sales.buyers(),
                    sales.orders(),
                    sales.gmv()));
        }
        return points;
    }

    /**
     * Cohorts by the bucket of the customer's first WeCom add; a cohort's k-th period counts those of it with any
     * behaviour event in the k-th bucket after (0: its own), for buckets that have begun, at most {@value
     * #MAX_PERIODS} after.
     */
    @Transactional(readOnly = true)
    public Cohorts cohorts(Period period, Filters filters, @Nullable String grainName) {
        var grain = Grain.parse(grainName, "grain", Grain.WEEK, List.of(Grain.WEEK, Grain.MONTH));
        var today = periods.today();
        var cohorts = grain.buckets(period.from(), period.to());
        var activity = grain.buckets(period.from(), today);
        var rules = new ArrayList<JsonNode>();
        for (var bucket : cohorts) {
            rules.add(filters.narrow(Rules.firstAdd(bucket.start(), bucket.end())));
        }
        for (var bucket : activity) {
            rules.add(Rules.active(bucket.start(), bucket.end()));
        }
        var members = sets.members(rules);
        var result = new ArrayList<Cohort>(cohorts.size());
        for (int c = 0; c < cohorts.size(); c++) {
            var cohort = members.get(c);
            var retention = new ArrayList<Retention>();
            for (int k = 0; k <= MAX_PERIODS && c + k < activity.size(); k++) {
                long active = RoaringBitmap.andCardinality(cohort, members.get(cohorts.size() + c + k));
                retention.add(new Retention(k, active, Metric.ratio(active, cohort.getLongCardinality())));
            }
            result.add(new Cohort(cohorts.get(c).start(), cohort.getLongCardinality(), rules.get(c), retention));
        }
        return new Cohorts(grain.json(), result);
    }
}

package io.siyu.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Channel ROI and CAC against LTV. A channel's customers are those whose profile names it as their source and
 * whose first WeCom add falls in the period; their LTV is what they have paid from the period's start until now
 * (net of refunds), per customer.
 */
@Service
public class ChannelReport {

    public record Row(
            String channel,
            long adds,
            @Nullable BigDecimal spend,
            @Nullable BigDecimal cac,
            long buyers,
            BigDecimal gmv,
            @Nullable BigDecimal ltv,
            @Nullable BigDecimal roi) {}

    public record Channels(List<Row> rows) {}

    private final JdbcClient jdbc;
    private final CommerceFigures commerce;
    private final CustomerSets sets;

    ChannelReport(JdbcClient jdbc, CommerceFigures commerce, CustomerSets sets) {
        this.jdbc = jdbc;
        this.commerce = commerce;
        this.sets = sets;
    }

    @Transactional(readOnly = true)
    public Channels channels(Period period) {
        var cohort = cohort(period);
        var spend = new LinkedHashMap<>(commerce.spend(period));
        var rows = new ArrayList<Row>();
        jdbc.sql("with " + CommerceFigures.MERGED + ", " + CommerceFigures.PAID + """
                        ,
                        cohort as (select * from unnest(?::bigint[], ?::text[]) as k(customer, channel)),
                        earned as (
                            select customer, sum(amount) as amount from paid group by customer)
                        select k.channel, count(*), count(v.customer), coalesce(sum(v.amount), 0)
                        from cohort k left join earned v on v.customer = k.customer
                        group by k.channel order by 2 desc, 1""")
                .params(
                        period.start(),
                        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(86_400)),
                        cohort.customers(),
                        cohort.channels())
                .query(rs -> {
                    var channel = rs.getString(1);
                    var gmv = rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP);
                    rows.add(row(
                            channel.isEmpty() ? "none" : channel,
                            rs.getLong(2),
                            spend.remove(channel),
                            rs.getLong(3),
                            gmv));
                });
        spend.forEach((channel, cost) -> rows.add(row(channel, 0, cost, 0, BigDecimal.ZERO.setScale(2))));
        return new Channels(rows);
    }

    /** The period's first adds, each with the source channel on their profile ("" for none). */
    private record Cohort(Long[] customers, String[] channels) {}

    /** From the segment index, a set per channel: reading each customer's row made this the report's slowest part. */
    private Cohort cohort(Period period) {
        var firstAdds = Rules.firstAdd(period.from(), period.to());
        var names = sets.values("sourceChannel").stream().map(Object::toString).toList();
        var rules = new ArrayList<JsonNode>();
        rules.add(firstAdds);
        names.forEach(name -> rules.add(Rules.and(firstAdds, Filters.attribute("sourceChannel", name))));
        var members = sets.members(rules);
        var all = members.getFirst();
        var customers = new Long[all.getCardinality()];
        var channels = new String[customers.length];
        int i = 0;
        var named = new RoaringBitmap();
        for (int c = 0; c < names.size(); c++) {
            var channel = members.get(c + 1);
            named.or(channel);
            for (var it = channel.getIntIterator(); it.hasNext(); i++) {
                customers[i] = (long) it.next();
                channels[i] = names.get(c);
            }
        }
        for (var it = RoaringBitmap.andNot(all, named).getIntIterator(); it.hasNext(); i++) {
            customers[i] = (long) it.next();
            channels[i] = "";
        }
        return new Cohort(customers, channels);
    }

    private static Row row(String channel, long adds, @Nullable BigDecimal spend, long buyers, BigDecimal gmv) {
        return new Row(
                channel,
                adds,
                spend,
                Metric.per(spend, adds),
                buyers,
                gmv,
                Metric.per(gmv, adds),
                spend == null || spend.signum() == 0 ? null : gmv.divide(spend, 2, java.math.RoundingMode.HALF_UP));
    }
}

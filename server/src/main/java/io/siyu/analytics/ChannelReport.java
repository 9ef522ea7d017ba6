package io.siyu.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel ROI and CAC against LTV. A channel's customers are those whose profile names it as their source and
 * whose first WeCom add falls in the period; their LTV is what they have paid since (net of refunds), per customer.
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

    ChannelReport(JdbcClient jdbc, CommerceFigures commerce) {
        this.jdbc = jdbc;
        this.commerce = commerce;
    }

    @Transactional(readOnly = true)
    public Channels channels(Period period) {
        var spend = new LinkedHashMap<>(commerce.spend(period));
        var rows = new ArrayList<Row>();
        jdbc.sql("""
                        with firsts as (
                            select coalesce(h.survivor_id, h.id) as customer, min(w.added_at) as added_at
                            from wecom_contact w join customer h on h.tenant_id = w.tenant_id and h.id = w.customer_id
                            group by 1),
                        cohort as (
                            select f.customer, f.added_at, coalesce(c.source_channel, '') as channel
                            from firsts f join customer c on c.id = f.customer
                            where f.added_at >= ? and f.added_at < ?),
                        paid as (
                            select coalesce(h.survivor_id, h.id) as customer, o.paid_at,
                                   o.paid_amount - o.refunded_amount as amount
                            from customer_order o join customer h on h.tenant_id = o.tenant_id and h.id = o.customer_id
                            where o.paid_at >= ?),
                        earned as (
                            select k.customer, sum(p.amount) as amount
                            from cohort k join paid p on p.customer = k.customer and p.paid_at >= k.added_at
                            group by k.customer)
                        select k.channel, count(*), count(v.customer), coalesce(sum(v.amount), 0)
                        from cohort k left join earned v on v.customer = k.customer
                        group by k.channel order by 2 desc, 1""").params(period.start(), period.end(), period.start()).query(rs -> {
            var channel = rs.getString(1);
            long adds = rs.getLong(2);
            var gmv = rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP);
            var cost = spend.remove(channel);
            rows.add(row(channel.isEmpty() ? "none" : channel, adds, cost, rs.getLong(3), gmv));
        });
        spend.forEach((channel, cost) -> rows.add(row(channel, 0, cost, 0, BigDecimal.ZERO.setScale(2))));
        return new Channels(rows);
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

package io.siyu.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Channel ROI and CAC against LTV. A channel's customers are those whose profile names it as their source and
 * whose first WeCom add falls in the period; their LTV is what they have paid from the period's start until now
 * (net of refunds), per customer, summed from the {@link OrderLedger}'s days since the period's start.
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

    private final CommerceFigures commerce;
    private final CustomerSets sets;
    private final OrderLedger ledger;

    ChannelReport(CommerceFigures commerce, CustomerSets sets, OrderLedger ledger) {
        this.commerce = commerce;
        this.sets = sets;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public Channels channels(Period period) {
        var cohort = cohort(period);
        var spend = new LinkedHashMap<>(commerce.spend(period));
        var earned = ledger.perCustomer(
                period.from(),
                LocalDate.now(period.zone()).plusDays(1),
                period.zone(),
                cohort.all(),
                commerce.merges().survivors());
        var rows = new ArrayList<Row>();
        var named = new ArrayList<>(cohort.channels().entrySet());
        named.sort(Comparator.comparing(
                        (Map.Entry<String, RoaringBitmap> e) -> -e.getValue().getLongCardinality())
                .thenComparing(Map.Entry::getKey));
        for (var entry : named) {
            var channel = entry.getKey();
            var customers = entry.getValue();
            long cents = 0;
            for (var it = customers.getIntIterator(); it.hasNext(); ) {
                cents += earned.cents().getOrDefault(it.next(), 0L);
            }
            rows.add(row(
                    channel.isEmpty() ? "none" : channel,
                    customers.getLongCardinality(),
                    spend.remove(channel),
                    RoaringBitmap.andCardinality(customers, earned.buyers()),
                    BigDecimal.valueOf(cents, 2)));
        }
        spend.forEach((channel, cost) -> rows.add(row(channel, 0, cost, 0, BigDecimal.ZERO.setScale(2))));
        return new Channels(rows);
    }

    /** The period's first adds, and of them those with each source channel on their profile ("" for none). */
    private record Cohort(RoaringBitmap all, Map<String, RoaringBitmap> channels) {}

    /** From the segment index, a set per channel: reading each customer's row made this the report's slowest part. */
    private Cohort cohort(Period period) {
        var firstAdds = Rules.firstAdd(period.from(), period.to());
        var names = sets.values("sourceChannel").stream().map(Object::toString).toList();
        var rules = new ArrayList<JsonNode>();
        rules.add(firstAdds);
        names.forEach(name -> rules.add(Rules.and(firstAdds, Filters.attribute("sourceChannel", name))));
        var members = sets.members(rules);
        var all = members.getFirst();
        var channels = new HashMap<String, RoaringBitmap>();
        var none = all.clone();
        for (int c = 0; c < names.size(); c++) {
            var channel = members.get(c + 1);
            none.andNot(channel);
            if (!channel.isEmpty()) {
                channels.put(names.get(c), channel);
            }
        }
        if (!none.isEmpty()) {
            channels.put("", none);
        }
        return new Cohort(all, channels);
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

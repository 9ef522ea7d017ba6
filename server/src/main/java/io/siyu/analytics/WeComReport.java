package io.siyu.analytics;

import io.siyu.wecom.WeComBehaviour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's three WeCom rates against the tenant's baselines, and each staff member's relations over the period.
 *
 * <p>引流成功率 (acquisition) = customers who added a staff member ÷ landing-page visitors; 服务成功率 (service) =
 * customers who sent a message ÷ customer assets at the end; 变现成功率 (monetisation) = those served who also
 * bought ÷ those served.
 */
@Service
public class WeComReport {

    public record Rate(
            String key,
            @Nullable BigDecimal value,
            long numerator,
            long denominator,
            BigDecimal baseline,
            boolean below,
            JsonNode rule) {}

    /**
     * One staff member's period: relations from Siyu's own records; chats, messages, reply rate and time from
     * WeCom's 联系客户统计 (null when WeCom gave none for the period). {@code staff} is the row's staff filter value
     * ({@code wecom:<userid>}).
     */
    public record StaffKpi(
            String staff,
            String userId,
            String name,
            long newCustomers,
            long lostCustomers,
            long customers,
            @Nullable BigDecimal dailyNew,
            @Nullable Long chats,
            @Nullable Long messages,
            @Nullable BigDecimal replyRate,
            @Nullable BigDecimal avgReplyMinutes,
            @Nullable Long negativeFeedback) {}

    public record Day(
            LocalDate date,
            long newCustomers,
            long lostCustomers,
            @Nullable Long chats,
            @Nullable Long messages) {}

    public record Funnel(List<Rate> rates, List<StaffKpi> staff, List<Day> days) {}

    private final CustomerSets sets;
    private final AnalyticsSettings settings;
    private final WeComBehaviour behaviour;
    private final JdbcClient jdbc;

    WeComReport(CustomerSets sets, AnalyticsSettings settings, WeComBehaviour behaviour, JdbcClient jdbc) {
        this.sets = sets;
        this.settings = settings;
        this.behaviour = behaviour;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(Period period, Filters filters) {
        var from = period.from();
        var to = period.to();
        var served = Rules.did("message", from, to);
        var rules = List.<JsonNode>of(
                filters.narrow(Rules.did("view", from, to)),
                filters.narrow(Rules.did("wecom_add", from, to)),
                filters.narrow(Rules.asset(to)),
                filters.narrow(served),
                filters.narrow(Rules.and(served, Rules.did("purchase", from, to))));
        var counts = sets.counts(rules);
        var baselines = settings.get().baselines();
        var rates = List.of(
                rate("acquisition", counts[1], counts[0], baselines.acquisition(), rules.get(1)),
                rate("service", counts[3], counts[2], baselines.service(), rules.get(3)),
                rate("monetisation", counts[4], counts[3], baselines.monetisation(), rules.get(4)));
        var figures = behaviour.days(from, to, null);
        return new Funnel(rates, staff(period, figures), days(period, filters, figures));
    }

    private static Rate rate(String key, long numerator, long denominator, BigDecimal baseline, JsonNode rule) {
        var value = Metric.ratio(numerator, denominator);
        return new Rate(
                key, value, numerator, denominator, baseline, value != null && value.compareTo(baseline) < 0, rule);
    }

    /** Sums of a staff member's (or a day's) 联系客户统计; the reply figures averaged over the days that have them. */
    private static final class Sums {
        long chats;
        long messages;
        long negative;
        BigDecimal replyPercent = BigDecimal.ZERO;
        int replyDays;
        BigDecimal replyMinutes = BigDecimal.ZERO;
        int minuteDays;

        void add(WeComBehaviour.StaffDay day) {
            chats += day.chats() == null ? 0 : day.chats();
            messages += day.messages() == null ? 0 : day.messages();
            negative += day.negativeFeedback() == null ? 0 : day.negativeFeedback();
            if (day.replyPercentage() != null) {
                replyPercent = replyPercent.add(BigDecimal.valueOf(day.replyPercentage()));
                replyDays++;
            }
            if (day.avgReplyMinutes() != null) {
                replyMinutes = replyMinutes.add(BigDecimal.valueOf(day.avgReplyMinutes()));
                minuteDays++;
            }
        }

        @Nullable
        BigDecimal replyRate() {
            return replyDays == 0
                    ? null
                    : replyPercent.divide(BigDecimal.valueOf(100L * replyDays), 4, java.math.RoundingMode.HALF_UP);
        }

        @Nullable
        BigDecimal avgReplyMinutes() {
            return minuteDays == 0
                    ? null
                    : replyMinutes.divide(BigDecimal.valueOf(minuteDays), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    private List<StaffKpi> staff(Period period, List<WeComBehaviour.StaffDay> figures) {
        var sums = new java.util.HashMap<String, Sums>();
        figures.forEach(
                day -> sums.computeIfAbsent(day.userId(), k -> new Sums()).add(day));
        var days = BigDecimal.valueOf(period.days());
        return jdbc.sql("""
                        select s.user_id, min(s.name),
                               count(distinct w.customer_id) filter (where w.added_at >= ? and w.added_at < ?),
                               count(distinct w.customer_id) filter (where w.lost_at >= ? and w.lost_at < ?),
                               count(distinct w.customer_id) filter (where w.added_at < ? and (w.lost_at is null or w.lost_at >= ?))
                        from wecom_staff s
                        left join wecom_contact w on w.tenant_id = s.tenant_id and w.app_id = s.app_id and w.user_id = s.user_id
                        where not s.removed
                        group by s.user_id
                        order by 3 desc, 1""")
                .params(period.start(), period.end(), period.start(), period.end(), period.end(), period.end())
                .query((rs, n) -> {
                    var figured = sums.get(rs.getString(1));
                    return new StaffKpi(
                            "wecom:" + rs.getString(1),
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            BigDecimal.valueOf(rs.getLong(3)).divide(days, 2, java.math.RoundingMode.HALF_UP),
                            figured == null ? null : figured.chats,
                            figured == null ? null : figured.messages,
                            figured == null ? null : figured.replyRate(),
                            figured == null ? null : figured.avgReplyMinutes(),
                            figured == null ? null : figured.negative);
                })
                .list();
    }

    /** Per day: customers who added and who lost a staff member (as the funnel counts them), and WeCom's chats. */
    private List<Day> days(Period period, Filters filters, List<WeComBehaviour.StaffDay> figures) {
        var sums = new java.util.HashMap<LocalDate, Sums>();
        figures.forEach(day -> sums.computeIfAbsent(day.day(), k -> new Sums()).add(day));
        var rules = new ArrayList<JsonNode>();
        for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            rules.add(filters.narrow(Rules.did("wecom_add", day, day)));
            rules.add(filters.narrow(Rules.did("wecom_loss", day, day)));
        }
        var counts = sets.counts(rules);
        var days = new ArrayList<Day>();
        int i = 0;
        for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1), i += 2) {
            var figured = sums.get(day);
            days.add(new Day(
                    day,
                    counts[i],
                    counts[i + 1],
                    figured == null ? null : figured.chats,
                    figured == null ? null : figured.messages));
        }
        return days;
    }
}

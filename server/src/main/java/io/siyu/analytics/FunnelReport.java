package io.siyu.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The AARRR funnel with seed 000's figures per stage, for a period and its comparison period. */
@Service
public class FunnelReport {

    public record Stage(String key, List<Metric> metrics) {}

    public record Funnel(
            LocalDate from, LocalDate to, LocalDate compareFrom, LocalDate compareTo, List<Stage> stages) {}

    /** The customer sets the funnel counts, in this order. */
    enum Set {
        LANDING_UV("landingUv"),
        WECOM_ADDS("wecomAdds"),
        FIRST_INTERACTIONS("firstInteractions"),
        WELCOME_REPLIES("welcomeReplies"),
        ACTIVE("activeCustomers"),
        SILENT("silentCustomers"),
        LOST("lostCustomers"),
        ASSETS("assets"),
        BUYERS("buyers"),
        SHARERS("sharers");

        final String key;

        Set(String key) {
            this.key = key;
        }

        JsonNode rule(Period p) {
            return switch (this) {
                case LANDING_UV -> Rules.did("view", p.from(), p.to());
                case WECOM_ADDS -> Rules.did("wecom_add", p.from(), p.to());
                case FIRST_INTERACTIONS ->
                    Rules.and(Rules.did("wecom_add", p.from(), p.to()), Rules.active(p.from(), p.to().plusDays(7)));
                case WELCOME_REPLIES ->
                    Rules.and(
                            Rules.did("wecom_add", p.from(), p.to()),
                            Rules.did("message", p.from(), p.to().plusDays(1)));
                case ACTIVE -> Rules.active(p.from(), p.to());
                case SILENT -> Rules.and(Rules.asset(p.to()), Rules.not(Rules.active(p.to().minusDays(29), p.to())));
                case LOST -> Rules.did("wecom_loss", p.from(), p.to());
                case ASSETS -> Rules.asset(p.to());
                case BUYERS -> Rules.did("purchase", p.from(), p.to());
                case SHARERS -> Rules.did("share", p.from(), p.to());
            };
        }
    }

    private final CustomerSets sets;
    private final CommerceFigures commerce;

    FunnelReport(CustomerSets sets, CommerceFigures commerce) {
        this.sets = sets;
        this.commerce = commerce;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(Period period, Filters filters) {
        var rules = new ArrayList<JsonNode>();
        for (var p : List.of(period, period.previous())) {
            for (var set : Set.values()) {
                rules.add(filters.narrow(set.rule(p)));
            }
        }
        var counts = sets.counts(rules);
        var merges = commerce.merges();
        var trials = commerce.trialCounts();
        var now = new Figures(counts, 0, period, filters, merges, trials);
        var before = new Figures(counts, Set.values().length, period.previous(), filters, merges, trials);
        var both = new Both(now, before, rules.subList(0, Set.values().length));
        var revenueNow = now.revenue;
        var revenueBefore = before.revenue;
        return new Funnel(
                period.from(),
                period.to(),
                period.compareFrom(),
                period.compareTo(),
                List.of(
                        new Stage(
                                "acquisition",
                                List.of(
                                        both.count(Set.LANDING_UV),
                                        both.count(Set.WECOM_ADDS),
                                        both.share("addRate", Set.WECOM_ADDS, Set.LANDING_UV),
                                        Metric.money("spend", now.spend, before.spend),
                                        Metric.money("cac", now.cac(), before.cac()))),
                        new Stage(
                                "activation",
                                List.of(
                                        both.count(Set.FIRST_INTERACTIONS),
                                        both.share("activationRate", Set.FIRST_INTERACTIONS, Set.WECOM_ADDS),
                                        both.count(Set.WELCOME_REPLIES),
                                        both.share("welcomeReplyRate", Set.WELCOME_REPLIES, Set.WECOM_ADDS))),
                        new Stage(
                                "retention",
                                List.of(
                                        both.count(Set.ACTIVE),
                                        both.count(Set.SILENT),
                                        both.count(Set.LOST),
                                        both.count(Set.ASSETS))),
                        new Stage(
                                "revenue",
                                List.of(
                                        Metric.count(
                                                "buyers",
                                                revenueNow.buyers(),
                                                revenueBefore.buyers(),
                                                both.rule(Set.BUYERS)),
                                        // orders and money open the customers who paid them
                                        Metric.count(
                                                "orders",
                                                revenueNow.orders(),
                                                revenueBefore.orders(),
                                                both.rule(Set.BUYERS)),
                                        Metric.money(
                                                "gmv", revenueNow.gmv(), revenueBefore.gmv(), both.rule(Set.BUYERS)),
                                        Metric.money(
                                                "aov",
                                                Metric.per(revenueNow.gmv(), revenueNow.buyers()),
                                                Metric.per(revenueBefore.gmv(), revenueBefore.buyers()),
                                                both.rule(Set.BUYERS)),
                                        Metric.ratio(
                                                "repurchaseRate",
                                                Metric.ratio(revenueNow.repeatBuyers(), revenueNow.buyers()),
                                                Metric.ratio(revenueBefore.repeatBuyers(), revenueBefore.buyers()),
                                                filters.narrow(Rules.repeatBuyers(period.from(), period.to()))),
                                        Metric.count(
                                                "trialCustomers", now.trials.customers(), before.trials.customers()),
                                        Metric.ratio(
                                                "trialToPaid",
                                                Metric.ratio(now.trials.converted(), now.trials.customers()),
                                                Metric.ratio(before.trials.converted(), before.trials.customers())))),
                        new Stage(
                                "referral",
                                List.of(
                                        both.count(Set.SHARERS),
                                        both.share("shareRate", Set.SHARERS, Set.ACTIVE),
                                        Metric.count("referredCustomers", now.referred, before.referred),
                                        Metric.number(
                                                "kFactor",
                                                Metric.ratio(now.referred, now.get(Set.ACTIVE)),
                                                Metric.ratio(before.referred, before.get(Set.ACTIVE)))))));
    }

    /** A counted set's figure in both periods, with the rule of the period's customers. */
    private record Both(Figures now, Figures before, List<JsonNode> rules) {

        JsonNode rule(Set set) {
            return rules.get(set.ordinal());
        }

        Metric count(Set set) {
            return Metric.count(set.key, now.get(set), before.get(set), rule(set));
        }

        Metric share(String key, Set part, Set whole) {
            return Metric.ratio(key, now.of(part, whole), before.of(part, whole), rule(part));
        }
    }

    /** One period's figures: the counted sets and the SQL figures. */
    private final class Figures {
        private final long[] counts;
        private final int offset;
        final CommerceFigures.Revenue revenue;
        final CommerceFigures.Trials trials;
        final long referred;
        final @Nullable BigDecimal spend;

        Figures(
                long[] counts,
                int offset,
                Period period,
                Filters filters,
                Merges merges,
                CommerceFigures.TrialCounts trialCounts) {
            this.counts = counts;
            this.offset = offset;
            this.revenue = commerce.revenue(period, filters, merges);
            this.trials = trialCounts.of(period, filters, merges);
            this.referred = commerce.referred(period, filters, merges);
            this.spend = filters.staff() != null ? null : spend(commerce.spend(period), filters.channel());
        }

        long get(Set set) {
            return counts[offset + set.ordinal()];
        }

        @Nullable
        BigDecimal of(Set part, Set whole) {
            return Metric.ratio(get(part), get(whole));
        }

        @Nullable
        BigDecimal addRate() {
            return of(Set.WECOM_ADDS, Set.LANDING_UV);
        }

        @Nullable
        BigDecimal cac() {
            return Metric.per(spend, get(Set.WECOM_ADDS));
        }
    }

    /** The period's spend on one channel, or on all. */
    static BigDecimal spend(java.util.Map<String, BigDecimal> byChannel, @Nullable String channel) {
        if (channel != null) {
            return byChannel.getOrDefault(channel, BigDecimal.ZERO);
        }
        return byChannel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

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
        LANDING_UV,
        WECOM_ADDS,
        FIRST_INTERACTIONS,
        WELCOME_REPLIES,
        ACTIVE,
        SILENT,
        LOST,
        ASSETS,
        BUYERS,
        SHARERS;

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
        var now = new Figures(counts, 0, period, filters);
        var before = new Figures(counts, Set.values().length, period.previous(), filters);
        var shown = rules.subList(0, Set.values().length);
        return new Funnel(
                period.from(),
                period.to(),
                period.compareFrom(),
                period.compareTo(),
                List.of(
                        new Stage(
                                "acquisition",
                                List.of(
                                        Metric.count(
                                                "landingUv",
                                                now.get(Set.LANDING_UV),
                                                before.get(Set.LANDING_UV),
                                                shown.get(Set.LANDING_UV.ordinal())),
                                        Metric.count(
                                                "wecomAdds",
                                                now.get(Set.WECOM_ADDS),
                                                before.get(Set.WECOM_ADDS),
                                                shown.get(Set.WECOM_ADDS.ordinal())),
                                        Metric.ratio("addRate", now.addRate(), before.addRate()),
                                        Metric.money("spend", now.spend, before.spend),
                                        Metric.money("cac", now.cac(), before.cac()))),
                        new Stage(
                                "activation",
                                List.of(
                                        Metric.count(
                                                "firstInteractions",
                                                now.get(Set.FIRST_INTERACTIONS),
                                                before.get(Set.FIRST_INTERACTIONS),
                                                shown.get(Set.FIRST_INTERACTIONS.ordinal())),
                                        Metric.ratio(
                                                "activationRate",
                                                now.of(Set.FIRST_INTERACTIONS, Set.WECOM_ADDS),
                                                before.of(Set.FIRST_INTERACTIONS, Set.WECOM_ADDS)),
                                        Metric.count(
                                                "welcomeReplies",
                                                now.get(Set.WELCOME_REPLIES),
                                                before.get(Set.WELCOME_REPLIES),
                                                shown.get(Set.WELCOME_REPLIES.ordinal())),
                                        Metric.ratio(
                                                "welcomeReplyRate",
                                                now.of(Set.WELCOME_REPLIES, Set.WECOM_ADDS),
                                                before.of(Set.WELCOME_REPLIES, Set.WECOM_ADDS)))),
                        new Stage(
                                "retention",
                                List.of(
                                        Metric.count(
                                                "activeCustomers",
                                                now.get(Set.ACTIVE),
                                                before.get(Set.ACTIVE),
                                                shown.get(Set.ACTIVE.ordinal())),
                                        Metric.count(
                                                "silentCustomers",
                                                now.get(Set.SILENT),
                                                before.get(Set.SILENT),
                                                shown.get(Set.SILENT.ordinal())),
                                        Metric.count(
                                                "lostCustomers",
                                                now.get(Set.LOST),
                                                before.get(Set.LOST),
                                                shown.get(Set.LOST.ordinal())),
                                        Metric.count(
                                                "assets",
                                                now.get(Set.ASSETS),
                                                before.get(Set.ASSETS),
                                                shown.get(Set.ASSETS.ordinal())))),
                        new Stage(
                                "revenue",
                                List.of(
                                        Metric.count(
                                                "buyers",
                                                now.revenue.buyers(),
                                                before.revenue.buyers(),
                                                shown.get(Set.BUYERS.ordinal())),
                                        Metric.count("orders", now.revenue.orders(), before.revenue.orders()),
                                        Metric.money("gmv", now.revenue.gmv(), before.revenue.gmv()),
                                        Metric.money(
                                                "aov",
                                                Metric.per(now.revenue.gmv(), now.revenue.buyers()),
                                                Metric.per(before.revenue.gmv(), before.revenue.buyers())),
                                        Metric.ratio(
                                                "repurchaseRate",
                                                Metric.ratio(now.revenue.repeatBuyers(), now.revenue.buyers()),
                                                Metric.ratio(before.revenue.repeatBuyers(), before.revenue.buyers())),
                                        Metric.count(
                                                "trialCustomers", now.trials.customers(), before.trials.customers()),
                                        Metric.ratio(
                                                "trialToPaid",
                                                Metric.ratio(now.trials.converted(), now.trials.customers()),
                                                Metric.ratio(before.trials.converted(), before.trials.customers())))),
                        new Stage(
                                "referral",
                                List.of(
                                        Metric.count(
                                                "sharers",
                                                now.get(Set.SHARERS),
                                                before.get(Set.SHARERS),
                                                shown.get(Set.SHARERS.ordinal())),
                                        Metric.ratio(
                                                "shareRate",
                                                now.of(Set.SHARERS, Set.ACTIVE),
                                                before.of(Set.SHARERS, Set.ACTIVE)),
                                        Metric.count("referredCustomers", now.referred, before.referred),
                                        Metric.number(
                                                "kFactor",
                                                Metric.ratio(now.referred, now.get(Set.ACTIVE)),
                                                Metric.ratio(before.referred, before.get(Set.ACTIVE)))))));
    }

    /** One period's figures: the counted sets and the SQL figures. */
    private final class Figures {
        private final long[] counts;
        private final int offset;
        final CommerceFigures.Revenue revenue;
        final CommerceFigures.Trials trials;
        final long referred;
        final @Nullable BigDecimal spend;

        Figures(long[] counts, int offset, Period period, Filters filters) {
            this.counts = counts;
            this.offset = offset;
            this.revenue = commerce.revenue(period, filters);
            this.trials = commerce.trials(period, filters);
            this.referred = commerce.referred(period, filters);
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

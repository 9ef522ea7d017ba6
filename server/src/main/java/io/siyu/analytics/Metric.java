package io.siyu.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One figure of a report, for the period and the comparison period.
 *
 * @param kind {@code count}, {@code ratio} (a fraction), {@code money} (yuan) or {@code number}
 * @param rule the customers counted (for a share, those of its numerator), as a segment rule; null when the figure
 *     counts no set of customers
 */
public record Metric(
        String key,
        String kind,
        @Nullable BigDecimal value,
        @Nullable BigDecimal previous,
        @Nullable JsonNode rule) {

    static Metric count(String key, long value, long previous, JsonNode rule) {
        return new Metric(key, "count", BigDecimal.valueOf(value), BigDecimal.valueOf(previous), rule);
    }

    static Metric count(String key, long value, long previous) {
        return new Metric(key, "count", BigDecimal.valueOf(value), BigDecimal.valueOf(previous), null);
    }

    static Metric ratio(String key, @Nullable BigDecimal value, @Nullable BigDecimal previous) {
        return new Metric(key, "ratio", value, previous, null);
    }

    /** A share whose numerator is a set of customers: the rule opens those customers. */
    static Metric ratio(String key, @Nullable BigDecimal value, @Nullable BigDecimal previous, JsonNode numerator) {
        return new Metric(key, "ratio", value, previous, numerator);
    }

    static Metric money(String key, @Nullable BigDecimal value, @Nullable BigDecimal previous) {
        return new Metric(key, "money", money(value), money(previous), null);
    }

    /** A money figure whose customers are those of {@code rule} (GMV and AOV: the period's buyers). */
    static Metric money(String key, @Nullable BigDecimal value, @Nullable BigDecimal previous, JsonNode rule) {
        return new Metric(key, "money", money(value), money(previous), rule);
    }

    static Metric number(String key, @Nullable BigDecimal value, @Nullable BigDecimal previous) {
        return new Metric(key, "number", value, previous, null);
    }

    /** A ÷ b to four places; null when b is 0. */
    static @Nullable BigDecimal ratio(long a, long b) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, RoundingMode.HALF_UP);
    }

    /** Money ÷ a count, in yuan to two places; null when the count is 0. */
    static @Nullable BigDecimal per(@Nullable BigDecimal amount, long count) {
        return amount == null || count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal money(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}

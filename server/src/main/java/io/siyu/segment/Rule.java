package io.siyu.segment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A segment rule, parsed and checked ({@link RuleParser}). Relative dates and windows stay relative here and
 * are resolved against "today" in the tenant's time zone at each evaluation, so a saved rule stays right as
 * days pass.
 */
sealed interface Rule {

    /** Every one of the rules (AND). */
    record All(List<Rule> rules) implements Rule {}

    /** At least one of the rules (OR). */
    record Any(List<Rule> rules) implements Rule {}

    /** Every live customer the rule does not select. */
    record Not(Rule rule) implements Rule {}

    /**
     * A profile field compared with values: {@link Long} for categories, numbers (money in cents) and
     * booleans (0/1), {@link String} for texts and text categories, {@link DateValue} for dates.
     */
    record Attribute(Field field, Op op, List<Object> values) implements Rule {}

    /** Tags carried: any of, all of, or none of the given tags. */
    record Tags(TagMode mode, List<Integer> tagIds) implements Rule {}

    /**
     * Did (or did not) do an event of {@code type} (any type when null) within {@code window}, optionally
     * only counting events whose property matches, at least / at most a number of times, with a sum of a
     * property, or with the first / last such event inside the window.
     */
    record Event(
            @Nullable Integer type,
            boolean did,
            Window window,
            int atLeast,
            @Nullable Integer atMost,
            @Nullable PropertyMatch where,
            @Nullable Sum sum,
            Timing timing)
            implements Rule {

        /** What the bitmap index answers without SQL: did / did not, type and window only. */
        boolean simple() {
            return atLeast <= 1 && atMost == null && where == null && sum == null && timing == Timing.ANY;
        }
    }

    enum Op {
        EQ,
        NEQ,
        IN,
        NOT_IN,
        GT,
        GTE,
        LT,
        LTE,
        BETWEEN,
        CONTAINS,
        ALL,
        IS_SET,
        IS_NOT_SET;

        /** The operator's name in the rule JSON ({@code notIn}, {@code isSet}). */
        String json() {
            var parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
            var name = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return name.toString();
        }
    }

    enum TagMode {
        ANY,
        ALL,
        NONE
    }

    /** Whether any matching event counts, or only the customer's first or last one must fall in the window. */
    enum Timing {
        ANY,
        FIRST,
        LAST
    }

    /** A date given as a calendar day or as "n days before today" (today is 0). */
    record DateValue(@Nullable LocalDate date, int daysAgo) {
        LocalDate resolve(LocalDate today) {
            return date != null ? date : today.minusDays(daysAgo);
        }

        static DateValue of(LocalDate date) {
            return new DateValue(date, 0);
        }

        static DateValue ago(int days) {
            return new DateValue(null, days);
        }
    }

    /** Whole days, both ends included: the last n days (today and the n - 1 before it), between two dates, or ever. */
    record Window(
            @Nullable Integer lastDays,
            @Nullable DateValue from,
            @Nullable DateValue to) {
        static final Window EVER = new Window(null, null, null);

        static Window lastDays(int days) {
            return new Window(days, null, null);
        }

        LocalDate first(LocalDate today) {
            if (lastDays != null) {
                return today.minusDays(lastDays - 1L);
            }
            return from == null ? LocalDate.of(1970, 1, 1) : from.resolve(today);
        }

        LocalDate last(LocalDate today) {
            if (lastDays != null) {
                return today;
            }
            return to == null ? LocalDate.of(9999, 12, 31) : to.resolve(today);
        }
    }

    /** A condition on one event property: {@code value} is a {@link String} or a {@link java.math.BigDecimal}. */
    record PropertyMatch(String property, Op op, List<Object> values) {}

    /** The sum of a numeric property over the counted events, compared with a number. */
    record Sum(String property, Op op, java.math.BigDecimal value) {}
}

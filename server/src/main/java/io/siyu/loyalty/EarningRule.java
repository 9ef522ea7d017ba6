package io.siyu.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Points (and growth) a member earns for an event of one type from the event catalog, at most {@code dailyCap}
 * points a day and {@code totalCap} in all from this rule; the member's tier multiplier applies, and the campaign's
 * too when the event happened inside its window.
 *
 * @param filter only events whose property passes it earn (null: every event of the type)
 * @param campaign a window with a multiplier (null: none)
 */
public record EarningRule(
        long id,
        String name,
        String eventType,
        long points,
        long growth,
        @Nullable Filter filter,
        long dailyCap,
        @Nullable Long totalCap,
        boolean active,
        @Nullable Campaign campaign,
        Instant updatedAt) {

    /** Compares one property of the event with a value: eq (as text or number), gte and lte (numbers). */
    public record Filter(String property, String op, String value) {

        /** Whether an event with these properties passes; a missing property or a non-number never does. */
        boolean passes(JsonNode properties) {
            var node = properties.path(property);
            if (node.isMissingNode() || node.isNull()) {
                return false;
            }
            if (op.equals("eq")) {
                var number = number(node);
                var wanted = number(value);
                return number != null && wanted != null
                        ? number.compareTo(wanted) == 0
                        : node.asString("").equals(value);
            }
            var number = number(node);
            var bound = number(value);
            if (number == null || bound == null) {
                return false;
            }
            return op.equals("gte") ? number.compareTo(bound) >= 0 : number.compareTo(bound) <= 0;
        }

        private static @Nullable BigDecimal number(JsonNode node) {
            return node.isNumber() ? node.decimalValue() : node.isString() ? number(node.asString()) : null;
        }

        static @Nullable BigDecimal number(String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Events that happened from {@code from} (inclusive) to {@code to} (exclusive) earn {@code multiplier} times. */
    public record Campaign(Instant from, Instant to, BigDecimal multiplier) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** A rule as a client sends it; every field is checked, all problems answered at once. */
    public record Input(
            @Nullable String name,
            @Nullable String eventType,
            @Nullable Long points,
            @Nullable Long growth,
            @Nullable FilterInput filter,
            @Nullable Long dailyCap,
            @Nullable Long totalCap,
            @Nullable Boolean active,
            @Nullable CampaignInput campaign) {}

    public record FilterInput(
            @Nullable String property,
            @Nullable String op,
            @Nullable String value) {}

    public record CampaignInput(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable BigDecimal multiplier) {}

    /** The campaign multiplier for an event that happened at {@code at}: 1 outside the window. */
    BigDecimal multiplierAt(Instant at) {
        return campaign != null && campaign.covers(at) ? campaign.multiplier() : BigDecimal.ONE;
    }
}

package io.siyu.segment;

import io.siyu.customer.AttributeDefinition;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A profile field a rule can test. {@code sql} reads it from a {@code customer} row aliased {@code c};
 * {@code %zone} stands for the tenant's time zone (days are counted in it).
 *
 * @param custom the custom attribute key, or null for a standard field
 */
record Field(String key, Kind kind, String sql, @Nullable String custom, Map<String, Long> codes) {

    /** How values compare, and so which operators fit and how the index keeps the field. */
    enum Kind {
        /** A small set of numbered values (city code, owner id, gender). */
        CATEGORY(EnumSet.of(Rule.Op.EQ, Rule.Op.NEQ, Rule.Op.IN, Rule.Op.NOT_IN, Rule.Op.IS_SET, Rule.Op.IS_NOT_SET)),
        /** A small set of text values (source channel, enum attributes). */
        TEXT_CATEGORY(CATEGORY.ops),
        BOOLEAN(EnumSet.of(Rule.Op.EQ, Rule.Op.NEQ, Rule.Op.IS_SET, Rule.Op.IS_NOT_SET)),
        /** Whole numbers (member level, order count). */
        NUMBER(EnumSet.of(
                Rule.Op.EQ,
                Rule.Op.NEQ,
                Rule.Op.GT,
                Rule.Op.GTE,
                Rule.Op.LT,
                Rule.Op.LTE,
                Rule.Op.BETWEEN,
                Rule.Op.IS_SET,
                Rule.Op.IS_NOT_SET)),
        /** Money, compared in cents. */
        MONEY(NUMBER.ops),
        /** Numbers with any precision (number attributes): answered by SQL. */
        DECIMAL(NUMBER.ops),
        DATE(NUMBER.ops),
        /** A set of text values (multi-enum attributes): has any / all / none of. */
        MULTI(EnumSet.of(Rule.Op.IN, Rule.Op.ALL, Rule.Op.NOT_IN, Rule.Op.IS_SET, Rule.Op.IS_NOT_SET)),
        /** Free text (name, string attributes): answered by SQL. */
        TEXT(EnumSet.of(Rule.Op.EQ, Rule.Op.NEQ, Rule.Op.CONTAINS, Rule.Op.IS_SET, Rule.Op.IS_NOT_SET));

        final Set<Rule.Op> ops;

        Kind(Set<Rule.Op> ops) {
            this.ops = ops;
        }

        /** The kind's name in the API ({@code textCategory}). */
        String json() {
            var name = name().toLowerCase(java.util.Locale.ROOT);
            int underscore = name.indexOf('_');
            return underscore < 0
                    ? name
                    : name.substring(0, underscore)
                            + Character.toUpperCase(name.charAt(underscore + 1))
                            + name.substring(underscore + 2);
        }
    }

    static final Map<String, Long> GENDERS = Map.of("unknown", 0L, "male", 1L, "female", 2L);

    /** The standard fields, by the key rules use (the profile's API names). */
    static final List<Field> STANDARD = List.of(
            standard("gender", Kind.CATEGORY, "c.gender", GENDERS),
            standard("city", Kind.CATEGORY, "c.city", Map.of()),
            standard("memberLevel", Kind.NUMBER, "c.member_level", Map.of()),
            standard("memberSince", Kind.DATE, "c.member_since", Map.of()),
            standard("birthday", Kind.DATE, "c.birthday", Map.of()),
            standard("sourceChannel", Kind.TEXT_CATEGORY, "c.source_channel", Map.of()),
            standard("ownerId", Kind.CATEGORY, "c.owner_account_id", Map.of()),
            standard("firstSeenAt", Kind.DATE, "(c.first_seen_at at time zone %zone)::date", Map.of()),
            standard("lastActiveAt", Kind.DATE, "(c.last_active_at at time zone %zone)::date", Map.of()),
            standard("orderCount", Kind.NUMBER, "c.order_count", Map.of()),
            standard("gmv", Kind.MONEY, "round(c.gmv * 100)::bigint", Map.of()),
            standard("firstPurchaseAt", Kind.DATE, "(c.first_purchase_at at time zone %zone)::date", Map.of()),
            standard("lastPurchaseAt", Kind.DATE, "(c.last_purchase_at at time zone %zone)::date", Map.of()),
            standard("name", Kind.TEXT, "c.display_name", Map.of()));

    private static Field standard(String key, Kind kind, String sql, Map<String, Long> codes) {
        return new Field(key, kind, sql, null, codes);
    }

    /** A custom attribute, addressed in rules as {@code attributes.<key>}. */
    static Field custom(AttributeDefinition definition) {
        var key = definition.key();
        var json = "c.attributes->'" + key + "'";
        var text = "(c.attributes->>'" + key + "')";
        return switch (definition.type()) {
            case ENUM -> new Field("attributes." + key, Kind.TEXT_CATEGORY, text, key, Map.of());
            case MULTI_ENUM -> new Field("attributes." + key, Kind.MULTI, json, key, Map.of());
            case BOOLEAN ->
                new Field(
                        "attributes." + key,
                        Kind.BOOLEAN,
                        "(case " + json + " when 'true'::jsonb then 1 when 'false'::jsonb then 0 end)",
                        key,
                        Map.of());
            case DATE -> new Field("attributes." + key, Kind.DATE, text + "::date", key, Map.of());
            case NUMBER -> new Field("attributes." + key, Kind.DECIMAL, text + "::numeric", key, Map.of());
            case STRING -> new Field("attributes." + key, Kind.TEXT, text, key, Map.of());
        };
    }

    /** Whether the bitmap index keeps this field (the others are answered by SQL). */
    boolean indexed() {
        return kind != Kind.TEXT && kind != Kind.DECIMAL;
    }
}

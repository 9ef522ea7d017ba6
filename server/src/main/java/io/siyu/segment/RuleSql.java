package io.siyu.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a rule into plain SQL that yields the ids of the live (not merged-away) customers it selects:
 * the fallback for what the bitmap index cannot answer, and the reference the engine is tested against.
 * Every node becomes a set of ids (AND = intersect, OR = union, NOT = all customers except), and every
 * comparison is two-valued (a missing value never matches), as in the index.
 *
 * <p>Events and tags of a merged-away profile count for its survivor.
 */
final class RuleSql {

    static final String ROOTS = "select id from customer where survivor_id is null";

    private final String zone;
    private final ZoneId zoneId;
    private final LocalDate today;
    private final List<Object> params = new ArrayList<>();

    RuleSql(ZoneId zone, LocalDate today) {
        this.zoneId = zone;
        this.zone = literal(zone);
        this.today = today;
    }

    /** The zone as an SQL literal; zone ids are letters, digits and / _ + - only, so it cannot break out. */
    static String literal(ZoneId zone) {
        if (!zone.getId().matches("[A-Za-z0-9/_+-]+")) {
            throw new IllegalArgumentException("unexpected zone id " + zone.getId());
        }
        return "'" + zone.getId() + "'";
    }

    /** The query of the ids the rule selects; its parameters are {@link #params()}. */
    String ids(Rule rule) {
        return set(rule);
    }

    List<Object> params() {
        return params;
    }

    private String set(Rule rule) {
        return switch (rule) {
            case Rule.All all ->
                all.rules().stream().map(r -> "(" + set(r) + ")").collect(Collectors.joining(" intersect "));
            case Rule.Any any ->
                any.rules().stream().map(r -> "(" + set(r) + ")").collect(Collectors.joining(" union "));
            case Rule.Not not -> "(" + ROOTS + ") except (" + set(not.rule()) + ")";
            case Rule.Attribute attribute ->
                "select c.id from customer c where c.survivor_id is null and coalesce(" + predicate(attribute)
                        + ", false)";
            case Rule.Tags tags -> tags(tags);
            case Rule.Event event -> event(event);
        };
    }

    private String predicate(Rule.Attribute attribute) {
        var field = attribute.field();
        var expr = field.sql().replace("%zone", zone);
        var values = attribute.values().stream().map(this::bind).toList();
        if (field.kind() == Field.Kind.MULTI) {
            return switch (attribute.op()) {
                case IN -> "jsonb_exists_any(" + expr + ", " + array(values, "text") + ")";
                case ALL -> "jsonb_exists_all(" + expr + ", " + array(values, "text") + ")";
                case NOT_IN ->
                    "(jsonb_array_length(" + expr + ") > 0 and not jsonb_exists_any(" + expr + ", "
                            + array(values, "text") + "))";
                case IS_SET -> "jsonb_array_length(" + expr + ") > 0";
                case IS_NOT_SET -> "coalesce(jsonb_array_length(" + expr + "), 0) = 0";
                default -> throw new IllegalArgumentException(attribute.op() + " on " + field.key());
            };
        }
        var type = sqlType(field);
        return switch (attribute.op()) {
            case EQ -> expr + " = " + param(values.getFirst(), type);
            case NEQ -> expr + " <> " + param(values.getFirst(), type);
            case IN -> expr + " = any(" + array(values, type) + ")";
            case NOT_IN -> expr + " <> all(" + array(values, type) + ")";
            case GT -> expr + " > " + param(values.getFirst(), type);
            case GTE -> expr + " >= " + param(values.getFirst(), type);
            case LT -> expr + " < " + param(values.getFirst(), type);
            case LTE -> expr + " <= " + param(values.getFirst(), type);
            case BETWEEN -> expr + " between " + param(values.get(0), type) + " and " + param(values.get(1), type);
            case CONTAINS -> "strpos(" + expr + ", " + param(values.getFirst(), "text") + ") > 0";
            case IS_SET -> expr + " is not null";
            case IS_NOT_SET -> expr + " is null";
            case ALL -> throw new IllegalArgumentException(attribute.op() + " on " + field.key());
        };
    }

    private String tags(Rule.Tags tags) {
        var ids = new LinkedHashSet<>(tags.tagIds()).toArray(Integer[]::new);
        return switch (tags.mode()) {
            case ANY -> carrying(ids);
            case ALL ->
                "select coalesce(h.survivor_id, h.id) as id from customer_tag t join customer h on h.id = t.customer_id"
                        + " where t.tag_id = any(" + param(ids, "int[]") + ")"
                        + " group by 1 having count(distinct t.tag_id) = " + param(ids.length, "int");
            case NONE -> "(" + ROOTS + ") except (" + carrying(ids) + ")";
        };
    }

    private String carrying(Integer[] ids) {
        return "select distinct coalesce(h.survivor_id, h.id) as id from customer_tag t"
                + " join customer h on h.id = t.customer_id where t.tag_id = any(" + param(ids, "int[]") + ")";
    }

    private String event(Rule.Event event) {
        var where = new ArrayList<String>();
        if (event.type() != null) {
            where.add("e.type = " + param(event.type(), "smallint"));
        }
        var from = event.window().first(today).atStartOfDay(zoneId).toOffsetDateTime();
        var to = event.window().last(today).plusDays(1).atStartOfDay(zoneId).toOffsetDateTime();
        boolean bounded = !event.window().equals(Rule.Window.EVER);
        if (bounded && event.timing() == Rule.Timing.ANY) {
            where.add("e.occurred_at >= " + param(from, "timestamptz"));
            where.add("e.occurred_at < " + param(to, "timestamptz"));
        }
        if (event.where() != null) {
            where.add(property(event.where()));
        }
        var having = new ArrayList<String>();
        if (event.atLeast() > 1) {
            having.add("count(*) >= " + param(event.atLeast(), "int"));
        }
        if (event.atMost() != null) {
            having.add("count(*) <= " + param(event.atMost(), "int"));
        }
        if (event.sum() != null) {
            var sum = event.sum();
            having.add("coalesce(sum(" + number(sum.property()) + "), 0) " + comparison(sum.op()) + " "
                    + param(sum.value(), "numeric"));
        }
        if (bounded && event.timing() != Rule.Timing.ANY) {
            var time = event.timing() == Rule.Timing.FIRST ? "min(e.occurred_at)" : "max(e.occurred_at)";
            having.add(time + " >= " + param(from, "timestamptz"));
            having.add(time + " < " + param(to, "timestamptz"));
        }
        var did = "select coalesce(h.survivor_id, h.id) as id from event e join customer h on h.id = e.customer_id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " group by 1"
                + (having.isEmpty() ? "" : " having " + String.join(" and ", having));
        return event.did() ? did : "(" + ROOTS + ") except (" + did + ")";
    }

    private String property(Rule.PropertyMatch match) {
        boolean numeric = match.values().stream().allMatch(v -> v instanceof BigDecimal);
        var expr = numeric ? number(match.property()) : "(e.properties->>" + param(match.property(), "text") + ")";
        var type = numeric ? "numeric" : "text";
        return "coalesce(" + expr + " " + comparison(match.op()) + " "
                + (match.op() == Rule.Op.IN
                        ? "any(" + array(match.values(), type) + ")"
                        : param(match.values().getFirst(), type))
                + ", false)";
    }

    private String number(String property) {
        var typed = "jsonb_typeof(e.properties->" + param(property, "text") + ") = 'number'";
        return "(case when " + typed + " then (e.properties->>" + param(property, "text") + ")::numeric end)";
    }

    private static String comparison(Rule.Op op) {
        return switch (op) {
            case EQ, IN -> "=";
            case NEQ -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static String sqlType(Field field) {
        return switch (field.kind()) {
            case CATEGORY, NUMBER, MONEY, BOOLEAN -> "bigint";
            case DATE -> "date";
            case DECIMAL -> "numeric";
            case TEXT_CATEGORY, TEXT, MULTI -> "text";
        };
    }

    private Object bind(Object value) {
        return value instanceof Rule.DateValue date ? date.resolve(today) : value;
    }

    private String array(List<Object> values, String type) {
        params.add(values.stream()
                .map(this::bind)
                .map(v -> v instanceof LocalDate d ? d.toString() : v.toString())
                .toArray(String[]::new));
        return "?::" + type + "[]";
    }

    private String param(Object value, String type) {
        params.add(value instanceof LocalDate date ? date.toString() : value);
        return "?::" + type;
    }
}

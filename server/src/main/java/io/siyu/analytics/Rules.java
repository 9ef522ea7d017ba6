package io.siyu.analytics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customer sets behind the metrics, written as segment rules (the JSON of {@code POST /api/v1/segments/evaluate}):
 * the segment engine counts them from its bitmaps, and the console opens the same rule as a segment.
 */
final class Rules {

    /** What a customer does of their own accord; WeCom adds and losses, expiring points and tier moves are not. */
    static final List<String> BEHAVIOUR = List.of("view", "favorite", "add_to_cart", "purchase", "share", "message");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Rules() {}

    /** Did an event of the type between two days, both included; no {@code from}: ever up to {@code to}. */
    static ObjectNode did(String type, @Nullable LocalDate from, LocalDate to) {
        var event = NODES.objectNode().put("type", type).put("to", to.toString());
        if (from != null) {
            event.put("from", from.toString());
        }
        var node = NODES.objectNode();
        node.set("event", event);
        return node;
    }

    /** Two or more purchases between two days (orders emit one purchase event each when paid). */
    static ObjectNode repeatBuyers(LocalDate from, LocalDate to) {
        var node = did("purchase", from, to);
        ((ObjectNode) node.get("event")).put("atLeast", 2);
        return node;
    }

    /** Any behaviour event between two days. */
    static ObjectNode active(LocalDate from, LocalDate to) {
        return or(BEHAVIOUR.stream().map(type -> (JsonNode) did(type, from, to)).toList());
    }

    /** Had added a staff member by the end of {@code day} and lost none by then. */
    static ObjectNode asset(LocalDate day) {
        return and(did("wecom_add", null, day), not(did("wecom_loss", null, day)));
    }

    /** Added a staff member between two days and never before. */
    static ObjectNode firstAdd(LocalDate from, LocalDate to) {
        return and(did("wecom_add", from, to), not(did("wecom_add", null, from.minusDays(1))));
    }

    static ObjectNode and(JsonNode... rules) {
        return group("and", Arrays.asList(rules));
    }

    static ObjectNode or(List<JsonNode> rules) {
        return group("or", rules);
    }

    static ObjectNode not(JsonNode rule) {
        var node = NODES.objectNode();
        node.set("not", rule);
        return node;
    }

    private static ObjectNode group(String kind, List<JsonNode> rules) {
        var node = NODES.objectNode();
        var list = node.putArray(kind);
        rules.forEach(list::add);
        return node;
    }
}

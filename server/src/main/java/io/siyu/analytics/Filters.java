package io.siyu.analytics;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The channel and staff filters: the customer's source channel, as the profile carries it (for a merged customer,
 * the survivor's), and a staff member's customers ({@link StaffMember}: those who added them on WeCom, ever, and
 * those whose profile they own).
 */
public record Filters(@Nullable String channel, @Nullable StaffMember staff) {

    public static final Filters NONE = new Filters(null, null);

    /** The rule narrowed to the filtered customers. */
    JsonNode narrow(JsonNode rule) {
        if (channel == null && staff == null) {
            return rule;
        }
        var parts = new ArrayList<JsonNode>();
        parts.add(rule);
        if (channel != null) {
            parts.add(attribute("sourceChannel", channel));
        }
        if (staff != null) {
            parts.add(staff(staff));
        }
        var node = JsonNodeFactory.instance.objectNode();
        var and = node.putArray("and");
        parts.forEach(and::add);
        return node;
    }

    /** A staff member's customers: added them on WeCom (a {@code wecom_add} naming them, ever), or owned by them. */
    static JsonNode staff(StaffMember member) {
        var parts = new ArrayList<JsonNode>();
        if (member.accountId() != null) {
            parts.add(attribute("ownerId", member.accountId()));
        }
        if (member.userId() != null) {
            var where = JsonNodeFactory.instance
                    .objectNode()
                    .put("property", "staffId")
                    .put("op", "eq")
                    .put("value", member.userId());
            var event = JsonNodeFactory.instance.objectNode().put("type", "wecom_add");
            event.set("where", where);
            var node = JsonNodeFactory.instance.objectNode();
            node.set("event", event);
            parts.add(node);
        }
        return parts.size() == 1 ? parts.getFirst() : Rules.or(parts);
    }

    static JsonNode attribute(String field, Object value) {
        var node = JsonNodeFactory.instance.objectNode().put("attribute", field).put("op", "eq");
        if (value instanceof Long number) {
            node.put("value", number);
        } else {
            node.put("value", value.toString());
        }
        return node;
    }

    /** The filtered customers as a rule of their own; null without filters. */
    @Nullable
    JsonNode rule() {
        if (channel == null && staff == null) {
            return null;
        }
        var node = JsonNodeFactory.instance.objectNode();
        var and = node.putArray("and");
        if (channel != null) {
            and.add(attribute("sourceChannel", channel));
        }
        if (staff != null) {
            and.add(staff(staff));
        }
        return node;
    }
}

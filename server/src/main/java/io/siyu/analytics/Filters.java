package io.siyu.analytics;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The channel and staff filters: the customer's source channel and owner, as the profile carries them (for a
 * merged customer, the survivor's).
 */
public record Filters(@Nullable String channel, @Nullable Long staff) {

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
            parts.add(attribute("ownerId", staff));
        }
        var node = JsonNodeFactory.instance.objectNode();
        var and = node.putArray("and");
        parts.forEach(and::add);
        return node;
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
            and.add(attribute("ownerId", staff));
        }
        return node;
    }
}

package io.siyu.analytics;

import java.util.ArrayList;
import java.util.List;
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

    private static JsonNode attribute(String field, Object value) {
        var node = JsonNodeFactory.instance.objectNode().put("attribute", field).put("op", "eq");
        if (value instanceof Long number) {
            node.put("value", number);
        } else {
            node.put("value", value.toString());
        }
        return node;
    }

    /**
     * A SQL condition on the live profile {@code alias} (the survivor), with its parameters appended to
     * {@code params}; "true" without filters.
     */
    String sql(String alias, List<Object> params) {
        var clauses = new ArrayList<String>();
        if (channel != null) {
            clauses.add(alias + ".source_channel = ?");
            params.add(channel);
        }
        if (staff != null) {
            clauses.add(alias + ".owner_account_id = ?");
            params.add(staff);
        }
        return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
    }
}

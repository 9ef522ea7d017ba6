package io.siyu.event;

import java.util.Map;

/**
 * An entry of the event catalog: a type name clients send, the stored code, and the schema its
 * properties must follow (properties not in the schema are refused, so that typos surface at once).
 */
public record EventTypeDefinition(int code, String name, boolean builtIn, Map<String, PropertySpec> properties) {

    public EventTypeDefinition {
        properties = Map.copyOf(properties);
    }
}

package io.siyu.customer;

import java.util.List;

/**
 * A tenant-defined customer attribute: its key in the API and in {@code customer.attributes}, a label for
 * the console, a type, and for the two enum types the allowed values.
 */
public record AttributeDefinition(
        String key, String label, AttributeType type, List<String> options, boolean required, int position) {

    public AttributeDefinition {
        options = List.copyOf(options);
    }
}

package io.siyu.customer;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria of the customer list, all optional and combined with AND. {@code q} is read as a mobile,
 * an email, a customer or member number, or else a name prefix.
 *
 * @param attributes custom attribute key to the value it must have (for multi-enum: contain)
 */
public record CustomerQuery(
        @Nullable String q,
        @Nullable Gender gender,
        @Nullable Integer city,
        @Nullable Long ownerId,
        @Nullable String sourceChannel,
        @Nullable Integer memberLevel,
        @Nullable Boolean anonymous,
        Map<String, String> attributes) {

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null, null, Map.of());
    }
}

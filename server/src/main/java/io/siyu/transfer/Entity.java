package io.siyu.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a file holds. */
public enum Entity {
    CUSTOMERS,
    ORDERS,
    EVENTS,
    TAGS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Entity> fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code().equals(code)).findFirst();
    }
}

package io.siyu.customer;

import java.util.Locale;
import java.util.Optional;

/** Stored as 0 / 1 / 2 (the standard data set's codes), written and read as words in the API. */
public enum Gender {
    UNKNOWN,
    MALE,
    FEMALE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Gender of(int stored) {
        return stored >= 0 && stored < values().length ? values()[stored] : UNKNOWN;
    }

    /** Accepts the API words and the common Chinese ones an import file carries. */
    public static Optional<Gender> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "male", "m", "男", "1" -> Optional.of(MALE);
            case "female", "f", "女", "2" -> Optional.of(FEMALE);
            case "unknown", "", "未知", "0" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }
}

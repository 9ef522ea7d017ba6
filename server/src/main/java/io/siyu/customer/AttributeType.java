package io.siyu.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The types a custom attribute can have; values are checked against them on every write. */
public enum AttributeType {
    STRING,
    NUMBER,
    DATE,
    ENUM,
    MULTI_ENUM,
    BOOLEAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasOptions() {
        return this == ENUM || this == MULTI_ENUM;
    }

    public static Optional<AttributeType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}

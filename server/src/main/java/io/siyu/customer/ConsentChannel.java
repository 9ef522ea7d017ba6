package io.siyu.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways a customer can agree (or not) to be contacted; journeys and mass messages respect these. */
public enum ConsentChannel {
    WECOM,
    SMS,
    EMAIL,
    PHONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentChannel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}

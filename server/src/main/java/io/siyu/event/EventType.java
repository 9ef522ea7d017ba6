package io.siyu.event;

import java.util.Locale;

/** The standard data set's six event types; the code is what is stored. */
public enum EventType {
    VIEW,
    FAVORITE,
    ADD_TO_CART,
    PURCHASE,
    SHARE,
    MESSAGE;

    public int code() {
        return ordinal();
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType ofCode(int code) {
        return values()[code];
    }
}

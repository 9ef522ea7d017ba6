package io.siyu.event;

import java.util.Locale;

/** The built-in event types: the standard data set's six, and refunds from orders; the code is what is stored. */
public enum EventType {
    VIEW,
    FAVORITE,
    ADD_TO_CART,
    PURCHASE,
    SHARE,
    MESSAGE,
    REFUND;

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

package io.siyu.event;

import java.util.Locale;

/**
 * The built-in event types: the standard data set's six, refunds from orders, a customer adding or losing a
 * staff member on WeCom, loyalty's expiring points, tier moves, tier-drop warnings, membership anniversaries and paid cards ending, and check-ins and reviews (which earning rules reward); the code is what is stored, so new types
 * go at the end.
 */
public enum EventType {
    VIEW,
    FAVORITE,
    ADD_TO_CART,
    PURCHASE,
    SHARE,
    MESSAGE,
    REFUND,
    /** A customer and a staff member became WeCom contacts. */
    WECOM_ADD,
    /** A WeCom contact ended: the customer deleted the staff member, or the other way round. */
    WECOM_LOSS,
    /** A member's points will expire within 30 days (loyalty; once per member and expiry date). */
    POINTS_EXPIRING,
    /** A member moved up or down a tier (loyalty). */
    TIER_CHANGE,
    /** A customer checked in (签到), in a mini-program or at a store; loyalty rules may reward it. */
    CHECK_IN,
    /** A customer reviewed a product or an order; loyalty rules may reward it. */
    REVIEW,
    /** A member will drop a tier within 7 days unless they earn more growth (loyalty, a growth window). */
    TIER_DROP_WARNING,
    /** The anniversary of the day a customer became a member (loyalty; once per member and year). */
    MEMBER_ANNIVERSARY,
    /** A member's paid membership card ends within 7 days with no renewal after it (loyalty; once per card end). */
    CARD_EXPIRING;

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

package io.siyu.tagging;

import java.util.Locale;

/** How a customer got (or lost) a tag. */
public enum TagSource {
    /** A staff member in the console. */
    MANUAL,
    /** A segment that keeps a rule tag current. */
    RULE,
    /** A file import or the bulk loader. */
    IMPORT,
    /** A machine client with an API key. */
    API,
    /** WeCom's corporate tags. */
    WECOM,
    /** A journey's tag step. */
    JOURNEY,
    /** Growth's own marks, such as KOC candidates from referrals. */
    GROWTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TagSource ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

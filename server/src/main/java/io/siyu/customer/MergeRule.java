package io.siyu.customer;

import java.util.Locale;

/** Why two profiles became one. */
public enum MergeRule {
    /** A write carried a unionid together with identities of another profile. */
    UNIONID,
    /** A write carried a verified mobile together with identities of another profile. */
    MOBILE,
    /** An operator or API client linked the two profiles explicitly. */
    LINK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MergeRule fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package io.siyu.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of identity a customer can be known by. {@code apiName} is the key used in API payloads, e.g.
 * {@code "customer": {"mobile": "13800138000"}}.
 */
public enum IdentityType {
    /** WeCom external_userid, qualified by corp: {@code corpId:externalUserId}. */
    WECOM("wecomExternalUserId"),
    UNIONID("unionid"),
    /** WeChat openid, qualified by app: {@code appId:openid}. */
    OPENID("openid"),
    MOBILE("mobile"),
    EMAIL("email"),
    MEMBER("memberNo"),
    /** An id in another system, qualified by the system: {@code system:id}. */
    EXTERNAL("externalId");

    private final String apiName;

    IdentityType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityType> fromApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }

    static IdentityType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package siyu.wecom.simulator;

import org.jspecify.annotations.Nullable;

/** A WeChat user known to the corp as an external contact (type 1, 微信用户). Gender: 0 unknown, 1 male, 2 female. */
record Customer(
        String externalUserId,
        String name,
        int gender,
        @Nullable String unionid,
        String avatar) {

    java.util.Map<String, Object> json() {
        return Json.object(
                "external_userid",
                externalUserId,
                "name",
                name,
                "type",
                1,
                "avatar",
                avatar,
                "gender",
                gender,
                "unionid",
                unionid);
    }
}

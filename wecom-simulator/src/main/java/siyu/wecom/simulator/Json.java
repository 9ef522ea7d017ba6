package siyu.wecom.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answers as ordered maps, keys in WeCom's order; a null value leaves its key out. */
final class Json {

    private Json() {}

    /** {@code {"errcode":0,"errmsg":"ok"}} */
    static Map<String, Object> ok() {
        return object("errcode", 0, "errmsg", "ok");
    }

    /** {@link #ok()} followed by the given keys and values. */
    static Map<String, Object> ok(Object... keysAndValues) {
        var answer = ok();
        answer.putAll(object(keysAndValues));
        return answer;
    }

    static Map<String, Object> object(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}

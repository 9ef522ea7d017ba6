package siyu.wecom.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * WeCom's paging: an opaque cursor in, a page and a next_cursor out; an empty next_cursor means the end.
 * A cursor the simulator did not make is 50100 (分页查询的游标无效).
 */
record Cursor<T>(List<T> page, String next) {

    static <T> Cursor<T> page(List<T> all, @Nullable String cursor, int limit) {
        int from = decode(cursor);
        int to = Math.min(all.size(), from + limit);
        var next = to < all.size() ? encode(to) : "";
        return new Cursor<>(from >= all.size() ? List.of() : all.subList(from, to), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("sim:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("sim:")) {
                return Integer.parseInt(text.substring(4));
            }
        } catch (IllegalArgumentException e) {
            // falls through: not one of ours
        }
        throw new WeComError(50100, "invalid cursor");
    }
}

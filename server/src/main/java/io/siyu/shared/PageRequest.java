package io.siyu.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A validated cursor request. Cursors are opaque to clients: URL-safe Base64 of the last key seen, so a
 * page never shifts when rows are added in front of it.
 */
public record PageRequest(int limit, long before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", "problem.page.limit", 1, MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? Long.MAX_VALUE : decode(cursor));
    }

    /** Rows to fetch: one more than the page so that the page knows whether another follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The opaque cursor for the last key of a page. */
    public static String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k" + key).getBytes(StandardCharsets.US_ASCII));
    }

    /** The key in a cursor; a cursor that was not made by {@link #encode} is a 400 naming {@code cursor}. */
    public static long decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith("k")) {
                throw DomainException.invalid("cursor", "problem.page.cursor");
            }
            return Long.parseLong(text.substring(1));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor", "problem.page.cursor");
        }
    }
}

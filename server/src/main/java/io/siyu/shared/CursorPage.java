package io.siyu.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a cursor-paginated list; {@code nextCursor} is null on the last page. */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows ordered by a descending numeric key: the
     * extra row only tells that there is more.
     */
    public static <T> CursorPage<T> ofDescending(List<T> fetched, int limit, java.util.function.ToLongFunction<T> key) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        var page = fetched.subList(0, limit);
        return new CursorPage<>(page, PageRequest.encode(key.applyAsLong(page.getLast())));
    }
}

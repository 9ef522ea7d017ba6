package io.siyu.content;

import io.siyu.shared.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A material as written by a client: all fields on create; on update absent fields stay and {@code clear}
 * names those to empty (description, url, body, cover, group, tags).
 */
public record MaterialInput(
        @Nullable String kind,
        @Nullable String title,
        @Nullable String description,
        @Nullable Long groupId,
        @Nullable List<String> tags,
        @Nullable String url,
        @Nullable String body,
        @Nullable String appId,
        @Nullable String page,
        @Nullable Long fileId,
        @Nullable Long coverId,
        @Nullable Set<String> clear) {

    /** WeCom's link card: title 128 bytes, description 512 bytes; we count characters, a little stricter. */
    static final int MAX_TITLE = 64;

    static final int MAX_DESCRIPTION = 170;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG = 20;
    static final int MAX_URL = 2048;
    static final int MAX_BODY = 20_000;
    static final int MAX_PAGE = 256;
    static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}");

    boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    /** The title stripped, or a problem when it is empty or longer than {@link #MAX_TITLE}. */
    static @Nullable String title(String field, @Nullable String title, int max, List<FieldProblem> problems) {
        var stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > max) {
            problems.add(new FieldProblem(field, "content.title", max));
            return null;
        }
        return stripped;
    }

    /** Distinct, stripped, non-empty words, at most {@code max} of at most {@link #MAX_TAG} characters. */
    static List<String> words(String field, @Nullable List<String> words, int max, List<FieldProblem> problems) {
        var distinct = new LinkedHashSet<String>();
        var given = words == null ? List.<String>of() : words;
        for (int i = 0; i < given.size(); i++) {
            var word = given.get(i) == null ? "" : given.get(i).strip();
            if (word.isEmpty() || word.codePointCount(0, word.length()) > MAX_TAG) {
                problems.add(new FieldProblem(field + "[" + i + "]", "content.word", MAX_TAG));
            } else {
                distinct.add(word);
            }
        }
        if (distinct.size() > max) {
            problems.add(new FieldProblem(field, "content.words.too-many", max));
        }
        return new ArrayList<>(distinct);
    }

    /** An absolute http(s) URL of at most {@link #MAX_URL} characters, or a problem naming {@code url}. */
    static @Nullable String url(@Nullable String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            return null;
        }
        var stripped = url.strip();
        try {
            var uri = new URI(stripped);
            if (stripped.length() <= MAX_URL
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return stripped;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(new FieldProblem("url", "content.url", MAX_URL));
        return null;
    }
}

package io.siyu.content;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of the material library.
 *
 * @param kind {@code article} (body and/or url), {@code image}, {@code poster} (an image file), {@code video}
 *     (mp4), {@code link} (url), {@code miniprogram} (appId, page, cover) or {@code file}
 * @param file the image, video or file itself
 * @param cover the picture shown on a card (article, link, mini-program, video)
 */
public record Material(
        long id,
        String kind,
        String title,
        @Nullable String description,
        @Nullable Long groupId,
        List<String> tags,
        @Nullable String url,
        @Nullable String body,
        @Nullable String appId,
        @Nullable String page,
        @Nullable FileInfo file,
        @Nullable FileInfo cover,
        int uses,
        Instant createdAt,
        Instant updatedAt) {

    public static final List<String> KINDS =
            List.of("article", "image", "video", "link", "miniprogram", "file", "poster");
}

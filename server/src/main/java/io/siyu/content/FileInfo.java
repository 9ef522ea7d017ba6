package io.siyu.content;

import org.jspecify.annotations.Nullable;

/** An uploaded file of the material library, without its bytes; width and height for images. */
public record FileInfo(
        long id,
        String name,
        long size,
        String contentType,
        @Nullable Integer width,
        @Nullable Integer height) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}

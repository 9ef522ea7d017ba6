package io.siyu.content;

import java.time.Instant;
import java.util.List;

/** A script of the 话术库: words staff paste into a chat, with up to 9 materials to send along. */
public record Script(
        long id,
        long groupId,
        String title,
        String content,
        List<String> keywords,
        List<Material> materials,
        int uses,
        Instant createdAt,
        Instant updatedAt) {}

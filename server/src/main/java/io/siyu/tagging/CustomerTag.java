package io.siyu.tagging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A tag one customer carries, with where it came from. */
public record CustomerTag(
        Tag tag,
        String groupName,
        TagKind kind,
        TagSource source,
        Instant taggedAt,
        @Nullable Long taggedById,
        @Nullable String taggedByName) {}

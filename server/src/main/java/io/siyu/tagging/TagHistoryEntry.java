package io.siyu.tagging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A tag put on or taken off a customer; names are as they were then. */
public record TagHistoryEntry(
        long id,
        long customerId,
        int tagId,
        String tagName,
        String groupName,
        boolean added,
        TagSource source,
        @Nullable Long actorId,
        @Nullable String actorName,
        Instant at) {}

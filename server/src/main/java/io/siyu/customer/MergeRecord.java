package io.siyu.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a profile's merge history. */
public record MergeRecord(
        long id,
        long survivorId,
        long mergedId,
        MergeRule rule,
        String actor,
        Instant mergedAt,
        @Nullable Instant undoneAt,
        @Nullable String undoneBy) {}

package io.siyu.segment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A saved segment: a rule whose members are kept current.
 *
 * @param tagId the rule tag the segment keeps equal to its members, or null
 * @param size members at the last evaluation
 * @param usesSql whether part of the rule runs as SQL (such segments are evaluated at most once a minute)
 */
public record SavedSegment(
        long id,
        String name,
        @Nullable String description,
        JsonNode rule,
        @Nullable Integer tagId,
        long size,
        boolean usesSql,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant evaluatedAt,
        @Nullable Long createdById,
        @Nullable String createdByName) {}

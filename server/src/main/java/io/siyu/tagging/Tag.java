package io.siyu.tagging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tag.
 *
 * @param ownerId the staff account of a personal tag (only its owner sees and uses it), null for the
 *     organisation's tags
 * @param segmentId the segment that keeps this rule tag equal to its members, or null; nobody sets a rule
 *     tag by hand
 */
public record Tag(
        int id,
        int groupId,
        String name,
        @Nullable Long ownerId,
        @Nullable Long segmentId,
        Instant createdAt) {

    public boolean personal() {
        return ownerId != null;
    }
}

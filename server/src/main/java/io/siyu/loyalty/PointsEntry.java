package io.siyu.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change of a member's points balance; {@code balance} is what it left. */
public record PointsEntry(
        long id,
        long customerId,
        String kind,
        long points,
        long balance,
        long shortfall,
        String source,
        @Nullable String ref,
        @Nullable String reason,
        @Nullable String actor,
        @Nullable String approver,
        @Nullable Instant expiresAt,
        Instant at) {}

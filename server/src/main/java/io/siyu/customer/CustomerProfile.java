package io.siyu.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A whole profile as the detail page shows it: the survivor's fields, and identities, totals and activity
 * of every profile merged into it.
 *
 * @param members this profile and the ones merged into it
 */
public record CustomerProfile(
        long id,
        String name,
        boolean anonymous,
        Gender gender,
        @Nullable LocalDate birthday,
        @Nullable Integer city,
        @Nullable String sourceChannel,
        @Nullable Long ownerId,
        int memberLevel,
        @Nullable LocalDate memberSince,
        JsonNode attributes,
        JsonNode consent,
        List<Identity> identities,
        Totals totals,
        @Nullable Instant firstSeenAt,
        @Nullable Instant lastActiveAt,
        Instant createdAt,
        @Nullable Instant updatedAt,
        List<Long> members,
        List<MergeRecord> merges) {

    public record Identity(IdentityType type, String value, boolean verified, long home, Instant addedAt) {}

    public record Totals(
            long orderCount,
            BigDecimal gmv,
            @Nullable Instant firstPurchaseAt,
            @Nullable Instant lastPurchaseAt) {}
}

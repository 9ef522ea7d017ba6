package io.siyu.customer;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer row for bulk loading.
 *
 * @param number dense per-tenant customer number (1..n)
 * @param gender 0 unknown, 1 male, 2 female
 * @param city city code; 0 is Beijing
 * @param memberLevel 0 not a member, 1..3 tiers
 * @param mobile a verified mobile, stored as an identity
 * @param attributes custom attribute values as a JSON object, already valid for the tenant's definitions
 */
public record CustomerRecord(
        long number,
        String displayName,
        int gender,
        int city,
        int memberLevel,
        @Nullable LocalDate memberSince,
        Instant createdAt,
        @Nullable String mobile,
        @Nullable LocalDate birthday,
        @Nullable String sourceChannel,
        @Nullable Long ownerAccountId,
        @Nullable String attributes) {

    /** A record with the standard data set's core fields only. */
    public CustomerRecord(
            long number,
            String displayName,
            int gender,
            int city,
            int memberLevel,
            @Nullable LocalDate memberSince,
            Instant createdAt) {
        this(number, displayName, gender, city, memberLevel, memberSince, createdAt, null, null, null, null, null);
    }
}

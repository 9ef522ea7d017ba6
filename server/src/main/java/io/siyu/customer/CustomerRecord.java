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
 */
public record CustomerRecord(
        long number,
        String displayName,
        int gender,
        int city,
        int memberLevel,
        @Nullable LocalDate memberSince,
        Instant createdAt) {}

package io.siyu.customer;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the customer list; the mobile is masked (138****8000). */
public record CustomerSummary(
        long id,
        String name,
        boolean anonymous,
        Gender gender,
        @Nullable Integer city,
        @Nullable String mobile,
        @Nullable Long ownerId,
        @Nullable String sourceChannel,
        int memberLevel,
        long orderCount,
        BigDecimal gmv,
        @Nullable Instant lastActiveAt,
        Instant createdAt) {}

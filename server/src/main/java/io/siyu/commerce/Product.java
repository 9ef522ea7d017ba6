package io.siyu.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record Product(
        long id,
        String sku,
        String name,
        ProductRole role,
        @Nullable String category,
        BigDecimal price,
        boolean active,
        Instant updatedAt) {}

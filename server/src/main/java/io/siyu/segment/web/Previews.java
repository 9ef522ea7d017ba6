package io.siyu.segment.web;

import io.siyu.customer.CustomerDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Segment members as the builder and the segment page list them. */
final class Previews {

    record Preview(
            long id,
            String name,
            String gender,
            @Nullable Integer city,
            int memberLevel,
            long orderCount,
            BigDecimal gmv,
            @Nullable Instant lastActiveAt) {}

    private Previews() {}

    static List<Preview> of(CustomerDirectory customers, List<Long> ids) {
        return customers.summaries(ids).stream()
                .map(c -> new Preview(
                        c.id(),
                        c.name(),
                        c.gender().name().toLowerCase(Locale.ROOT),
                        c.city(),
                        c.memberLevel(),
                        c.orderCount(),
                        c.gmv(),
                        c.lastActiveAt()))
                .toList();
    }
}

package io.siyu.analytics;

import io.siyu.access.TenantManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads asked ranges against today in the tenant's time zone. */
@Component
public class Periods {

    private final TenantManagement tenants;
    private final Clock clock;

    Periods(TenantManagement tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    public Period of(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable LocalDate compareFrom,
            @Nullable LocalDate compareTo) {
        var zone = zone();
        return Period.of(from, to, compareFrom, compareTo, LocalDate.now(clock.withZone(zone)), zone);
    }

    ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}

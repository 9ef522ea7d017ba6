package io.siyu.demo;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code SIYU_DEMO_DATA} loads the demo tenant on first start ({@code SIYU_DEMO_CUSTOMERS} customers);
 * {@code ./siyu generate --customers=N} loads the standard data set at any size into a tenant of its own.
 */
@ConfigurationProperties("siyu")
record DemoProperties(
        @DefaultValue("false") boolean demoData,
        @DefaultValue("100000") long demoCustomers,
        @DefaultValue Generate generate) {

    /** A one-off run that loads a data set and exits. {@code asOf} fixes the end date for reproducible benchmarks. */
    record Generate(
            @DefaultValue("false") boolean only,
            @DefaultValue("10000000") long customers,
            @DefaultValue("42") long seed,
            @Nullable LocalDate asOf) {}
}

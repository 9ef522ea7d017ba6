package io.siyu.analytics;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Buckets of a range: days, weeks (Monday to Sunday) or calendar months; the first and last may be partial. */
public enum Grain {
    DAY,
    WEEK,
    MONTH;

    /** A bucket's first and last day. */
    record Bucket(LocalDate start, LocalDate end) {}

    static Grain parse(@Nullable String value, String field, Grain fallback, List<Grain> allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (var grain : allowed) {
            if (grain.name().equalsIgnoreCase(value)) {
                return grain;
            }
        }
        throw new DomainException(
                HttpStatus.BAD_REQUEST,
                "problem.invalid-request",
                List.of(new FieldProblem(
                        field,
                        "analytics.dimension.unknown",
                        value,
                        String.join(", ", allowed.stream().map(Grain::json).toList()))));
    }

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    LocalDate next(LocalDate day) {
        return switch (this) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    List<Bucket> buckets(LocalDate from, LocalDate to) {
        var buckets = new ArrayList<Bucket>();
        for (var start = from; !start.isAfter(to); start = next(start)) {
            var end = next(start).minusDays(1);
            buckets.add(new Bucket(start, end.isAfter(to) ? to : end));
        }
        return buckets;
    }
}

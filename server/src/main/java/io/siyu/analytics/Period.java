package io.siyu.analytics;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A range of days in the tenant's time zone, both ends included, with the period it is compared with (by default
 * the same number of days just before).
 */
public record Period(LocalDate from, LocalDate to, LocalDate compareFrom, LocalDate compareTo, ZoneId zone) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_YEARS_BACK = 3;

    /** Checks the asked range against today; every bad field is named. */
    static Period of(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable LocalDate compareFrom,
            @Nullable LocalDate compareTo,
            LocalDate today,
            ZoneId zone) {
        var end = to == null ? today : to;
        var start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        var problems = new ArrayList<FieldProblem>();
        check(start, end, today, "from", "to", problems);
        LocalDate previousStart;
        LocalDate previousEnd;
        if (compareFrom == null && compareTo == null) {
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            previousEnd = start.minusDays(1);
            previousStart = previousEnd.minusDays(Math.max(0, Math.min(days, MAX_DAYS) - 1));
        } else if (compareFrom == null || compareTo == null) {
            problems.add(new FieldProblem(
                    compareFrom == null ? "compareFrom" : "compareTo", "analytics.range.compare-both"));
            previousStart = start;
            previousEnd = end;
        } else {
            previousStart = compareFrom;
            previousEnd = compareTo;
            check(previousStart, previousEnd, today, "compareFrom", "compareTo", problems);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new Period(start, end, previousStart, previousEnd, zone);
    }

    private static void check(
            LocalDate start,
            LocalDate end,
            LocalDate today,
            String fromField,
            String toField,
            List<FieldProblem> problems) {
        if (start.isAfter(end)) {
            problems.add(new FieldProblem(fromField, "analytics.range.order", start, end));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            problems.add(new FieldProblem(toField, "analytics.range.too-large", MAX_DAYS));
        }
        if (end.isAfter(today)) {
            problems.add(new FieldProblem(toField, "analytics.range.future", today));
        }
        if (start.isBefore(today.minusYears(MAX_YEARS_BACK))) {
            problems.add(new FieldProblem(fromField, "analytics.range.too-old", MAX_YEARS_BACK));
        }
    }

    /** The comparison period as a period of its own (compared with nothing further). */
    Period previous() {
        return new Period(compareFrom, compareTo, compareFrom, compareTo, zone);
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of {@code from}. */
    Timestamp start() {
        return Timestamp.from(from.atStartOfDay(zone).toInstant());
    }

    /** The first instant after {@code to}. */
    Timestamp end() {
        return Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    static Timestamp startOf(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}

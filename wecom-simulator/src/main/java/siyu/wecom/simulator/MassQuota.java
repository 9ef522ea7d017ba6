package siyu.wecom.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/**
 * How many 企业群发 messages a customer (or a 客户群) receives in a period (doc 92135): as many a month as the
 * month has days (today's rule), 7 a natural week or 1 a day (what the admin can switch to), or the legacy 4 a
 * month. Periods are natural days, weeks (Monday first) and months in China time.
 */
enum MassQuota {
    DAYS_IN_MONTH("days-in-month"),
    SEVEN_PER_WEEK("7-per-week"),
    ONE_PER_DAY("1-per-day"),
    FOUR_PER_MONTH("4-per-month");

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final String rule;

    MassQuota(String rule) {
        this.rule = rule;
    }

    /** The rule by its name ({@code days-in-month} …); 400 for another. */
    static MassQuota of(String rule) {
        return Arrays.stream(values())
                .filter(q -> q.rule.equals(rule))
                .findFirst()
                .orElseThrow(() ->
                        SandboxError.badRequest("massQuota: one of days-in-month, 7-per-week, 1-per-day, 4-per-month"));
    }

    /** The start of the period {@code now} is in. */
    Instant periodStart(Instant now) {
        var day = LocalDate.ofInstant(now, ZONE);
        var start = switch (this) {
            case ONE_PER_DAY -> day;
            case SEVEN_PER_WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZONE).toInstant();
    }

    /** How many messages a recipient may receive in the period {@code now} is in. */
    int limit(Instant now) {
        return switch (this) {
            case DAYS_IN_MONTH -> LocalDate.ofInstant(now, ZONE).lengthOfMonth();
            case SEVEN_PER_WEEK -> 7;
            case ONE_PER_DAY -> 1;
            case FOUR_PER_MONTH -> 4;
        };
    }
}

package io.siyu.wecom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which days of 联系客户统计 to ask WeCom for, for one staff member: on the first sync the last {@value #FIRST}
 * days; after that the days not synced yet and always the last {@value #SETTLING} (WeCom's figures for a day
 * settle the next morning). Never today, whose figures still grow, nor beyond WeCom's 180 days. A call takes at
 * most {@value #PER_CALL} days, WeCom's span (doc 92132).
 *
 * @param from the first day, in China time
 * @param to the last day, included
 */
record BehaviourDays(LocalDate from, LocalDate to) {

    /** WeCom's days are natural days in China time: it floors times to 00:00 CST. */
    static final ZoneId WECOM_ZONE = ZoneId.of("Asia/Shanghai");

    static final int FIRST = 30;
    static final int SETTLING = 2;
    static final int PER_CALL = 30;
    /**
     * WeCom serves the last 180 days; one day less, because WeCom's clock and Siyu's may disagree about which
     * day it is for a few seconds around midnight.
     */
    static final int OLDEST = 179;
    /** By this hour (China time) WeCom's figures of the day before have settled. */
    static final int SETTLED_HOUR = 8;

    BehaviourDays {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(from + " is after " + to);
        }
    }

    /** The days to ask for, in calls of at most {@value #PER_CALL} days; none when all is synced. */
    static List<BehaviourDays> toAsk(@Nullable LocalDate lastSynced, LocalDate today) {
        var to = today.minusDays(1);
        var from = lastSynced == null ? today.minusDays(FIRST) : lastSynced.plusDays(1);
        if (from.isAfter(today.minusDays(SETTLING))) {
            from = today.minusDays(SETTLING);
        }
        if (from.isBefore(today.minusDays(OLDEST))) {
            from = today.minusDays(OLDEST);
        }
        var calls = new ArrayList<BehaviourDays>();
        for (var start = from; !start.isAfter(to); start = start.plusDays(PER_CALL)) {
            var end = start.plusDays(PER_CALL - 1);
            calls.add(new BehaviourDays(start, end.isAfter(to) ? to : end));
        }
        return calls;
    }

    /**
     * Whether a staff member's figures are due from WeCom at {@code now}: none synced yet (a new member), or it
     * is past {@value #SETTLED_HOUR}:00 and yesterday's figures are missing or from before that hour. So each
     * member is asked once a day, after WeCom's figures settled, and a new member at once.
     *
     * @param lastSynced the member's last day synced
     * @param yesterdaySyncedAt when yesterday's figures were synced
     */
    static boolean due(@Nullable LocalDate lastSynced, @Nullable Instant yesterdaySyncedAt, Instant now) {
        if (lastSynced == null) {
            return true;
        }
        var settled = LocalDate.ofInstant(now, WECOM_ZONE)
                .atTime(LocalTime.of(SETTLED_HOUR, 0))
                .atZone(WECOM_ZONE)
                .toInstant();
        return !now.isBefore(settled) && (yesterdaySyncedAt == null || yesterdaySyncedAt.isBefore(settled));
    }

    /** WeCom's start_time: the first day's 00:00 China time, in epoch seconds. */
    long startTime() {
        return from.atStartOfDay(WECOM_ZONE).toEpochSecond();
    }

    /** WeCom's end_time: the last day's 00:00 (the range is closed). */
    long endTime() {
        return to.atStartOfDay(WECOM_ZONE).toEpochSecond();
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}

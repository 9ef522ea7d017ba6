package io.siyu.wecom;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whom a channel live code sends the next customer to. WeCom spreads a multi-person code's adds at
 * random and knows nothing of caps or hours, so Siyu points the code at the staff member (or members) it
 * chooses and moves it after each add and when working hours begin or end.
 *
 * <ul>
 *   <li>Only staff on duty (within the schedule) and under their daily cap are eligible.
 *   <li>{@code round_robin}: the first eligible member after the one who got the last customer;
 *       {@code least_loaded}: the eligible member with the fewest current customers; {@code all}: every
 *       eligible member, and WeCom picks among them.
 *   <li>Nobody eligible: the backup staff; without backup staff, the whole pool (a live code must point at
 *       someone, and a customer should never scan a dead code).
 * </ul>
 */
final class StaffRouting {

    enum Assignment {
        ROUND_ROBIN,
        LEAST_LOADED,
        ALL;

        static Assignment of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Working hours: the days of the week (1 Monday … 7 Sunday) and a time span, possibly past midnight. */
    record Schedule(Set<Integer> days, LocalTime from, LocalTime to) {

        boolean covers(LocalDateTime at) {
            var time = at.toLocalTime();
            if (!from.isAfter(to)) {
                return days.contains(at.getDayOfWeek().getValue()) && !time.isBefore(from) && time.isBefore(to);
            }
            // overnight, e.g. 20:00–02:00: the early hours belong to the day before
            if (!time.isBefore(from)) {
                return days.contains(at.getDayOfWeek().getValue());
            }
            return time.isBefore(to) && days.contains(at.getDayOfWeek().minus(1).getValue());
        }

        static Schedule weekdays(LocalTime from, LocalTime to) {
            return new Schedule(
                    Set.of(
                            DayOfWeek.MONDAY.getValue(),
                            DayOfWeek.TUESDAY.getValue(),
                            DayOfWeek.WEDNESDAY.getValue(),
                            DayOfWeek.THURSDAY.getValue(),
                            DayOfWeek.FRIDAY.getValue()),
                    from,
                    to);
        }
    }

    /** The situation a decision is taken in. */
    record Load(
            Map<String, Integer> addsToday,
            Map<String, Integer> customers,
            @Nullable String lastAssigned,
            LocalDateTime now) {}

    private StaffRouting() {}

    static List<String> route(
            List<String> pool,
            List<String> backup,
            Assignment assignment,
            @Nullable Integer dailyCap,
            @Nullable Schedule schedule,
            Load load) {
        boolean onDuty = schedule == null || schedule.covers(load.now());
        var eligible = onDuty
                ? pool.stream()
                        .filter(s -> dailyCap == null || load.addsToday().getOrDefault(s, 0) < dailyCap)
                        .toList()
                : List.<String>of();
        if (eligible.isEmpty()) {
            return backup.isEmpty() ? pool : backup;
        }
        return switch (assignment) {
            case ALL -> eligible;
            case LEAST_LOADED ->
                List.of(eligible.stream()
                        .min(Comparator.comparingInt(
                                        (String s) -> load.customers().getOrDefault(s, 0))
                                .thenComparingInt(pool::indexOf))
                        .orElseThrow());
            case ROUND_ROBIN -> List.of(next(pool, eligible, load.lastAssigned()));
        };
    }

    private static String next(List<String> pool, List<String> eligible, @Nullable String last) {
        int start = last == null ? -1 : pool.indexOf(last);
        for (int step = 1; step <= pool.size(); step++) {
            var candidate = pool.get(Math.floorMod(start + step, pool.size()));
            if (eligible.contains(candidate)) {
                return candidate;
            }
        }
        return eligible.getFirst();
    }
}

package io.siyu.dashboard;

import java.time.LocalDate;
import java.util.List;

/** The home page in one response; counts cover the last {@code days} calendar days in the tenant's zone. */
public record Overview(
        int days,
        Customers customers,
        Staff staff,
        Events events,
        List<DailyCount> dailyNewCustomers,
        List<DailyEvents> dailyEvents,
        List<LevelCount> membersByLevel,
        List<GenderCount> genders) {

    public record Customers(long total, long members, long newInPeriod) {}

    public record Staff(long total) {}

    public record Events(long inPeriod) {}

    public record DailyCount(LocalDate date, long count) {}

    public record DailyEvents(LocalDate date, String type, long count) {}

    public record LevelCount(int level, long count) {}

    public record GenderCount(int gender, long count) {}
}

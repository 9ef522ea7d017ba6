package io.siyu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Quiet hours and WeCom's quota periods, as pure functions. */
class SendingRulesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Property
    void aTimeMovedOutOfQuietHoursIsNeverEarlierNeverQuietAndAtMostADayLater(
            @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epoch,
            @ForAll @IntRange(min = 0, max = 1439) int fromMinute,
            @ForAll @IntRange(min = 0, max = 1439) int toMinute) {
        var at = Instant.ofEpochSecond(epoch);
        var from = LocalTime.MIN.plusMinutes(fromMinute);
        var to = LocalTime.MIN.plusMinutes(toMinute);

        var allowed = SendingRules.outsideQuietHours(at, SHANGHAI, from, to);

        assertThat(allowed).isAfterOrEqualTo(at);
        assertThat(allowed).isBeforeOrEqualTo(at.plusSeconds(86_400));
        if (!from.equals(to)) {
            assertThat(SendingRules.quiet(allowed.atZone(SHANGHAI).toLocalTime(), from, to))
                    .as("%s is outside %s–%s", allowed.atZone(SHANGHAI), from, to)
                    .isFalse();
            if (!SendingRules.quiet(at.atZone(SHANGHAI).toLocalTime(), from, to)) {
                assertThat(allowed).as("a time outside quiet hours stays").isEqualTo(at);
            }
        }
    }

    @Example
    void aSendDueAtElevenAtNightWaitsForEightInTheMorning() {
        var at = ZonedDateTime.of(2026, 11, 30, 23, 15, 0, 0, SHANGHAI).toInstant();
        assertThat(SendingRules.outsideQuietHours(at, SHANGHAI, LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Example
    void weComsQuotaPeriodsFollowTheCorpsRuleInChinasCalendar() {
        // 2026-02-10 01:00 in Shanghai is still 2026-02-09 in UTC
        var at = ZonedDateTime.of(2026, 2, 10, 1, 0, 0, 0, SHANGHAI).toInstant();
        var month = SendingRules.quotaWindow(at, "days-in-month");
        assertThat(month.limit()).as("February 2026 has 28 days").isEqualTo(28);
        assertThat(month.from().toLocalDate()).hasToString("2026-02-01");
        var week = SendingRules.quotaWindow(at, "7-per-week");
        assertThat(week.limit()).isEqualTo(7);
        assertThat(week.from().toLocalDate()).as("the Monday").hasToString("2026-02-09");
        var day = SendingRules.quotaWindow(at, "1-per-day");
        assertThat(day.from().toLocalDate()).hasToString("2026-02-10");
        assertThat(SendingRules.quotaWindow(at, "4-per-month").limit()).isEqualTo(4);
    }
}

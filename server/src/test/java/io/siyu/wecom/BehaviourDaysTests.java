package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BehaviourDaysTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);

    @Test
    void theFirstSyncAsksForTheLastThirtyDaysInOneCall() {
        var calls = BehaviourDays.toAsk(null, TODAY);

        assertThat(calls).containsExactly(new BehaviourDays(TODAY.minusDays(30), TODAY.minusDays(1)));
        assertThat(calls.getFirst().days()).isEqualTo(30);
    }

    @Test
    void aSyncAfterThatAsksForYesterdayAndTheDayBeforeAgain() {
        assertThat(BehaviourDays.toAsk(TODAY.minusDays(1), TODAY))
                .containsExactly(new BehaviourDays(TODAY.minusDays(2), TODAY.minusDays(1)));
        assertThat(BehaviourDays.toAsk(TODAY, TODAY))
                .as("a day synced while it was today is asked again")
                .containsExactly(new BehaviourDays(TODAY.minusDays(2), TODAY.minusDays(1)));
    }

    @Test
    void daysMissedSinceTheLastSyncAreAskedFor() {
        assertThat(BehaviourDays.toAsk(TODAY.minusDays(6), TODAY))
                .containsExactly(new BehaviourDays(TODAY.minusDays(5), TODAY.minusDays(1)));
    }

    @Test
    void aLongGapIsAskedForInCallsOfThirtyDaysNoFurtherBackThanWeComKeeps() {
        var calls = BehaviourDays.toAsk(TODAY.minusDays(400), TODAY);

        assertThat(calls.getFirst().from()).isEqualTo(TODAY.minusDays(179));
        assertThat(calls.getLast().to()).isEqualTo(TODAY.minusDays(1));
        assertThat(calls).allSatisfy(call -> assertThat(call.days()).isBetween(1, 30));
        assertThat(calls.stream().mapToInt(BehaviourDays::days).sum()).isEqualTo(179);
    }

    @Test
    void timesAreMidnightInChinaTime() {
        var days = new BehaviourDays(LocalDate.of(2018, 9, 10), LocalDate.of(2018, 9, 11));

        // the example of WeCom's doc 92132
        assertThat(days.startTime()).isEqualTo(1536508800L);
        assertThat(days.endTime()).isEqualTo(1536595200L);
    }

    @Test
    void aNewStaffMemberIsDueAtAnyHour() {
        assertThat(BehaviourDays.due(null, null, at(LocalTime.of(3, 0)))).isTrue();
    }

    @Test
    void yesterdayIsDueOnceWeComSettledItInTheMorning() {
        var yesterday = TODAY.minusDays(1);
        var justAfterMidnight = at(LocalTime.of(0, 10));

        assertThat(BehaviourDays.due(yesterday, justAfterMidnight, at(LocalTime.of(7, 59))))
                .as("not yet settled")
                .isFalse();
        assertThat(BehaviourDays.due(yesterday, justAfterMidnight, at(LocalTime.of(8, 0))))
                .as("synced before it settled")
                .isTrue();
        assertThat(BehaviourDays.due(TODAY.minusDays(2), null, at(LocalTime.of(9, 0))))
                .as("not synced at all")
                .isTrue();
        assertThat(BehaviourDays.due(yesterday, at(LocalTime.of(8, 5)), at(LocalTime.of(23, 0))))
                .as("synced after it settled")
                .isFalse();
    }

    private static Instant at(LocalTime time) {
        return TODAY.atTime(time).atZone(BehaviourDays.WECOM_ZONE).toInstant();
    }
}

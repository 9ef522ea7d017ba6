package io.siyu.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.FieldProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** When time-based triggers fire and time-of-day waits end, in the tenant's zone. */
class JourneyTimingTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDailyScheduleFiresOnceItsTimeHasComeTodayAndNotBefore() {
        var trigger = trigger("{\"type\": \"schedule\", \"every\": \"day\", \"at\": \"09:00\", \"segmentId\": 1}");

        assertThat(JourneyFire.occurrence(trigger, LocalDateTime.parse("2026-11-30T08:59:59")))
                .isNull();
        assertThat(JourneyFire.occurrence(trigger, LocalDateTime.parse("2026-11-30T09:00:00")))
                .isEqualTo(LocalDateTime.parse("2026-11-30T09:00"));
        assertThat(JourneyFire.occurrence(trigger, LocalDateTime.parse("2026-11-30T23:00:00")))
                .as("the same occurrence all day: it is claimed once")
                .isEqualTo(LocalDateTime.parse("2026-11-30T09:00"));
    }

    @Test
    void weeklyMonthlyAndOnceSchedulesFireOnlyOnTheirDays() {
        var weekly = trigger(
                "{\"type\": \"schedule\", \"every\": \"week\", \"weekdays\": [1, 5], \"at\": \"10:00\", \"segmentId\": 1}");
        assertThat(JourneyFire.occurrence(weekly, LocalDateTime.parse("2026-11-30T11:00")))
                .as("a Monday")
                .isNotNull();
        assertThat(JourneyFire.occurrence(weekly, LocalDateTime.parse("2026-12-01T11:00")))
                .as("a Tuesday")
                .isNull();

        var monthly = trigger(
                "{\"type\": \"schedule\", \"every\": \"month\", \"monthDays\": [31], \"at\": \"10:00\", \"segmentId\": 1}");
        assertThat(JourneyFire.occurrence(monthly, LocalDateTime.parse("2026-11-30T11:00")))
                .as("the 31st falls on the last day of a shorter month")
                .isNotNull();
        assertThat(JourneyFire.occurrence(monthly, LocalDateTime.parse("2026-11-29T11:00")))
                .isNull();

        var once = trigger(
                "{\"type\": \"schedule\", \"every\": \"once\", \"date\": \"2026-12-12\", \"at\": \"20:00\", \"segmentId\": 1}");
        assertThat(JourneyFire.occurrence(once, LocalDateTime.parse("2026-12-12T20:30")))
                .isNotNull();
        assertThat(JourneyFire.occurrence(once, LocalDateTime.parse("2026-12-13T20:30")))
                .isNull();
    }

    @Test
    void aTimeOfDayWaitEndsAtTheNextSuchTimeOnAnAllowedWeekday() {
        var daily = step("{\"id\": \"w\", \"type\": \"wait_until\", \"time\": \"20:00\"}");
        var morning = Instant.parse("2026-11-30T01:00:00Z"); // 09:00 in Shanghai, a Monday
        assertThat(StepExecutor.nextTime(daily, morning, SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        var evening = Instant.parse("2026-11-30T13:00:00Z"); // 21:00
        assertThat(StepExecutor.nextTime(daily, evening, SHANGHAI)).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));

        var saturdays = step("{\"id\": \"w\", \"type\": \"wait_until\", \"time\": \"10:00\", \"weekdays\": [6]}");
        assertThat(StepExecutor.nextTime(saturdays, morning, SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
    }

    @Test
    void anEventFilterComparesNumbersAsNumbersAndTextAsText() {
        var where = JourneyDefinition.where(
                JSON.readTree("[{\"property\": \"amount\", \"op\": \"gte\", \"value\": 100},"
                        + " {\"property\": \"sku\", \"op\": \"contains\", \"value\": \"tea\"}]"),
                "where",
                new ArrayList<>());
        assertThat(JourneyDefinition.Where.all(where, JSON.readTree("{\"amount\": 120.5, \"sku\": \"green-tea\"}")))
                .isTrue();
        assertThat(JourneyDefinition.Where.all(where, JSON.readTree("{\"amount\": 99, \"sku\": \"green-tea\"}")))
                .isFalse();
        assertThat(JourneyDefinition.Where.all(where, JSON.readTree("{\"amount\": 1000, \"sku\": \"coffee\"}")))
                .isFalse();
        assertThat(JourneyDefinition.Where.all(where, JSON.readTree("{\"sku\": \"tea\"}")))
                .as("a missing property meets no comparison but neq")
                .isFalse();
    }

    private static JourneyDefinition.Trigger trigger(String json) {
        var problems = new ArrayList<FieldProblem>();
        var definition = JourneyDefinition.read(
                JSON.readTree("{\"trigger\": " + json
                        + ", \"start\": \"a\", \"steps\": [{\"id\": \"a\", \"type\": \"exit\"}]}"),
                problems);
        assertThat(problems).isEmpty();
        return definition.trigger();
    }

    private static JourneyDefinition.Step step(String json) {
        return JourneyDefinition.read(
                        JSON.readTree("{\"trigger\": {\"type\": \"event\", \"eventType\": \"view\"}, \"start\": \"w\","
                                + " \"steps\": [" + json + "]}"),
                        new ArrayList<>())
                .step("w");
    }
}

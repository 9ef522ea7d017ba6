package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.wecom.StaffRouting.Assignment;
import io.siyu.wecom.StaffRouting.Load;
import io.siyu.wecom.StaffRouting.Schedule;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StaffRoutingTests {

    static final List<String> POOL = List.of("lina", "wangfang", "zhoujie");
    static final LocalDateTime TUESDAY_NOON = LocalDateTime.of(2026, 12, 1, 12, 0);

    @Property
    void neverSendsACustomerToStaffAtTheirCapWhileAnotherIsUnderIt(
            @ForAll("adds") Map<String, Integer> addsToday,
            @ForAll @IntRange(min = 1, max = 5) int cap,
            @ForAll("assignments") Assignment assignment) {
        var routed = StaffRouting.route(
                POOL, List.of("backup"), assignment, cap, null, new Load(addsToday, Map.of(), null, TUESDAY_NOON));

        boolean someoneUnder = POOL.stream().anyMatch(s -> addsToday.getOrDefault(s, 0) < cap);
        if (someoneUnder) {
            assertThat(routed).isNotEmpty().allMatch(s -> addsToday.getOrDefault(s, 0) < cap);
        } else {
            assertThat(routed).containsExactly("backup");
        }
    }

    @Property
    void roundRobinGivesEachOfNCustomersInTurnAndNobodyTwiceBeforeEveryoneOnce(
            @ForAll @IntRange(min = 1, max = 30) int customers) {
        var adds = new HashMap<String, Integer>();
        String last = null;
        var order = new ArrayList<String>();
        for (int i = 0; i < customers; i++) {
            var routed = StaffRouting.route(
                    POOL, List.of(), Assignment.ROUND_ROBIN, null, null, new Load(adds, Map.of(), last, TUESDAY_NOON));
            assertThat(routed).hasSize(1);
            last = routed.getFirst();
            order.add(last);
            adds.merge(last, 1, Integer::sum);
        }
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(POOL.get(i % POOL.size()));
        }
    }

    @Test
    void leastLoadedPicksTheStaffMemberWithFewestCustomersAndTiesGoToPoolOrder() {
        var load = new Load(Map.of(), Map.of("lina", 40, "wangfang", 12, "zhoujie", 12), null, TUESDAY_NOON);

        assertThat(StaffRouting.route(POOL, List.of(), Assignment.LEAST_LOADED, null, null, load))
                .containsExactly("wangfang");
    }

    @Test
    void outsideWorkingHoursTheBackupStaffTakeOverAndOvernightShiftsBelongToTheirStartDay() {
        var weekdays = Schedule.weekdays(LocalTime.of(9, 0), LocalTime.of(18, 0));
        var saturday = LocalDateTime.of(2026, 12, 5, 10, 0);

        assertThat(StaffRouting.route(POOL, List.of("zhaolei"), Assignment.ALL, null, weekdays, load(saturday)))
                .containsExactly("zhaolei");
        assertThat(StaffRouting.route(POOL, List.of("zhaolei"), Assignment.ALL, null, weekdays, load(TUESDAY_NOON)))
                .containsExactlyElementsOf(POOL);
        assertThat(StaffRouting.route(POOL, List.of(), Assignment.ALL, null, weekdays, load(saturday)))
                .as("without backup staff the code still points at someone")
                .containsExactlyElementsOf(POOL);

        var fridayNights = new Schedule(FRIDAY, LocalTime.of(20, 0), LocalTime.of(2, 0));
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 12, 5, 1, 0)))
                .as("Saturday 01:00")
                .isTrue();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 12, 4, 21, 0)))
                .as("Friday 21:00")
                .isTrue();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 12, 5, 21, 0)))
                .as("Saturday 21:00")
                .isFalse();
        assertThat(fridayNights.covers(LocalDateTime.of(2026, 12, 4, 19, 0)))
                .as("Friday 19:00")
                .isFalse();
    }

    private static Load load(LocalDateTime at) {
        return new Load(Map.of(), Map.of(), null, at);
    }

    @Provide
    Arbitrary<Map<String, Integer>> adds() {
        return Arbitraries.maps(Arbitraries.of(POOL), Arbitraries.integers().between(0, 6))
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<Assignment> assignments() {
        return Arbitraries.of(Assignment.class);
    }

    static final Set<Integer> FRIDAY = Set.of(5);
}

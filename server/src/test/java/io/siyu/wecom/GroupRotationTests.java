package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRotationTests {

    @Test
    void theWayNamesTheNextFiveGroupsBelowTheThresholdInTheCodesOrder() {
        var groups = List.of(
                load("a", 190),
                load("b", 12),
                new GroupRotation.Load("c", 3, true),
                load("d", 189),
                load("e", 0),
                load("f", 0),
                load("g", 0),
                load("h", 0));

        var decision = GroupRotation.decide(groups, 190, List.of("a"));

        assertThat(decision.chatIds()).containsExactly("b", "d", "e", "f", "g");
        assertThat(decision.full()).isFalse();
    }

    @Test
    void whenEveryGroupIsAtTheThresholdTheWayKeepsThoseWithRoomUnderWeComsCapAndTheCodeIsFull() {
        var decision = GroupRotation.decide(List.of(load("a", 200), load("b", 195), load("c", 190)), 190, List.of());

        assertThat(decision.chatIds()).containsExactly("b", "c");
        assertThat(decision.full()).isTrue();
    }

    @Test
    void whenEveryGroupHas200MembersTheWayNamesTheLastSoThatWeComCanMakeANewRoomAfterIt() {
        var decision = GroupRotation.decide(List.of(load("a", 200), load("b", 200)), 190, List.of("a"));

        assertThat(decision.chatIds()).containsExactly("b");
        assertThat(decision.full()).isTrue();
    }

    @Test
    void whenEveryGroupIsDismissedTheWayStaysAsItIs() {
        var decision = GroupRotation.decide(List.of(new GroupRotation.Load("a", 0, true)), 190, List.of("a"));

        assertThat(decision.chatIds()).containsExactly("a");
        assertThat(decision.full()).isTrue();
    }

    private static GroupRotation.Load load(String chatId, int members) {
        return new GroupRotation.Load(chatId, members, false);
    }
}

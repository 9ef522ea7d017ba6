package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralForestTests {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    static ReferralForest.Edge edge(long from, long to, long hours) {
        return new ReferralForest.Edge(from, to, 1L, T.plusSeconds(hours * 3600));
    }

    @Test
    void aCustomerInvitedTwiceHangsUnderWhoeverInvitedThemFirst() {
        var forest = new ReferralForest(List.of(edge(1, 2, 5), edge(3, 2, 1), edge(2, 4, 6), edge(1, 3, 0)));
        // 1 → 3 → 2 → 4 (3 invited 2 before 1 did)
        assertThat(forest.generation(2)).isEqualTo(2);
        assertThat(forest.generation(4)).isEqualTo(3);
        assertThat(forest.chain(1)).isEqualTo(3);
        assertThat(forest.chain(3)).isEqualTo(2);
        assertThat(forest.maxGeneration()).isEqualTo(3);
    }

    @Test
    void aCircleOfInvitationsIsCutAtItsLowestCustomerIdAndWhatHangsOffItStaysBelow() {
        // 5 → 6 → 7 → 5 (across campaigns that take existing customers), and 7 → 3 hangs off the circle
        var forest = new ReferralForest(List.of(edge(5, 6, 1), edge(6, 7, 2), edge(7, 5, 3), edge(7, 3, 4)));
        assertThat(forest.generation(5)).isZero();
        assertThat(forest.generation(6)).isEqualTo(1);
        assertThat(forest.generation(7)).isEqualTo(2);
        assertThat(forest.generation(3)).isEqualTo(3);
        assertThat(forest.chain(5)).isEqualTo(3);
        assertThat(forest.generations()).extracting(g -> g[1]).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void selfInvitationsAreLeftOutAndTheReachStopsAtItsLimit() {
        var forest = new ReferralForest(List.of(edge(1, 1, 0), edge(1, 2, 1), edge(1, 3, 2), edge(3, 4, 3)));
        assertThat(forest.edges()).hasSize(3);
        assertThat(forest.reach(List.of(1L), 10)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(forest.reach(List.of(1L), 3)).containsExactly(1L, 2L, 3L);
        assertThat(forest.generation(99)).isEqualTo(-1);
    }
}

package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    @Test
    void aCursorFromOnePageStartsTheNextAfterItsLastRow() {
        var page = CursorPage.ofDescending(List.of(9L, 8L, 7L), 2, Long::longValue);

        assertThat(page.items()).containsExactly(9L, 8L);
        assertThat(PageRequest.of(2, page.nextCursor()).before()).isEqualTo(8L);
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(CursorPage.ofDescending(List.of(3L, 2L), 2, Long::longValue).nextCursor())
                .isNull();
    }

    @Test
    void defaultsToFiftyFromTheTop() {
        var request = PageRequest.of(null, null);

        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.before()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesLimitsOutsideOneToTwoHundredAndForeignCursors() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(10, "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems().getFirst().field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> PageRequest.of(10, "!!")).isInstanceOf(DomainException.class);
    }
}

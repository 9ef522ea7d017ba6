package io.siyu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customer.CustomerRecord;
import io.siyu.event.EventRecord;
import io.siyu.tagging.TagBulkLoad.Assignment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StandardDataSetTests {

    static final Instant END = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void theSameArgumentsGiveTheSameRows() {
        var a = new StandardDataSet(1_000, 42, END);
        var b = new StandardDataSet(1_000, 42, END);

        assertThat(customers(a)).isEqualTo(customers(b));
        assertThat(events(a)).isEqualTo(events(b));
    }

    @Test
    void anotherSeedGivesOtherRows() {
        assertThat(customers(new StandardDataSet(1_000, 1, END)))
                .isNotEqualTo(customers(new StandardDataSet(1_000, 2, END)));
    }

    @Test
    void customersStayWithinTheDefinedRanges() {
        var data = new StandardDataSet(20_000, 7, END);
        var rows = customers(data);

        assertThat(rows)
                .extracting(CustomerRecord::number)
                .doesNotHaveDuplicates()
                .hasSize(20_000);
        assertThat(rows).allSatisfy(c -> {
            assertThat(c.gender()).isBetween(1, 2);
            assertThat(c.city()).isBetween(0, 299);
            assertThat(c.memberLevel()).isBetween(0, 3);
            assertThat(c.memberSince() == null).isEqualTo(c.memberLevel() == 0);
            assertThat(c.createdAt()).isBefore(END);
        });
        assertThat(rows.stream().map(CustomerRecord::memberLevel).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1, 2, 3);
        long beijing = rows.stream().filter(c -> c.city() == 0).count();
        assertThat(beijing).isBetween(20_000L / 300 / 2, 20_000L / 300 * 2);
    }

    @Test
    void everyCustomerCarriesFiveDistinctTagsOutOfFiveHundred() {
        var data = new StandardDataSet(5_000, 7, END);
        var assignments = new ArrayList<Assignment>();
        data.tagAssignments(0, assignments::add);

        var byCustomer = assignments.stream().collect(Collectors.groupingBy(Assignment::customerNumber));
        assertThat(byCustomer).hasSize(5_000);
        assertThat(byCustomer.values())
                .allSatisfy(tags -> assertThat(new HashSet<>(tags)).hasSize(5));
        assertThat(assignments).allSatisfy(a -> assertThat(a.tagId()).isBetween(1, 500));
        assertThat(data.tags()).hasSize(500);
    }

    @Test
    void eventsFallInTheYearBeforeTheEndAndReferToExistingCustomers() {
        var data = new StandardDataSet(3_000, 7, END);
        var rows = events(data);

        assertThat(rows).hasSize(30_000);
        assertThat(rows).allSatisfy(e -> {
            assertThat(e.customerNumber()).isBetween(1L, 3_000L);
            assertThat(e.occurredAt()).isBefore(END).isAfterOrEqualTo(END.minus(Duration.ofDays(365)));
        });
        assertThat(rows.stream().map(EventRecord::type).distinct()).hasSize(6);
    }

    @Test
    void chunksCoverEveryCustomerExactlyOnceWhateverTheSize() {
        var data = new StandardDataSet(StandardDataSet.CHUNK + 17, 3, END);

        assertThat(data.customerChunks()).isEqualTo(2);
        assertThat(customers(data))
                .extracting(CustomerRecord::number)
                .doesNotHaveDuplicates()
                .hasSize((int) StandardDataSet.CHUNK + 17);
    }

    private static List<CustomerRecord> customers(StandardDataSet data) {
        var rows = new ArrayList<CustomerRecord>();
        for (long chunk = 0; chunk < data.customerChunks(); chunk++) {
            data.customers(chunk, java.util.List.of(), rows::add);
        }
        return rows;
    }

    private static List<EventRecord> events(StandardDataSet data) {
        var rows = new ArrayList<EventRecord>();
        for (long chunk = 0; chunk < data.eventChunks(); chunk++) {
            data.events(chunk, rows::add);
        }
        return rows;
    }
}

package io.siyu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.customer.CustomerBulkLoad;
import io.siyu.customer.CustomerRecord;
import io.siyu.event.EventBulkLoad;
import io.siyu.event.EventRecord;
import io.siyu.event.EventType;
import io.siyu.shared.Tenancy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The overview against data with answers known in advance, including the tenant's day boundaries. */
class DashboardIntegrationTests extends IntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    CustomerBulkLoad customers;

    @Autowired
    EventBulkLoad events;

    ApiClient operator;
    LocalDate today;

    @BeforeEach
    void knownData() {
        var fixture = tenants.create();
        var tenant = fixture.tenant();
        today = LocalDate.now(SHANGHAI);
        var todayNoon = today.atTime(12, 0).atZone(SHANGHAI).toInstant();
        // 23:30 Shanghai yesterday is 15:30 UTC yesterday: must count as yesterday in the tenant's zone
        var lateYesterday = today.minusDays(1).atTime(23, 30).atZone(SHANGHAI).toInstant();
        var longAgo = todayNoon.minus(400, ChronoUnit.DAYS);
        Tenancy.runAs(tenant, () -> {
            events.preparePartitions(today.minusDays(400), today);
            customers.load(tenant, sink -> {
                sink.accept(new CustomerRecord(1, "甲", 1, 0, 0, null, todayNoon));
                sink.accept(new CustomerRecord(2, "乙", 2, 0, 2, today.minusDays(3), lateYesterday));
                sink.accept(new CustomerRecord(3, "丙", 2, 5, 3, today.minusDays(900), longAgo));
            });
            events.load(tenant, sink -> {
                sink.accept(new EventRecord(1, EventType.VIEW, todayNoon));
                sink.accept(new EventRecord(1, EventType.PURCHASE, todayNoon));
                sink.accept(new EventRecord(2, EventType.VIEW, lateYesterday));
                sink.accept(new EventRecord(3, EventType.SHARE, longAgo));
            });
        });
        operator = ApiClient.loggedIn(port, fixture.operator());
    }

    @Test
    void countsCustomersMembersAndEventsOfThePeriod() {
        var overview = operator.get("/api/v1/dashboard/overview?days=7").json();

        assertThat(overview.path("customers").path("total").asLong()).isEqualTo(3);
        assertThat(overview.path("customers").path("members").asLong()).isEqualTo(2);
        assertThat(overview.path("customers").path("newInPeriod").asLong()).isEqualTo(2);
        assertThat(overview.path("events").path("inPeriod").asLong()).isEqualTo(3);
        assertThat(overview.path("staff").path("total").asLong()).isEqualTo(4);
    }

    @Test
    void bucketsDaysInTheTenantsTimeZone() {
        var overview = operator.get("/api/v1/dashboard/overview?days=7").json();

        var newByDay = overview.path("dailyNewCustomers")
                .valueStream()
                .map(d -> d.path("date").asString() + "=" + d.path("count").asLong())
                .toList();
        assertThat(newByDay).containsExactly(today.minusDays(1) + "=1", today + "=1");
        var eventsByDay = overview.path("dailyEvents")
                .valueStream()
                .map(d -> d.path("date").asString() + "/" + d.path("type").asString() + "="
                        + d.path("count").asLong())
                .toList();
        assertThat(eventsByDay)
                .containsExactly(today.minusDays(1) + "/view=1", today + "/view=1", today + "/purchase=1");
    }

    @Test
    void theOneDayPeriodStartsAtTheTenantsMidnight() {
        var overview = operator.get("/api/v1/dashboard/overview?days=1").json();

        assertThat(overview.path("customers").path("newInPeriod").asLong()).isEqualTo(1);
        assertThat(overview.path("events").path("inPeriod").asLong()).isEqualTo(2);
    }

    @Test
    void splitsCustomersByMemberLevelAndGender() {
        var overview = operator.get("/api/v1/dashboard/overview").json();

        assertThat(overview.path("days").asInt()).isEqualTo(30);
        assertThat(overview.path("membersByLevel")
                        .valueStream()
                        .map(l ->
                                l.path("level").asInt() + ":" + l.path("count").asLong()))
                .containsExactly("0:1", "2:1", "3:1");
        assertThat(overview.path("genders")
                        .valueStream()
                        .map(g ->
                                g.path("gender").asInt() + ":" + g.path("count").asLong()))
                .containsExactly("1:1", "2:2");
    }

    @Test
    void refusesAPeriodOutsideOneToThreeHundredSixtySixDays() {
        for (var days : new String[] {"0", "367", "-5", "many"}) {
            var response = operator.get("/api/v1/dashboard/overview?days=" + days);
            assertThat(response.status()).as("days=%s", days).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("days");
        }
    }
}

package io.siyu.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anniversary care: a member whose joining day comes round gets the program's anniversary points and coupon and a
 * member_anniversary event, once per member and year however often the daily job runs; members who joined on
 * another day, or this year, get nothing.
 */
class AnniversaryIntegrationTests extends IntegrationTest {

    @Autowired
    Anniversaries anniversaries;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        var template = admin.post("/api/v1/loyalty/coupon-templates", """
                {"code": "ANNIV-10", "name": "周年券", "kind": "amount", "value": 10, "threshold": 0,
                 "validDays": 30, "perCustomer": 10}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
    }

    ApiClient.Response program(String anniversary) {
        return admin.put("/api/v1/loyalty/program", """
                {"name": "会员计划", "joinRule": "free", "pointsPerYuan": 1, "growthPerYuan": 1,
                 "pointsExpiry": "never", %s
                 "tiers": [{"level": 1, "name": "普通", "minGrowth": 0, "multiplier": 1, "discountPercent": 0,
                            "freeShipping": false, "birthdayPoints": 0}]}""".formatted(anniversary));
    }

    /** A member who joined at noon, Shanghai time, on that day. */
    long member(String mobile, LocalDate joined) {
        var made = admin.post("/api/v1/customers", """
                {"name": "会员", "identities": [{"type": "mobile", "value": "%s"}]}""".formatted(mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long customer = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/loyalty/members", "{\"customerId\": %d}".formatted(customer))
                        .status())
                .isEqualTo(201);
        sql.update(
                fixture.tenant(),
                "update member set joined_at = timestamptz '" + joined + " 12:00:00+08' where customer_id = "
                        + customer);
        return customer;
    }

    int care(LocalDate day) {
        return Tenancy.callAs(fixture.tenant(), () -> anniversaries.care(day));
    }

    long count(String query) {
        return sql.count(fixture.tenant(), query);
    }

    @Test
    void aMemberGetsTheAnniversaryGiftAndEventOnceAYear() {
        assertThat(program("\"anniversaryPoints\": 300, \"anniversaryCoupon\": \"ANNIV-10\",")
                        .status())
                .isEqualTo(200);
        var today = LocalDate.of(2026, 12, 1);
        long ann = member("13900009001", today.minusYears(2));
        long bob = member("13900009002", today.minusYears(1).plusDays(1));
        long cat = member("13900009003", today);

        assertThat(care(today)).isEqualTo(1);
        assertThat(care(today)).as("a second run that day").isZero();
        assertThat(count("select coalesce(sum(points), 0) from points_entry where customer_id = " + ann))
                .isEqualTo(300);
        assertThat(count("select count(*) from coupon where source = 'anniversary' and customer_id = " + ann))
                .isEqualTo(1);
        assertThat(count("select count(*) from event where type = 14 and customer_id = " + ann))
                .isEqualTo(1);
        assertThat(count("select (properties ->> 'years')::int from event where type = 14 and customer_id = " + ann))
                .isEqualTo(2);
        assertThat(count("select count(*) from points_entry where customer_id in (" + bob + ", " + cat + ")"))
                .as("another day, or joined this year")
                .isZero();

        assertThat(care(today.plusYears(1))).as("next year").isEqualTo(2);
        assertThat(count("select count(*) from event where type = 14")).isEqualTo(3);
    }

    @Test
    void theProgramKeepsTheAnniversaryGiftAndRefusesAnUnknownCoupon() {
        assertThat(program("\"anniversaryPoints\": 50, \"anniversaryCoupon\": \"ANNIV-10\",")
                        .status())
                .isEqualTo(200);
        var saved = admin.get("/api/v1/loyalty/program").json();
        assertThat(saved.path("anniversaryPoints").asLong()).isEqualTo(50);
        assertThat(saved.path("anniversaryCoupon").asString()).isEqualTo("ANNIV-10");

        var bad = program("\"anniversaryPoints\": -1, \"anniversaryCoupon\": \"NOPE\",");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly("anniversaryPoints", "anniversaryCoupon");
    }

    @Test
    void withoutAGiftTheAnniversaryIsStillAnEventForJourneys() {
        var today = LocalDate.of(2027, 2, 28);
        long leap = member("13900009010", LocalDate.of(2024, 2, 29));
        assertThat(care(today)).as("29 February's anniversary on the 28th").isEqualTo(1);
        assertThat(count("select count(*) from event where type = 14 and customer_id = " + leap))
                .isEqualTo(1);
        assertThat(count("select count(*) from points_entry")).isZero();
    }
}

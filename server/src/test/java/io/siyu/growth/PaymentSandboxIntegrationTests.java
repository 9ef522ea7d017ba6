package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.shared.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment sandbox shows, to admins only, what the simulated providers hold by key (how often each key was
 * asked for, and the totals), so that crash tests can count from outside what was paid.
 */
class PaymentSandboxIntegrationTests extends IntegrationTest {

    @Autowired
    GroupBuys groupBuys;

    @Autowired
    GroupBuyRefunds refunds;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        sql.customers(fixture.tenant(), "团员", 5);
    }

    /** A team of two at ¥79 fails at its time: both are refunded through the simulated provider. */
    void aFailedTeamIsRefunded() {
        var offer = admin.post("/api/v1/group-buys", """
                {"name": "面膜三人团", "sku": "MASK-01", "productName": "补水面膜", "listPrice": 99,
                 "tiers": [{"size": 3, "price": 79}], "stock": 10, "endsAt": "%s"}""".formatted(Instant.now().plus(7, ChronoUnit.DAYS)));
        long id = offer.json().path("id").asLong();
        var team = admin.post("/api/v1/group-buys/" + id + "/teams", """
                {"customerId": 1, "joinKey": "o-1", "paymentRef": "pay-1", "paid": 79}""");
        long teamId = team.json().path("id").asLong();
        assertThat(admin.post("/api/v1/group-buys/" + id + "/teams/" + teamId + "/members", """
                                {"customerId": 2, "joinKey": "o-2", "paymentRef": "pay-2", "paid": 79}""")
                        .status())
                .isEqualTo(200);
        sql.update(
                fixture.tenant(),
                "update group_buy_team set expires_at = now() - interval '1 second' where id = " + teamId);
        Tenancy.runAs(fixture.tenant(), () -> {
            transactions.execute(s -> groupBuys.settleDue());
            refunds.round();
        });
    }

    @Test
    void theSandboxListsEachRefundTheProviderHoldsByKeyWithItsCallsAndTheTotals() {
        aFailedTeamIsRefunded();
        sql.update(fixture.tenant(), """
                insert into simulated_payout (payout_key, customer_id, amount, purpose)
                values ('siyu-0-rp-1', 3, 1.50, '红包奖励'), ('siyu-0-rp-2', 4, 2.00, '红包奖励'),
                       ('siyu-0-dw-1', 5, 10, '佣金提现')""");

        var refunded = admin.get("/api/v1/growth/payment-sandbox?source=group_buy");

        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("keys").asLong()).isEqualTo(2);
        assertThat(refunded.json().path("calls").asLong())
                .as("each key asked for once")
                .isEqualTo(2);
        assertThat(refunded.json().path("total").decimalValue()).isEqualByComparingTo("158");
        assertThat(refunded.json().path("items").findValuesAsString("paymentRef"))
                .containsExactlyInAnyOrder("pay-1", "pay-2");
        assertThat(refunded.json().path("items").findValuesAsString("key"))
                .allSatisfy(key -> assertThat(key).matches("siyu-\\d+-gb-\\d+"));

        var packets = admin.get("/api/v1/growth/payment-sandbox?source=red_packet&limit=1");
        assertThat(packets.json().path("keys").asLong()).isEqualTo(2);
        assertThat(packets.json().path("total").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(packets.json().path("items").findValuesAsString("key")).containsExactly("siyu-0-rp-1");
        var next = admin.get("/api/v1/growth/payment-sandbox?source=red_packet&limit=1&after="
                + packets.json().path("nextAfter").asString());
        assertThat(next.json().path("items").findValuesAsString("key")).containsExactly("siyu-0-rp-2");
        assertThat(next.json().path("nextAfter").isNull()).isTrue();
        var withdrawals = admin.get("/api/v1/growth/payment-sandbox?source=withdrawal");
        assertThat(withdrawals.json().path("items").get(0).path("customerId").asLong())
                .isEqualTo(5);
        assertThat(withdrawals.json().path("items").get(0).path("purpose").asString())
                .isEqualTo("佣金提现");
    }

    @Test
    void aKeyAskedForAgainShowsItsSecondCall() {
        aFailedTeamIsRefunded();
        sql.update(fixture.tenant(), "update simulated_refund set calls = 2 where payment_ref = 'pay-1'");

        var listed =
                admin.get("/api/v1/growth/payment-sandbox?source=group_buy").json();

        assertThat(listed.path("calls").asLong()).isEqualTo(3);
        assertThat(listed.path("keys").asLong()).isEqualTo(2);
    }

    @Test
    void onlyAdminsReadTheSandboxAndAnotherTenantSeesNoneOfIt() {
        aFailedTeamIsRefunded();

        assertThat(ApiClient.loggedIn(port, fixture.manager())
                        .get("/api/v1/growth/payment-sandbox?source=group_buy")
                        .status())
                .isEqualTo(403);
        var other = tenants.create();
        var theirs = ApiClient.loggedIn(port, other.admin()).get("/api/v1/growth/payment-sandbox?source=group_buy");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().path("keys").asLong()).isZero();
    }

    @Test
    void anUnknownSourceOrLimitIsRefusedNamingTheField() {
        var english = ApiClient.loggedIn(port, fixture.admin()).language("en");

        var source = english.get("/api/v1/growth/payment-sandbox?source=coupons");
        assertThat(source.status()).isEqualTo(400);
        assertThat(source.json().path("errors").findValuesAsString("field")).containsExactly("source");
        assertThat(source.body()).contains("group_buy, red_packet, withdrawal");
        assertThat(english.get("/api/v1/growth/payment-sandbox").status()).isEqualTo(400);
        var limit = english.get("/api/v1/growth/payment-sandbox?source=red_packet&limit=0");
        assertThat(limit.json().path("errors").findValuesAsString("field")).containsExactly("limit");
    }
}

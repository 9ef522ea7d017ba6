package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** A test on a fresh tenant whose administrator has connected a simulated corp and synced it. */
public abstract class ConnectedCorpTest extends IntegrationTest {

    protected TestTenants.Fixture fixture;
    protected ApiClient admin;
    protected SimulatedCorp corp;

    @BeforeEach
    void connectCorp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        corp = SimulatedCorp.connect(port, admin, true);
        corp.sync();
    }

    /** A new WeChat user scans the code {@code configId} as {@code name}; answers their customer id once synced. */
    protected long customerScanning(String configId, String name) {
        return customerScanning(configId, name, "ou-" + UUID.randomUUID());
    }

    protected long customerScanning(String configId, String name, String unionid) {
        var external = corp.scan(configId, name, unionid).path("externalUserId").asString();
        eventually(() -> assertThat(sql.count(
                        fixture.tenant(),
                        "select count(*) from wecom_contact where external_user_id = '" + external + "'"))
                .isPositive());
        return sql.single(
                fixture.tenant(),
                "select customer_id from wecom_contact where external_user_id = '" + external + "' limit 1",
                Long.class);
    }
}

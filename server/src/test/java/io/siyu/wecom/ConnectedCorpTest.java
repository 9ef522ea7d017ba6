package io.siyu.wecom;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
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
}

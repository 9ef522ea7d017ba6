package io.siyu.wecom;

import io.siyu.access.Installation;
import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a sandbox configured, connects the first tenant to a simulated corp at start-up, as an operator would
 * connect a real one: an app in Siyu, the same app (secret, Token, EncodingAESKey, callback URL) in the
 * simulator, the simulator's demo directory, then a sync. The simulator keeps nothing across restarts, so
 * the app is registered with it again on every start.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SandboxConnector implements ApplicationRunner {

    static final String CORP_ID = "wwsiyudemo0000001";
    static final String AGENT_ID = "1000002";
    private static final Logger log = LoggerFactory.getLogger(SandboxConnector.class);

    private final WeComSandbox sandbox;
    private final WeComAppManagement management;
    private final WeComApps apps;
    private final WeComSync sync;
    private final Installation installation;
    private final TransactionTemplate transactions;
    private final Environment environment;

    SandboxConnector(
            WeComSandbox sandbox,
            WeComAppManagement management,
            WeComApps apps,
            WeComSync sync,
            Installation installation,
            TransactionTemplate transactions,
            Environment environment) {
        this.sandbox = sandbox;
        this.management = management;
        this.apps = apps;
        this.sync = sync;
        this.installation = installation;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sandbox.url() == null) {
            return;
        }
        installation.firstTenant().ifPresent(tenant -> Tenancy.runAs(tenant, this::connect));
    }

    void connect() {
        try {
            var app = sandbox.app()
                    .orElseGet(() -> management.connect(new WeComAppManagement.AppInput(
                            "演示企业（企业微信模拟器）",
                            CORP_ID,
                            AGENT_ID,
                            WeComAppManagement.random(32),
                            null,
                            null,
                            sandbox.url())));
            var secret = transactions.execute(s -> apps.secret(app.id()));
            var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            var body = new LinkedHashMap<String, Object>();
            body.put("corpId", app.corpId());
            body.put("agentId", app.agentId());
            body.put("name", "Siyu");
            body.put("secret", secret);
            body.put("token", app.token());
            body.put("encodingAesKey", app.encodingAesKey());
            body.put("callbackUrl", "http://localhost:" + port + app.callbackPath());
            sandbox.call("POST", "/sim/apps", body);
            sandbox.call("POST", "/sim/corps/" + app.corpId() + "/demo", Map.of());
            sync.start(app.id(), "manual");
            log.info("connected to the WeCom simulator at {} as corp {}", sandbox.url(), app.corpId());
        } catch (DomainException e) {
            log.warn(
                    "the WeCom simulator at {} could not be reached; the sandbox stays off until restart",
                    sandbox.url());
        }
    }
}

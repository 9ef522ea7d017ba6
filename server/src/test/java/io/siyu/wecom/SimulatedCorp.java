package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A tenant connected to a corp of its own in the simulator, as an operator would connect a real one: the app
 * in Siyu, the same app with its callback URL in WeCom (the simulator), the demo directory there, a sync.
 */
public record SimulatedCorp(String corpId, long appId, JsonNode app, ApiClient admin) {

    public static SimulatedCorp connect(int siyuPort, ApiClient admin, boolean callbacks) {
        var corpId = "ww" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var created = admin.post("/api/v1/wecom/apps", """
                {"name": "客户联系", "corpId": "%s", "agentId": "1000002", "secret": "the-secret",
                 "apiBaseUrl": "%s"}""".formatted(corpId, WeComSimulatorSupport.baseUrl()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var app = created.json();
        var corp = new SimulatedCorp(corpId, app.path("id").asLong(), app, admin);
        corp.register(siyuPort, callbacks);
        var demo = WeComSimulatorSupport.http().post("/sim/corps/" + corpId + "/demo", "{}");
        assertThat(demo.status()).as(demo.body()).isLessThan(300);
        return corp;
    }

    /** Registers the app with the simulator; without callbacks WeCom has nowhere to report to. */
    void register(int siyuPort, boolean callbacks) {
        var registered = WeComSimulatorSupport.http()
                .post(
                        "/sim/apps",
                        ApiClient.json(
                                "corpId",
                                corpId,
                                "agentId",
                                "1000002",
                                "name",
                                "私域运营",
                                "secret",
                                "the-secret",
                                "token",
                                app.path("token").asString(),
                                "encodingAesKey",
                                app.path("encodingAesKey").asString(),
                                "callbackUrl",
                                callbacks
                                        ? "http://localhost:" + siyuPort
                                                + app.path("callbackPath").asString()
                                        : null));
        assertThat(registered.status()).as(registered.body()).isLessThan(300);
    }

    /** Runs a full sync and waits for it; returns the finished run. */
    public JsonNode sync() {
        var started = admin.post("/api/v1/wecom/apps/" + appId + "/sync", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var runs = admin.get("/api/v1/wecom/apps/" + appId + "/sync").json();
            var last = runs.get(0);
            if (!last.path("status").asString().equals("running")) {
                assertThat(last.path("status").asString()).as(last.toString()).isEqualTo("done");
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the sync did not finish within 20 s");
    }

    /** A WeChat user scans the code with {@code configId}; returns the simulator's answer. */
    public JsonNode scan(String configId, String name, String unionid) {
        var scanned = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corpId + "/scan", """
                        {"configId": "%s", "customer": {"name": "%s", "gender": 2, "unionid": "%s"}}""".formatted(configId, name, unionid));
        assertThat(scanned.status()).as(scanned.body()).isLessThan(300);
        return scanned.json();
    }
}

package io.siyu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.wecom.SimulatedCorp;
import io.siyu.wecom.WeComSimulatorSupport;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the simulated corp holds of Siyu's messages, and the sending rules set alike in Siyu and in the corp. */
final class SimulatedMessaging {

    private SimulatedMessaging() {}

    /** The corp's mass messages (企业群发), oldest first. */
    static List<JsonNode> groupMessages(SimulatedCorp corp) {
        return list("/sim/corps/" + corp.corpId() + "/group-messages");
    }

    /** The corp's moments posts, oldest first. */
    static List<JsonNode> moments(SimulatedCorp corp) {
        return list("/sim/corps/" + corp.corpId() + "/moments");
    }

    /** The tenant's sending rules, and WeCom's quota rule as the corp has it. */
    static void rules(
            ApiClient admin,
            SimulatedCorp corp,
            String quietFrom,
            String quietTo,
            int capDay,
            int capWeek,
            String quota) {
        var updated =
                admin.put("/api/v1/messaging/settings", """
                {"quietFrom": "%s", "quietTo": "%s", "capDay": %d, "capWeek": %d, "massQuota": "%s"}""".formatted(quietFrom, quietTo, capDay, capWeek, quota));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        var sim = WeComSimulatorSupport.http()
                .post("/sim/corps/" + corp.corpId() + "/limits", "{\"massQuota\": \"" + quota + "\"}");
        assertThat(sim.status()).as(sim.body()).isLessThan(300);
    }

    private static List<JsonNode> list(String path) {
        var listed = WeComSimulatorSupport.http().get(path);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var all = new ArrayList<JsonNode>();
        listed.json().forEach(all::add);
        return all;
    }
}

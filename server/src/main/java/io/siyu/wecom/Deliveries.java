package io.siyu.wecom;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The outbox's simple calls: welcome messages and notifications to staff. */
final class Deliveries {

    private Deliveries() {}

    /**
     * send_welcome_msg (doc 92137). A welcome code works once, for 20 s: "already used" (41051) on a second
     * attempt means the first one reached WeCom and only its answer was lost, so the message went out.
     */
    @Component
    static class Welcome implements OutboxSender.Delivery {

        private final WeComClient client;

        Welcome(WeComClient client) {
            this.client = client;
        }

        @Override
        public WeComOutbox.Kind kind() {
            return WeComOutbox.Kind.WELCOME;
        }

        @Override
        public void deliver(WeComApp app, JsonNode payload) {
            client.post(app, "externalcontact/send_welcome_msg", payload);
        }

        @Override
        public OutboxSender.Outcome refused(WeComApiException e, int attempts) {
            return switch (e.errcode()) {
                case 41051 -> attempts > 0 ? OutboxSender.Outcome.SENT : OutboxSender.Outcome.FAILED;
                case 41050 -> OutboxSender.Outcome.EXPIRED;
                default -> OutboxSender.Delivery.super.refused(e, attempts);
            };
        }
    }

    /** message/send: a text message from the app to staff members ({@code touser}: ids joined by "|"). */
    @Component
    static class Notify implements OutboxSender.Delivery {

        private final WeComClient client;

        Notify(WeComClient client) {
            this.client = client;
        }

        @Override
        public WeComOutbox.Kind kind() {
            return WeComOutbox.Kind.NOTIFY;
        }

        @Override
        public void deliver(WeComApp app, JsonNode payload) {
            client.post(
                    app,
                    "message/send",
                    Map.of(
                            "touser", payload.path("touser").asString(),
                            "msgtype", "text",
                            "agentid", Long.parseLong(app.agentId()),
                            "text", Map.of("content", payload.path("content").asString())));
        }
    }
}

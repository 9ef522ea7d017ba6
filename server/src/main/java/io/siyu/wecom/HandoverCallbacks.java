package io.siyu.wecom;

import org.springframework.stereotype.Component;

/**
 * transfer_fail: a customer refused to be handed over, or the takeover reached WeCom's customer limit. The
 * event names the takeover and the customer only, which is enough to find the waiting handover.
 */
@Component
class HandoverCallbacks implements CallbackHandler {

    private final Handovers handovers;

    HandoverCallbacks(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public boolean handles(String kind) {
        return kind.equals("change_external_contact:transfer_fail");
    }

    @Override
    public void handle(WeComApp app, WeComCallback callback) {
        var fields = callback.fields();
        handovers.failed(
                app.id(),
                fields.getOrDefault("UserID", ""),
                fields.getOrDefault("ExternalUserID", ""),
                fields.getOrDefault("FailReason", ""));
    }
}

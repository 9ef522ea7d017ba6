package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells every app of a corp that has a callback URL what happened, as WeCom does for 客户联系 events: each
 * app gets its own encrypted copy. Callers send outside their corp's lock, since a receiver may call back
 * into the API before it answers.
 */
@Component
class Callbacks {

    /** One attempt to deliver one event to one app: the HTTP status (-1 without an answer) and body. */
    record Delivery(String agentId, String event, int status, String body) {}

    private final Corps corps;
    private final CallbackSender sender;
    private final SimulatedClock clock;

    Callbacks(Corps corps, CallbackSender sender, SimulatedClock clock) {
        this.corps = corps;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends each event in turn; answers every attempt made. */
    List<Delivery> publish(String corpId, List<Event> events) {
        var deliveries = new ArrayList<Delivery>();
        for (var event : events) {
            deliveries.addAll(publish(corpId, event));
        }
        return deliveries;
    }

    List<Delivery> publish(String corpId, Event event) {
        var message = new LinkedHashMap<String, Object>();
        message.put("ToUserName", corpId);
        message.put("FromUserName", "sys");
        message.put("CreateTime", clock.epochSecond());
        message.put("MsgType", "event");
        message.putAll(event.fields());
        var deliveries = new ArrayList<Delivery>();
        for (var app : corps.apps(corpId)) {
            if (app.callbackUrl() == null) {
                continue;
            }
            for (var attempt : sender.send(app, message)) {
                deliveries.add(new Delivery(app.agentId(), event.name(), attempt.status(), attempt.body()));
            }
        }
        return deliveries;
    }
}

package siyu.wecom.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A WeChat user scans a 联系我 code: WeCom picks the member (type 1 the one, type 2 any of them), makes the
 * customer an external contact (one external_userid per corp and unionid), makes the follow relation with
 * the way's state and add_way 1, issues a welcome code and tells every app by callback. Scanning a 加入群聊
 * code joins a group instead ({@link Groups#scan}).
 */
@Component
class Scans {

    private final WelcomeMessages welcome;
    private final Groups groups;
    private final Callbacks callbacks;
    private final SimulatedClock clock;

    Scans(WelcomeMessages welcome, Groups groups, Callbacks callbacks, SimulatedClock clock) {
        this.welcome = welcome;
        this.groups = groups;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    Map<String, Object> scan(Corp corp, Body body) {
        var configId = configId(body);
        ContactWay way;
        synchronized (corp) {
            way = corp.contactWays.get(configId);
            if (way == null && corp.joinWays.containsKey(configId)) {
                return groups.scan(corp, corp.joinWays.get(configId), body);
            }
        }
        if (way == null) {
            throw SandboxError.notFound("config " + configId);
        }
        return add(corp, way, body);
    }

    private Map<String, Object> add(Corp corp, ContactWay way, Body body) {
        Event event;
        Customer customer;
        String userId;
        String code;
        synchronized (corp) {
            var members = ContactWays.reachable(corp, way).stream()
                    .filter(id ->
                            corp.staff.containsKey(id) && corp.staff.get(id).servesCustomers())
                    .toList();
            if (members.isEmpty()) {
                throw SandboxError.conflict(40098, "no member of the code can take customers");
            }
            userId = members.get(way.type == 1 ? 0 : Ids.below(members.size()));
            customer = customer(corp, body);
            if (corp.follow(userId, customer.externalUserId()).isPresent()) {
                return Json.object(
                        "externalUserId",
                        customer.externalUserId(),
                        "userId",
                        userId,
                        "alreadyFriend",
                        true,
                        "attempts",
                        List.of());
            }
            corp.follows.add(new Follow(
                    userId, customer.externalUserId(), clock.epochSecond(), 1, way.state, customer.externalUserId()));
            code = welcome.issue(corp, userId, customer.externalUserId());
            var changeType = body.bool("half", false) ? "add_half_external_contact" : "add_external_contact";
            event = Event.added(changeType, userId, customer.externalUserId(), way.state, code);
        }
        var attempts = callbacks.publish(corp.corpId, event);
        return Json.object(
                "externalUserId",
                customer.externalUserId(),
                "userId",
                userId,
                "welcomeCode",
                code,
                "state",
                way.state,
                "alreadyFriend",
                false,
                "attempts",
                attempts);
    }

    /** The customer a sandbox body names: {@code externalUserId} of a known one, or a new {@code customer}. */
    static Customer customer(Corp corp, Body body) {
        var id = body.text("externalUserId");
        if (id != null) {
            var known = corp.customers.get(id);
            if (known == null) {
                throw SandboxError.notFound("customer " + id);
            }
            return known;
        }
        if (!body.has("customer")) {
            throw SandboxError.badRequest("name the customer: externalUserId or customer {name, gender, unionid}");
        }
        var person = body.object("customer");
        return corp.newCustomer(
                person.text("name", "微信用户"),
                person.integer("gender", 0),
                person.text("unionid"),
                person.text("avatar"));
    }

    private static String configId(Body body) {
        var configId = body.text("configId");
        if (configId != null) {
            return configId;
        }
        var content = body.text("qrContent");
        if (content == null) {
            throw SandboxError.badRequest("configId or qrContent is required");
        }
        return stripPrefix(content);
    }

    private static String stripPrefix(String content) {
        for (var prefix : List.of("https://work.weixin.qq.com/ca/cawcde", "https://work.weixin.qq.com/gm/")) {
            if (content.startsWith(prefix)) {
                return content.substring(prefix.length());
            }
        }
        throw SandboxError.notFound("code " + content);
    }
}

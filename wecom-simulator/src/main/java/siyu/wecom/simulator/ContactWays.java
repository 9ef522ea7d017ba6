package siyu.wecom.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 「联系我」 ways (doc 92228) with WeCom's checks: 41037–41042 for type, scene, style and users, 40098 for a
 * member without 客户联系, 41043/41044 for config ids, 41045 past the corp's quota (shared with 加入群聊).
 */
@Component
class ContactWays {

    static final int MAX_USERS = 100;
    static final int MAX_STATE = 30;
    static final int MAX_REMARK = 30;

    private final SimulatedClock clock;

    ContactWays(SimulatedClock clock) {
        this.clock = clock;
    }

    ContactWay add(Corp corp, Corps.App app, Body body) {
        if (!body.has("type")) {
            throw new WeComError(41037, "missing contact way type");
        }
        if (!body.has("scene")) {
            throw new WeComError(41038, "missing contact way scene");
        }
        int type = body.integer("type", 0);
        int scene = body.integer("scene", 0);
        if (type != 1 && type != 2) {
            throw new WeComError(41039, "invalid contact way type");
        }
        if (scene != 1 && scene != 2) {
            throw new WeComError(41040, "invalid contact way scene");
        }
        synchronized (corp) {
            if (corp.waysInUse() >= corp.wayQuota) {
                throw new WeComError(41045, "contact way count reach limit");
            }
            var way = new ContactWay(Ids.configId(), app.agentId(), type, scene, clock.epochSecond());
            way.skipVerify = true;
            apply(corp, way, body);
            corp.contactWays.put(way.configId, way);
            return way;
        }
    }

    void update(Corp corp, Corps.App app, Body body) {
        synchronized (corp) {
            apply(corp, owned(corp, app, body.text("config_id")), body);
        }
    }

    void delete(Corp corp, Corps.App app, @Nullable String configId) {
        synchronized (corp) {
            corp.contactWays.remove(owned(corp, app, configId).configId);
        }
    }

    ContactWay get(Corp corp, Corps.App app, @Nullable String configId) {
        synchronized (corp) {
            return owned(corp, app, configId);
        }
    }

    /** list_contact_way: this app's ways made within [start_time, end_time], paged (limit ≤ 1000, default 100). */
    Cursor<String> list(Corp corp, Corps.App app, Body body) {
        long start = body.integer("start_time", 0);
        long end = body.integer("end_time", Integer.MAX_VALUE);
        int limit = Math.min(body.integer("limit", 100), 1000);
        synchronized (corp) {
            var ids = corp.contactWays.values().stream()
                    .filter(w -> w.agentId.equals(app.agentId()))
                    .filter(w -> w.createTime >= start && w.createTime <= end)
                    .map(w -> w.configId)
                    .toList();
            return Cursor.page(ids, body.text("cursor"), limit <= 0 ? 100 : limit);
        }
    }

    /** The members a scan can reach: {@code user} plus everyone in {@code party}. */
    static List<String> reachable(Corp corp, ContactWay way) {
        var all = new LinkedHashSet<>(way.users);
        all.addAll(Directory.membersOf(corp, way.parties));
        return List.copyOf(all);
    }

    static Map<String, Object> json(ContactWay w, String qrBase) {
        return Json.object(
                "config_id", w.configId,
                "type", w.type,
                "scene", w.scene,
                "style", w.style,
                "remark", w.remark,
                "skip_verify", w.skipVerify,
                "state", w.state,
                "qr_code", w.scene == 2 ? qrBase + w.configId + ".png" : null,
                "user", w.users,
                "party", w.parties,
                "is_temp", w.temp,
                "expires_in", w.temp ? w.expiresIn : null,
                "chat_expires_in", w.temp ? w.chatExpiresIn : null,
                "unionid", w.unionid.isEmpty() ? null : w.unionid,
                "is_exclusive", w.exclusive,
                "mark_source", w.markSource);
    }

    private static ContactWay owned(Corp corp, Corps.App app, @Nullable String configId) {
        if (configId == null) {
            throw new WeComError(41043, "missing config_id");
        }
        var way = corp.contactWays.get(configId);
        if (way == null || !way.agentId.equals(app.agentId())) {
            throw new WeComError(41044, "invalid config_id");
        }
        return way;
    }

    private static void apply(Corp corp, ContactWay way, Body body) {
        if (body.has("style")) {
            int style = body.integer("style", 0);
            if (style < 1 || style > (way.type == 1 ? 3 : 2)) {
                throw new WeComError(41042, "invalid contact way style");
            }
            way.style = style;
        }
        var state = body.text("state", way.state);
        if (state.length() > MAX_STATE) {
            throw new WeComError(40058, "state exceed max length " + MAX_STATE);
        }
        var remark = body.text("remark", way.remark);
        if (remark.length() > MAX_REMARK) {
            throw new WeComError(40058, "remark exceed max length " + MAX_REMARK);
        }
        if (body.has("user") || body.has("party") || way.users.isEmpty() && way.parties.isEmpty()) {
            users(corp, way, body.texts("user"), body.numbers("party"));
        }
        way.state = state;
        way.remark = remark;
        way.skipVerify = body.bool("skip_verify", way.skipVerify);
        way.temp = body.bool("is_temp", way.temp);
        way.expiresIn = body.integer("expires_in", way.temp && way.expiresIn == 0 ? 7 * 86_400 : way.expiresIn);
        way.chatExpiresIn = body.integer("chat_expires_in", way.temp && way.chatExpiresIn == 0 ? 86_400 : 0);
        way.unionid = body.text("unionid", way.unionid);
        way.exclusive = body.bool("is_exclusive", way.exclusive);
        way.markSource = body.bool("mark_source", way.markSource);
    }

    private static void users(Corp corp, ContactWay way, List<String> users, List<Long> parties) {
        if (users.isEmpty() && parties.isEmpty()) {
            throw new WeComError(40058, "user and party are both empty");
        }
        if (way.type == 1 && (users.size() != 1 || !parties.isEmpty())) {
            throw new WeComError(41041, "contact way of type 1 takes exactly one user");
        }
        for (var userId : users) {
            var member = corp.staff.get(userId);
            if (member == null || !member.servesCustomers()) {
                throw new WeComError(40098, "user " + userId + " has no customer contact permission");
            }
        }
        for (var party : parties) {
            if (!corp.departments.containsKey(party)) {
                throw new WeComError(60123, "invalid party id");
            }
        }
        way.users = List.copyOf(users);
        way.parties = List.copyOf(parties);
        if (reachable(corp, way).size() > MAX_USERS) {
            throw new WeComError(41041, "contact way user count exceed " + MAX_USERS);
        }
    }
}

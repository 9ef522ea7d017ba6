package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 「加入群聊」 ways (doc 92229): scene 1/2, at most {@link #MAX_CHATS} groups, state ≤ 30, remark cut at 30,
 * room_base_name ≤ 40; they count against the corp's quota together with 联系我 (41045); an app sees only the
 * ways it made (41044 otherwise).
 */
@Component
class JoinWays {

    static final int MAX_CHATS = 5;
    static final int MAX_ROOM_BASE_NAME = 40;

    JoinWay add(Corp corp, Corps.App app, Body body) {
        synchronized (corp) {
            if (corp.waysInUse() >= corp.wayQuota) {
                throw new WeComError(41045, "contact way count reach limit");
            }
            var way = new JoinWay(Ids.configId(), app.agentId());
            apply(corp, way, body);
            corp.joinWays.put(way.configId, way);
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
            corp.joinWays.remove(owned(corp, app, configId).configId);
        }
    }

    Map<String, Object> get(Corp corp, Corps.App app, @Nullable String configId, String qrBase) {
        synchronized (corp) {
            var way = owned(corp, app, configId);
            return json(way, qrBase);
        }
    }

    static Map<String, Object> json(JoinWay way, String qrBase) {
        return Json.object(
                "config_id", way.configId,
                "scene", way.scene,
                "remark", way.remark,
                "auto_create_room", way.autoCreateRoom ? 1 : 0,
                "room_base_name", way.roomBaseName,
                "room_base_id", way.roomBaseId,
                "chat_id_list", way.chatIds,
                "qr_code", qrBase + way.configId + ".png",
                "state", way.state);
    }

    private static JoinWay owned(Corp corp, Corps.App app, @Nullable String configId) {
        if (configId == null) {
            throw new WeComError(41043, "missing config_id");
        }
        var way = corp.joinWays.get(configId);
        if (way == null || !way.agentId.equals(app.agentId())) {
            throw new WeComError(41044, "invalid config_id");
        }
        return way;
    }

    private static void apply(Corp corp, JoinWay way, Body body) {
        int scene = body.integer("scene", way.scene);
        if (scene != 1 && scene != 2) {
            throw new WeComError(40058, "invalid scene");
        }
        var chats = body.has("chat_id_list") ? body.texts("chat_id_list") : way.chatIds;
        if (chats.isEmpty() || chats.size() > MAX_CHATS) {
            throw new WeComError(40058, "chat_id_list size should be in [1, " + MAX_CHATS + "]");
        }
        chats.forEach(chatId -> Groups.group(corp, chatId));
        var state = body.text("state", way.state);
        if (state.length() > ContactWays.MAX_STATE) {
            throw new WeComError(40058, "state exceed max length " + ContactWays.MAX_STATE);
        }
        var roomBaseName = body.text("room_base_name", way.roomBaseName);
        if (roomBaseName.length() > MAX_ROOM_BASE_NAME) {
            throw new WeComError(40058, "room_base_name exceed max length " + MAX_ROOM_BASE_NAME);
        }
        var remark = body.text("remark", way.remark);
        way.scene = scene;
        way.chatIds = new ArrayList<>(chats);
        way.state = state;
        way.roomBaseName = roomBaseName;
        way.remark = remark.length() > ContactWays.MAX_REMARK ? remark.substring(0, ContactWays.MAX_REMARK) : remark;
        way.autoCreateRoom = body.integer("auto_create_room", way.autoCreateRoom ? 1 : 0) == 1;
        way.roomBaseId = body.integer("room_base_id", way.roomBaseId);
        way.markSource = body.bool("mark_source", way.markSource);
    }
}

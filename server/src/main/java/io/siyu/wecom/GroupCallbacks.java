package io.siyu.wecom;

import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * WeCom's customer-group events (change_external_chat): a group made or changed (members, owner, name,
 * notice) is read again with groupchat/get and the difference applied; one dismissed is marked so. A member
 * change whose CurMemVer Siyu already holds (a sync got there first) needs no call.
 */
@Component
class GroupCallbacks implements CallbackHandler {

    private static final String PREFIX = "change_external_chat:";
    private static final Set<String> CHANGES = Set.of("create", "update", "dismiss");
    private static final Set<String> MEMBER_CHANGES = Set.of("add_member", "del_member");

    private final GroupChats groups;

    GroupCallbacks(GroupChats groups) {
        this.groups = groups;
    }

    @Override
    public boolean handles(String kind) {
        return kind.startsWith(PREFIX) && CHANGES.contains(kind.substring(PREFIX.length()));
    }

    @Override
    public void handle(WeComApp app, WeComCallback callback) {
        var fields = callback.fields();
        var chatId = callback.required("ChatId");
        var at = at(callback);
        if (callback.kind().endsWith(":dismiss")) {
            groups.dismissed(app, chatId, at);
            return;
        }
        var version = fields.getOrDefault("CurMemVer", "");
        if (MEMBER_CHANGES.contains(fields.getOrDefault("UpdateDetail", ""))
                && !version.isBlank()
                && version.equals(groups.memberVersion(app, chatId))) {
            return;
        }
        groups.refetch(app, chatId, null, at);
    }

    /** When WeCom says it happened (CreateTime), else when Siyu got it: the time of a leave. */
    private static Instant at(WeComCallback callback) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(callback.fields().getOrDefault("CreateTime", "")));
        } catch (NumberFormatException e) {
            return callback.receivedAt();
        }
    }
}

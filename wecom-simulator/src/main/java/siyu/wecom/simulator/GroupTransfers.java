package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Handing customer groups to a new owner (doc 92127/95703): groupchat/transfer for groups of resigned
 * owners (90500 if the owner has not resigned, 90508 if already handed over) and groupchat/onjob_transfer
 * for owners still there (90502 if resigned). Up to {@link #MAX_CHATS} groups per call; failures are listed.
 */
@Component
class GroupTransfers {

    static final int MAX_CHATS = 100;

    List<Map<String, Object>> transfer(Corp corp, Body body, boolean resigned) {
        var chats = body.texts("chat_id_list");
        if (chats.isEmpty() || chats.size() > MAX_CHATS) {
            throw new WeComError(40058, "chat_id_list size should be in [1, " + MAX_CHATS + "]");
        }
        synchronized (corp) {
            var owner = corp.member(body.text("new_owner"));
            var failed = new ArrayList<Map<String, Object>>();
            for (var chatId : chats) {
                var group = corp.groups.get(chatId);
                var failure = group == null
                        ? new WeComError(90501, "chat is not external group chat")
                        : check(corp, group, resigned);
                if (failure != null) {
                    failed.add(Json.object(
                            "chat_id", chatId, "errcode", failure.errcode(), "errmsg", failure.getMessage()));
                    continue;
                }
                group.owner = owner.userId;
                group.status = resigned ? 3 : group.status;
                if (group.member(owner.userId).isEmpty()) {
                    group.members.add(
                            new Group.Member(owner.userId, 1, null, group.createTime, 1, null, owner.name, null));
                }
            }
            return failed;
        }
    }

    private static @Nullable WeComError check(Corp corp, Group group, boolean resigned) {
        var ownerResigned = corp.staff.get(group.owner).resigned();
        if (resigned && group.status == 3) {
            return new WeComError(90508, "the chat has been transferred");
        }
        if (resigned && !ownerResigned) {
            return new WeComError(90500, "the owner of this chat is not resigned");
        }
        if (!resigned && ownerResigned) {
            return new WeComError(90502, "the owner of this chat is resigned");
        }
        return null;
    }
}

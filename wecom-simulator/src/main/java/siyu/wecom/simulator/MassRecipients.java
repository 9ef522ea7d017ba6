package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who a new 企业群发 goes to (doc 92135), as deliveries in one task per sending member; answers the fail_list.
 * Customers: those named (≤ 10,000) or, without any, all of the sender's; each through the sender or, without
 * one, through every member who has them as a friend, where that relation's tags pass the tag_filter (OR
 * within a group_list entry, AND across entries; ≤ 100 tags an entry). Groups: those named (≤ 2,000) or all
 * the sender owns; only the sender's own. Unknown ids and ids nobody can send to make the fail_list. The
 * caller holds the corp.
 */
final class MassRecipients {

    static final int MAX_CUSTOMERS = 10_000;
    static final int MAX_CHATS = 2_000;
    static final int MAX_FILTER_TAGS = 100;

    private MassRecipients() {}

    static List<String> customers(Corp corp, MassMessage message, Body body) {
        var ids = new LinkedHashSet<>(body.texts("external_userid"));
        if (ids.size() > MAX_CUSTOMERS) {
            throw new WeComError(40058, "external_userid exceed max size " + MAX_CUSTOMERS);
        }
        if (ids.isEmpty() && message.sender == null) {
            throw new WeComError(40058, "external_userid and sender are both empty");
        }
        var sender = message.sender == null ? null : corp.member(message.sender);
        var filter = tagFilter(corp, body.object("tag_filter"));
        if (ids.isEmpty()) {
            corp.customersOf(sender.userId).forEach(f -> ids.add(f.externalUserId));
        }
        var failList = new ArrayList<String>();
        for (var id : ids) {
            var follows = (sender == null
                            ? corp.followersOf(id)
                            : corp.follow(sender.userId, id).stream().toList())
                    .stream()
                            .filter(f -> corp.staff.get(f.userId).servesCustomers())
                            .toList();
            if (!corp.customers.containsKey(id) || follows.isEmpty()) {
                failList.add(id);
                continue;
            }
            follows.stream()
                    .filter(f ->
                            filter.stream().allMatch(anyOf -> anyOf.stream().anyMatch(f.tags::contains)))
                    .forEach(f -> message.task(f.userId).deliveries.add(new MassMessage.Delivery(f.userId, id, null)));
        }
        return failList;
    }

    static List<String> groups(Corp corp, MassMessage message, Body body) {
        if (message.sender == null) {
            throw new WeComError(40058, "sender is required for chat_type group");
        }
        var sender = corp.member(message.sender);
        var named = new LinkedHashSet<>(body.texts("chat_id_list"));
        if (named.size() > MAX_CHATS) {
            throw new WeComError(40058, "chat_id_list exceed max size " + MAX_CHATS);
        }
        var owned = corp.groups.values().stream()
                .filter(g -> g.owner.equals(sender.userId))
                .map(g -> g.chatId)
                .toList();
        var failList = named.stream().filter(id -> !owned.contains(id)).toList();
        var task = message.task(sender.userId);
        (named.isEmpty() ? owned : named.stream().filter(owned::contains).toList())
                .forEach(chatId -> task.deliveries.add(new MassMessage.Delivery(sender.userId, null, chatId)));
        if (task.deliveries.isEmpty()) {
            message.tasks.remove(sender.userId);
        }
        return failList;
    }

    /** The tag_filter as a list of "any of these tags" groups; 40068 for a tag the corp does not have. */
    private static List<List<String>> tagFilter(Corp corp, Body filter) {
        var groups = filter.raw("group_list");
        var all = new ArrayList<List<String>>();
        if (groups == null) {
            return all;
        }
        if (!groups.isArray()) {
            throw Body.dataFormat();
        }
        for (var group : groups) {
            var tags = new Body(group).texts("tag_list");
            if (tags.size() > MAX_FILTER_TAGS) {
                throw new WeComError(40058, "tag_list exceed max size " + MAX_FILTER_TAGS);
            }
            for (var tag : tags) {
                corp.tag(tag).orElseThrow(() -> new WeComError(40068, "invalid tagid"));
            }
            if (!tags.isEmpty()) {
                all.add(tags);
            }
        }
        return all;
    }
}

package io.siyu.messaging;

import io.siyu.shared.CursorPage;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.wecom.GroupChats;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 客户群群发: a mass send to customer groups. Each group goes through its owner, who gets one WeCom task for
 * their groups (at most {@link #PART} a call); a group without an owner who can send (resigned, being handed
 * over) is held back, as is one WeCom's per-group quota would refuse. A receipt per group and send (unique)
 * keeps a group from getting the send twice, and is what the quota is counted from.
 */
@Component
class GroupSends {

    /** WeCom takes at most 2,000 chat ids in one add_msg_template (doc 92135). */
    static final int PART = 2_000;

    static final int MAX_CHAT_IDS = 10_000;

    private record Decision(
            String chatId, String name, @Nullable String owner, String ownerName, String status) {}

    private final JdbcClient jdbc;
    private final GroupChats groups;
    private final JsonMapper json = JsonMapper.builder().build();

    GroupSends(JdbcClient jdbc, GroupChats groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    /**
     * A group send's audience as stored: {@code {chatIds}}, or {@code {}} for every group (of the chosen owners).
     * Customer audiences do not apply; unknown or dismissed groups are named by index.
     */
    JsonNode check(@Nullable Long appId, MassSendInput.@Nullable Audience audience, List<FieldProblem> problems) {
        var node = json.createObjectNode();
        if (audience == null) {
            return node;
        }
        if (audience.segmentId() != null
                || (audience.rule() != null && !audience.rule().isNull())
                || audience.customerIds() != null) {
            problems.add(new FieldProblem("audience", "messaging.audience.groups"));
            return node;
        }
        var chatIds = audience.chatIds();
        if (chatIds == null) {
            return node;
        }
        if (chatIds.isEmpty() || chatIds.size() > MAX_CHAT_IDS) {
            problems.add(new FieldProblem("audience.chatIds", "messaging.audience.chat-ids", MAX_CHAT_IDS));
            return node;
        }
        var known = new HashSet<String>();
        if (appId != null) {
            groups.all(appId, false).forEach(g -> known.add(g.chatId()));
        }
        var array = node.putArray("chatIds");
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < chatIds.size(); i++) {
            var id = chatIds.get(i);
            if (appId != null && (id == null || !known.contains(id))) {
                problems.add(new FieldProblem("audience.chatIds[" + i + "]", "messaging.audience.group", id));
            } else if (id != null && seen.add(id)) {
                array.add(id);
            }
        }
        return node;
    }

    /** What a group send would do now: groups by owner, and those held back by reason. */
    MassSendPlanner.Preview preview(long appId, JsonNode audience, List<String> staff, String quotaRule, Instant now) {
        var decisions = decide(appId, audience, staff, quotaRule, now, "");
        var held = new LinkedHashMap<String, Long>();
        var perOwner = new LinkedHashMap<String, Long>();
        var names = new HashMap<String, String>();
        for (var d : decisions) {
            if (d.owner() != null) {
                names.put(d.owner(), d.ownerName());
            }
            if (d.status().equals("planned")) {
                perOwner.merge(java.util.Objects.requireNonNull(d.owner()), 1L, Long::sum);
            } else {
                held.merge(d.status(), 1L, Long::sum);
            }
        }
        var counts = perOwner.entrySet().stream()
                .map(e -> new MassSendPlanner.StaffCount(
                        e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted((a, b) -> Long.compare(b.customers(), a.customers()))
                .toList();
        return new MassSendPlanner.Preview(
                decisions.size(),
                held,
                counts,
                perOwner.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Plans a group send in the caller's transaction; answers how many WeCom tasks it made. */
    int plan(long sendId, long appId, JsonNode audience, List<String> staff, String quotaRule, Instant now) {
        var decisions = decide(appId, audience, staff, quotaRule, now, "mass:" + sendId);
        var parts = new HashMap<String, Integer>();
        var chatIds = new ArrayList<String>();
        var names = new ArrayList<String>();
        var owners = new ArrayList<String>();
        var partOf = new ArrayList<Integer>();
        var statuses = new ArrayList<String>();
        for (var d : decisions) {
            chatIds.add(d.chatId());
            names.add(d.name());
            owners.add(d.owner() == null ? "" : d.owner());
            statuses.add(d.status());
            partOf.add(
                    d.status().equals("planned")
                            ? (parts.merge(java.util.Objects.requireNonNull(d.owner()), 1, Integer::sum) - 1) / PART
                            : null);
        }
        jdbc.sql("""
                        insert into mass_send_group (mass_send_id, chat_id, seq, name, user_id, part, status)
                        select ?, c, o, n, nullif(u, ''), p, s
                        from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[]) with ordinality
                            as x(c, n, u, p, s, o)""")
                .params(
                        sendId,
                        chatIds.toArray(String[]::new),
                        names.toArray(String[]::new),
                        owners.toArray(String[]::new),
                        partOf.toArray(Integer[]::new),
                        statuses.toArray(String[]::new))
                .update();
        return jdbc.sql("""
                        insert into mass_send_task (mass_send_id, user_id, part)
                        select distinct mass_send_id, user_id, part from mass_send_group
                        where mass_send_id = ? and status = 'planned'""").param(sendId).update();
    }

    /**
     * The groups of the audience with what becomes of each: held back, a duplicate, or planned through its owner.
     * With a {@code source}, the receipts of those planned are written.
     */
    private List<Decision> decide(
            long appId, JsonNode audience, List<String> staff, String quotaRule, Instant now, String source) {
        Set<String> chosen = null;
        if (audience.has("chatIds")) {
            chosen = new HashSet<>();
            for (var id : audience.path("chatIds")) {
                chosen.add(id.asString());
            }
        }
        var owners = Set.copyOf(staff);
        var targets = new ArrayList<GroupChats.Group>();
        for (var group : groups.all(appId, false)) {
            if ((chosen == null || chosen.contains(group.chatId()))
                    && (owners.isEmpty() || owners.contains(group.owner()))) {
                targets.add(group);
            }
        }
        var window = SendingRules.quotaWindow(now, quotaRule);
        var received = received(
                targets.stream().map(GroupChats.Group::chatId).toList(),
                window.from().toInstant());
        var planned = new ArrayList<String>();
        var statuses = new HashMap<String, String>();
        for (var group : targets) {
            if (group.owner() == null || group.status() != 0) {
                statuses.put(group.chatId(), "no_owner");
            } else if (received.getOrDefault(group.chatId(), 0L) >= window.limit()) {
                statuses.put(group.chatId(), "quota");
            } else {
                planned.add(group.chatId());
            }
        }
        var fresh = source.isEmpty() ? new HashSet<>(planned) : receipts(planned, source, now);
        var decisions = new ArrayList<Decision>(targets.size());
        for (var group : targets) {
            var status =
                    statuses.getOrDefault(group.chatId(), fresh.contains(group.chatId()) ? "planned" : "duplicate");
            decisions.add(new Decision(group.chatId(), group.name(), group.owner(), group.ownerName(), status));
        }
        return decisions;
    }

    /** How many mass messages each group received since {@code since}, counted from the receipts. */
    private Map<String, Long> received(List<String> chatIds, Instant since) {
        var counts = new HashMap<String, Long>();
        if (!chatIds.isEmpty()) {
            jdbc.sql("select chat_id, count(*) from group_receipt where chat_id = any(?::text[]) and at >= ?"
                            + " group by chat_id")
                    .params(chatIds.toArray(String[]::new), Timestamp.from(since))
                    .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return counts;
    }

    private HashSet<String> receipts(List<String> chatIds, String source, Instant at) {
        if (chatIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into group_receipt (chat_id, source, at)
                        select unnest(?::text[]), ?, ? on conflict do nothing returning chat_id""")
                .params(chatIds.toArray(String[]::new), source, Timestamp.from(at))
                .query(String.class)
                .list());
    }

    /** The groups of tasks that ended without reaching them get {@code status} and lose their receipts. */
    void release(long sendId, String status) {
        var released = jdbc.sql("""
                        update mass_send_group g set status = ?, updated_at = now()
                        from mass_send_task t
                        where g.mass_send_id = ? and t.mass_send_id = g.mass_send_id and t.user_id = g.user_id
                          and t.part = g.part and t.status in ('failed', 'cancelled')
                          and g.status in ('planned', 'submitted')
                        returning g.chat_id""").params(status, sendId).query(String.class).list();
        if (!released.isEmpty()) {
            jdbc.sql("delete from group_receipt where source = ? and chat_id = any(?::text[])")
                    .params("mass:" + sendId, released.toArray(String[]::new))
                    .update();
        }
    }

    /** The chat ids a task is to send to. */
    List<String> chatIds(long sendId, String userId, int part) {
        return jdbc.sql("select chat_id from mass_send_group where mass_send_id = ? and user_id = ? and part = ?"
                        + " and status = 'planned' order by seq")
                .params(sendId, userId, part)
                .query(String.class)
                .list();
    }

    /** After add_msg_template: groups in WeCom's fail_list are gone, the others wait for their owner. */
    void submitted(long sendId, String userId, int part, List<String> failList) {
        jdbc.sql("""
                        update mass_send_group set updated_at = now(),
                            status = case when chat_id = any(?::text[]) then 'dismissed' else 'submitted' end
                        where mass_send_id = ? and user_id = ? and part = ? and status = 'planned'""")
                .params(failList.toArray(String[]::new), sendId, userId, part)
                .update();
    }

    /** What get_groupmsg_send_result said of each group (by chat id): delivered, dismissed, over_quota, unsent. */
    void results(long sendId, String userId, int part, Map<String, String> byChat) {
        for (var status : List.of("delivered", "dismissed", "over_quota", "unsent")) {
            var ids = byChat.entrySet().stream()
                    .filter(e -> e.getValue().equals(status))
                    .map(Map.Entry::getKey)
                    .toArray(String[]::new);
            if (ids.length > 0) {
                jdbc.sql("""
                                update mass_send_group set status = ?, updated_at = now()
                                where mass_send_id = ? and user_id = ? and part = ?
                                  and chat_id = any(?::text[]) and status in ('submitted', 'unsent')""").params(status, sendId, userId, part, ids).update();
            }
        }
    }

    /** Each send's groups by status. */
    Map<Long, Map<String, Long>> counts(List<Long> sendIds) {
        var counts = new HashMap<Long, Map<String, Long>>();
        if (!sendIds.isEmpty()) {
            jdbc.sql("select mass_send_id, status, count(*) from mass_send_group"
                            + " where mass_send_id = any(?::bigint[]) group by mass_send_id, status")
                    .param(sendIds.toArray(Long[]::new))
                    .query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3)))
                    .list();
        }
        return counts;
    }

    /** A send's groups with their owner and status, in the order they were planned; optionally of one status. */
    CursorPage<Map<String, Object>> recipients(long sendId, @Nullable String status, PageRequest page) {
        long after = page.before() == Long.MAX_VALUE ? 0 : page.before();
        var rows = jdbc.sql("select seq, chat_id, name, user_id, status, updated_at from mass_send_group"
                        + " where mass_send_id = ? and seq > ?" + (status == null ? "" : " and status = ?")
                        + " order by seq limit " + page.fetchSize())
                .params(status == null ? List.of(sendId, after) : List.of(sendId, after, status))
                .query((rs, n) -> {
                    var r = new LinkedHashMap<String, Object>();
                    r.put("seq", rs.getLong(1));
                    r.put("chatId", rs.getString(2));
                    r.put("name", rs.getString(3));
                    r.put("userId", rs.getString(4));
                    r.put("status", rs.getString(5));
                    r.put("updatedAt", rs.getTimestamp(6).toInstant());
                    return (Map<String, Object>) r;
                })
                .list();
        var items = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        var next = rows.size() > page.limit()
                ? PageRequest.encode((Long) items.getLast().get("seq"))
                : null;
        items.forEach(r -> r.remove("seq"));
        return new CursorPage<>(items, next);
    }
}

package io.siyu.wecom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Stores a group as groupchat/get describes it and turns the difference to what Siyu held into joins and
 * leaves (rows with times, for join statistics). WeCom's answer is the truth: callbacks only say that
 * something changed, and one may stand for several changes (WeCom merges them).
 */
@Component
class GroupMembership {

    /** What storing a group changed: whether it was new, whether its members were read, who joined. */
    record Applied(boolean created, boolean membersRead, List<Joined> joined) {}

    /** A member who joined, with the 加入群聊 state they came through. */
    record Joined(String memberId, @Nullable String state) {}

    private record Member(
            String id,
            int type,
            String name,
            @Nullable String unionid,
            Instant joinedAt,
            int joinScene,
            @Nullable String invitor,
            @Nullable String state) {

        static Member of(JsonNode m, Instant fallback) {
            var join = m.path("join_time").asLong(0);
            return new Member(
                    m.path("userid").asString(),
                    m.path("type").asInt(2) == 1 ? 1 : 2,
                    m.path("name").asString(""),
                    blankToNull(m.path("unionid").asString("")),
                    join > 0 ? Instant.ofEpochSecond(join) : fallback,
                    m.path("join_scene").asInt(0),
                    blankToNull(m.path("invitor").path("userid").asString("")),
                    blankToNull(m.path("state").asString("")));
        }
    }

    private final JdbcClient jdbc;
    private final WeComContacts contacts;
    private final ApplicationEventPublisher events;

    GroupMembership(JdbcClient jdbc, WeComContacts contacts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.events = events;
    }

    /**
     * Stores {@code chat} (groupchat/get's group_chat); its members only when its member_version differs from
     * the one stored, since an unchanged version means unchanged members.
     *
     * @param status groupchat/list's status, or null to keep the stored one
     * @param seenAt when the change happened, as far as Siyu knows: the time of a leave
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Applied apply(WeComApp app, JsonNode chat, @Nullable Integer status, Instant seenAt) {
        var chatId = chat.path("chat_id").asString();
        var version = chat.path("member_version").asString("");
        var stored = jdbc.sql("select coalesce(member_version, '') from wecom_group where app_id = ? and chat_id = ?")
                .params(app.id(), chatId)
                .query(String.class)
                .optional();
        var members = new ArrayList<Member>();
        chat.path("member_list").forEach(m -> members.add(Member.of(m, seenAt)));
        long customers = members.stream().filter(m -> m.type() == 2).count();
        var created = chat.path("create_time").asLong(0);
        jdbc.sql("""
                        insert into wecom_group (app_id, chat_id, name, owner, notice, created_at, status, member_count,
                                customer_count, member_version, synced_at)
                        values (?, ?, ?, ?, ?, ?, coalesce(?::smallint, 0), ?, ?, ?, now())
                        on conflict (tenant_id, app_id, chat_id) do update set name = excluded.name,
                            owner = excluded.owner, notice = excluded.notice, created_at = excluded.created_at,
                            status = coalesce(?::smallint, wecom_group.status), dismissed_at = null,
                            member_count = excluded.member_count, customer_count = excluded.customer_count,
                            member_version = excluded.member_version, synced_at = now()""")
                .params(
                        app.id(),
                        chatId,
                        chat.path("name").asString(""),
                        blankToNull(chat.path("owner").asString("")),
                        chat.path("notice").asString(""),
                        created > 0 ? Timestamp.from(Instant.ofEpochSecond(created)) : null,
                        status,
                        members.size(),
                        customers,
                        version,
                        status)
                .update();
        if (stored.isPresent() && !version.isEmpty() && stored.get().equals(version)) {
            return new Applied(false, false, List.of());
        }
        return new Applied(stored.isEmpty(), true, diff(app, chatId, members, seenAt));
    }

    /** The group is gone: WeCom said it was dismissed, or no longer has it. Its member rows stay as they were. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean dismissed(WeComApp app, String chatId, Instant at) {
        return jdbc.sql("update wecom_group set dismissed_at = ?, synced_at = now() where app_id = ? and chat_id = ?"
                                + " and dismissed_at is null")
                        .params(Timestamp.from(at), app.id(), chatId)
                        .update()
                > 0;
    }

    private List<Joined> diff(WeComApp app, String chatId, List<Member> members, Instant seenAt) {
        var present = new HashSet<>(jdbc.sql("select member_id from wecom_group_member where app_id = ? and chat_id = ?"
                        + " and left_at is null")
                .params(app.id(), chatId)
                .query(String.class)
                .list());
        var now = new LinkedHashMap<String, Member>();
        members.forEach(m -> now.put(m.id(), m));
        var gone = present.stream().filter(id -> !now.containsKey(id)).toArray(String[]::new);
        if (gone.length > 0) {
            jdbc.sql("update wecom_group_member set left_at = ? where app_id = ? and chat_id = ? and left_at is null"
                            + " and member_id = any(?::text[])")
                    .params(Timestamp.from(seenAt), app.id(), chatId, gone)
                    .update();
        }
        var joined = new ArrayList<Joined>();
        for (var m : now.values()) {
            if (present.contains(m.id())) {
                continue;
            }
            Long customer = m.type() == 2 ? customer(app, m) : null;
            jdbc.sql("""
                            insert into wecom_group_member (app_id, chat_id, member_id, type, customer_id, name, joined_at,
                                    join_scene, invitor, state)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            app.id(),
                            chatId,
                            m.id(),
                            m.type(),
                            customer,
                            m.name(),
                            Timestamp.from(m.joinedAt()),
                            m.joinScene(),
                            m.invitor(),
                            m.state())
                    .update();
            joined.add(new Joined(m.id(), m.state()));
            if (customer != null) {
                events.publishEvent(
                        new GroupMemberJoined(app.id(), chatId, customer, code(app, m.state()), m.joinedAt()));
            }
        }
        return joined;
    }

    /** The group live code a join's state names, if any. */
    private @Nullable Long code(WeComApp app, @Nullable String state) {
        if (state == null) {
            return null;
        }
        return jdbc.sql("select id from wecom_group_code where app_id = ? and state = ?")
                .params(app.id(), state)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The customer of a group member, found by the WeCom id or unionid, or made from what the group shows. */
    private long customer(WeComApp app, Member member) {
        return contacts.customer(
                app, member.id(), member.name(), null, member.unionid() == null ? "" : member.unionid(), "企业微信客户群");
    }

    /** States of a set of joins, without blanks. */
    static Set<String> states(List<Joined> joined) {
        var states = new HashSet<String>();
        joined.forEach(j -> {
            if (j.state() != null) {
                states.add(j.state());
            }
        });
        return states;
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}

package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer groups (客户群) of a connected app, kept as WeCom reports them: a full sync (groupchat/list by
 * cursor, then groupchat/get of each) and a refetch of one group when a callback says it changed. Joins of
 * groups that group live codes use move those codes on ({@link GroupCodeRouter}).
 */
@Service
public class GroupChats {

    /** What a sync found: groups listed, new, with changed members, unchanged, and gone (dismissed). */
    public record Counts(int total, int added, int changed, int unchanged, int dismissed) {}

    /** A group as the console's picker shows it. */
    public record Group(
            String chatId,
            String name,
            @Nullable String owner,
            String ownerName,
            int memberCount,
            int customerCount,
            int status,
            boolean dismissed,
            @Nullable Instant createdAt,
            Instant syncedAt) {}

    /** WeCom's errcode for a chat it does not have (any more). */
    static final int NO_SUCH_CHAT = 40050;

    private static final int PAGE = 1_000;

    private final WeComApps apps;
    private final WeComClient client;
    private final GroupMembership membership;
    private final GroupCodeRouter router;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GroupChats(
            WeComApps apps,
            WeComClient client,
            GroupMembership membership,
            GroupCodeRouter router,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.apps = apps;
        this.client = client;
        this.membership = membership;
        this.router = router;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Syncs every group of the app with WeCom, each group in its own transaction (call it outside one): groups
     * WeCom no longer lists are marked dismissed; members are read again only when a group's member_version
     * changed. For {@link WeComSync}'s diff.
     */
    public Counts sync(WeComApp app) {
        var listed = listed(app);
        int added = 0;
        int changed = 0;
        for (var entry : listed.entrySet()) {
            var applied =
                    transactions.execute(status -> refetch(app, entry.getKey(), entry.getValue(), clock.instant()));
            if (applied == null) {
                continue;
            }
            added += applied.created() ? 1 : 0;
            changed += applied.membersRead() && !applied.created() ? 1 : 0;
        }
        int gone = java.util.Objects.requireNonNull(transactions.execute(status -> dismissMissing(app, listed)));
        return new Counts(listed.size(), added, changed, listed.size() - added - changed, gone);
    }

    /** The names of these groups as last synced, by chat id (a group without a name or unknown is left out). */
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> chatIds) {
        if (chatIds.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<String, String>();
        jdbc.sql("select chat_id, name from wecom_group where chat_id = any(?) and name <> '' order by synced_at")
                .param(chatIds.toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The app's groups from the last sync, largest first; dismissed ones only when asked for. */
    @Transactional(readOnly = true)
    public List<Group> all(long appId, boolean includeDismissed) {
        apps.find(appId).orElseThrow(() -> DomainException.notFound("wecom-app", appId));
        return jdbc.sql("""
                        select g.chat_id, g.name, g.owner,
                               coalesce(s.name, (select max(m.name) from wecom_group_member m where m.app_id = g.app_id
                                       and m.chat_id = g.chat_id and m.member_id = g.owner and m.type = 1), g.owner, ''),
                               g.member_count,
                               g.customer_count, g.status, g.dismissed_at is not null, g.created_at, g.synced_at
                        from wecom_group g left join wecom_staff s on s.app_id = g.app_id and s.user_id = g.owner
                        where g.app_id = ? and (? or g.dismissed_at is null)
                        order by g.dismissed_at is not null, g.member_count desc, g.chat_id""")
                .params(appId, includeDismissed)
                .query((rs, n) -> new Group(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getBoolean(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    /**
     * Reads the group from WeCom again and stores it, in the caller's transaction; a group WeCom no longer
     * has is marked dismissed. Group live codes using it are routed again after the transaction.
     *
     * @return what changed, or null when the group is gone
     */
    @Transactional(propagation = Propagation.MANDATORY)
    GroupMembership.@Nullable Applied refetch(WeComApp app, String chatId, @Nullable Integer status, Instant at) {
        tools.jackson.databind.JsonNode chat;
        try {
            chat = client.post(app, "externalcontact/groupchat/get", Map.of("chat_id", chatId, "need_name", 1))
                    .path("group_chat");
        } catch (WeComApiException e) {
            if (e.errcode() != NO_SUCH_CHAT) {
                throw e;
            }
            dismissed(app, chatId, at);
            return null;
        }
        var applied = membership.apply(app, chat, status, at);
        if (applied.membersRead()) {
            router.groupsChanged(app.id(), List.of(chatId), GroupMembership.states(applied.joined()));
        }
        return applied;
    }

    /** Marks the group dismissed; group live codes using it move on. */
    @Transactional(propagation = Propagation.MANDATORY)
    void dismissed(WeComApp app, String chatId, Instant at) {
        if (membership.dismissed(app, chatId, at)) {
            router.groupsChanged(app.id(), List.of(chatId), java.util.Set.of());
        }
    }

    /** The stored member_version of a group, empty when Siyu does not have it. */
    @Transactional(propagation = Propagation.MANDATORY)
    String memberVersion(WeComApp app, String chatId) {
        return jdbc.sql("select coalesce(member_version, '') from wecom_group where app_id = ? and chat_id = ?"
                        + " and dismissed_at is null")
                .params(app.id(), chatId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private Map<String, Integer> listed(WeComApp app) {
        var listed = new LinkedHashMap<String, Integer>();
        String cursor = "";
        do {
            var page = client.post(
                    app, "externalcontact/groupchat/list", Map.of("status_filter", 0, "cursor", cursor, "limit", PAGE));
            page.path("group_chat_list")
                    .forEach(g -> listed.put(
                            g.path("chat_id").asString(), g.path("status").asInt(0)));
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return listed;
    }

    private int dismissMissing(WeComApp app, Map<String, Integer> listed) {
        var missing = jdbc.sql("select chat_id from wecom_group where app_id = ? and dismissed_at is null"
                        + " and not (chat_id = any(?::text[]))")
                .params(app.id(), listed.keySet().toArray(String[]::new))
                .query(String.class)
                .list();
        missing.forEach(chatId -> dismissed(app, chatId, clock.instant()));
        return missing.size();
    }
}

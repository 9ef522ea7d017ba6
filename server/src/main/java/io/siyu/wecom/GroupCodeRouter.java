package io.siyu.wecom;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.BackgroundWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each group live code's join way naming the groups {@link GroupRotation} chooses. A change of a
 * group's members marks the codes using it due, in the transaction that applies the change; after commit,
 * and once a minute for what was missed or refused, the due codes are sent to WeCom (update_join_way), each
 * in a transaction that locks its row. The due mark is the outbox entry: deciding twice still makes one call.
 */
@Component
class GroupCodeRouter extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(GroupCodeRouter.class);

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final WeComApps apps;
    private final WeComClient client;
    private final TransactionTemplate transactions;
    private final GroupCodes codes;

    GroupCodeRouter(
            JdbcClient jdbc,
            TenantManagement tenants,
            WeComApps apps,
            WeComClient client,
            TransactionTemplate transactions,
            @Lazy GroupCodes codes) {
        super("wecom-group-codes", Duration.ofMinutes(1));
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.apps = apps;
        this.client = client;
        this.transactions = transactions;
        this.codes = codes;
    }

    /** Which groups the code's join way should name now, from the member counts Siyu holds. */
    GroupRotation.Decision decide(GroupCode code) {
        var loads = new HashMap<String, GroupRotation.Load>();
        jdbc.sql("select chat_id, member_count, dismissed_at is not null from wecom_group where app_id = ?"
                        + " and chat_id = any(?::text[])")
                .params(code.appId(), code.groups().toArray(String[]::new))
                .query((rs, n) -> loads.put(
                        rs.getString(1), new GroupRotation.Load(rs.getString(1), rs.getInt(2), rs.getBoolean(3))))
                .list();
        var ordered = code.groups().stream()
                .map(chatId -> loads.getOrDefault(chatId, new GroupRotation.Load(chatId, 0, false)))
                .toList();
        return GroupRotation.decide(ordered, code.threshold(), code.routedTo());
    }

    /**
     * The members of {@code chatIds} changed: codes using them are due. A join through a code ({@code states})
     * into a group the code does not list is a room WeCom made for it (auto_create_room), which the code adopts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void groupsChanged(long appId, Collection<String> chatIds, Set<String> states) {
        var chats = chatIds.toArray(String[]::new);
        if (!states.isEmpty()) {
            for (var chatId : chats) {
                jdbc.sql("update wecom_group_code set chat_ids = array_append(chat_ids, ?) where app_id = ?"
                                + " and state = any(?::text[]) and auto_create_room and not (? = any(chat_ids))")
                        .params(chatId, appId, states.toArray(String[]::new), chatId)
                        .update();
            }
        }
        int due = jdbc.sql("update wecom_group_code set route_due = true where app_id = ? and chat_ids && ?::text[]"
                        + " and config_id is not null")
                .params(appId, chats)
                .update();
        if (due > 0) {
            AfterCommit.collect(this, () -> Boolean.TRUE, b -> {}, b -> worker().wake());
        }
    }

    /**
     * Points the code's join way at the groups {@link #decide} names, when that differs from where it points
     * (or always, with {@code force}: its settings changed). Reads the way first: rooms WeCom made are adopted
     * and its room number kept, unless {@code roomBaseId} sets a new one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void push(WeComApp app, GroupCode given, boolean force, @Nullable Integer roomBaseId) {
        var code = given;
        var configId = java.util.Objects.requireNonNull(code.configId());
        var way = client.post(app, "externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                .path("join_way");
        var adopted = new ArrayList<String>();
        if (code.autoCreateRoom()) {
            way.path("chat_id_list").forEach(chat -> {
                if (!given.groups().contains(chat.asString())) {
                    adopted.add(chat.asString());
                }
            });
        }
        if (!adopted.isEmpty()) {
            jdbc.sql("update wecom_group_code set chat_ids = chat_ids || ?::text[] where id = ?")
                    .params(adopted.toArray(String[]::new), code.id())
                    .update();
            code = codes.find(code.id()).orElseThrow();
        }
        var decision = decide(code);
        var roomId = roomBaseId != null
                ? roomBaseId
                : way.has("room_base_id")
                        ? Integer.valueOf(way.path("room_base_id").asInt())
                        : code.roomBaseId();
        if (force || !decision.chatIds().equals(code.routedTo())) {
            client.post(
                    app,
                    "externalcontact/groupchat/update_join_way",
                    GroupCodes.joinWay(code, decision.chatIds(), configId, roomId));
        }
        jdbc.sql("""
                        update wecom_group_code set routed_to = ?, full_up = ?, room_base_id = coalesce(?, room_base_id),
                               route_due = false, route_error = null
                        where id = ?""")
                .params(
                        decision.chatIds().toArray(String[]::new),
                        decision.full(),
                        code.autoCreateRoom() ? roomId : null,
                        code.id())
                .update();
    }

    /** Sends every code of the bound tenant that is due or whose groups filled up; returns how many were sent. */
    int drain() {
        var ids = transactions.execute(status -> jdbc
                .sql("select " + GroupCodes.COLUMNS + ", route_due"
                        + " from wecom_group_code where config_id is not null order by id")
                .query((rs, n) -> rs.getBoolean(18) ? rs.getLong(1) : stale(GroupCodes.code(rs, n)))
                .list()
                .stream()
                .filter(id -> id > 0)
                .toList());
        if (ids == null) {
            return 0;
        }
        ids.forEach(this::send);
        return ids.size();
    }

    /** The code's id when its way no longer names what it should, else 0. */
    private long stale(GroupCode code) {
        var decision = decide(code);
        return decision.chatIds().equals(code.routedTo()) && decision.full() == code.full() ? 0 : code.id();
    }

    private void send(long id) {
        transactions.executeWithoutResult(status -> {
            var locked = jdbc.sql("select id from wecom_group_code where id = ? for update skip locked")
                    .param(id)
                    .query(Long.class)
                    .optional();
            var code = locked.flatMap(codes::find).orElse(null);
            if (code == null) {
                return;
            }
            var app = apps.find(code.appId()).orElseThrow();
            try {
                push(app, code, false, null);
            } catch (WeComApiException e) {
                log.info("group live code {}: WeCom answered {}", id, e.errcode());
                jdbc.sql("update wecom_group_code set route_error = ? where id = ?")
                        .params(e.getMessage(), id)
                        .update();
            }
        });
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "routing group live codes", this::drain);
    }
}

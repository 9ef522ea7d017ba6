package io.siyu.wecom;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group live codes (群活码): each is a WeCom 加入群聊 way (scene 2: a QR code) made through the API and traced
 * by its {@code state} ({@code g<id>}). Creating, changing and deleting one calls WeCom in the same
 * transaction, so that Siyu never holds a code WeCom refused; which groups it names is kept by
 * {@link GroupCodeRouter}.
 */
@Service
public class GroupCodes {

    static final String COLUMNS = "id, app_id, name, state, chat_ids, threshold, fallback_code_id, auto_create_room,"
            + " room_base_name, room_base_id, config_id, qr_url, routed_to, full_up, route_error, created_at,"
            + " updated_at";

    private final JdbcClient jdbc;
    private final WeComApps apps;
    private final WeComClient client;
    private final GroupCodeRouter router;

    GroupCodes(JdbcClient jdbc, WeComApps apps, WeComClient client, GroupCodeRouter router) {
        this.jdbc = jdbc;
        this.apps = apps;
        this.client = client;
        this.router = router;
    }

    @Transactional(readOnly = true)
    public List<GroupCode> all() {
        return jdbc.sql("select " + COLUMNS + " from wecom_group_code where parent_id is null order by id desc")
                .query(GroupCodes::code)
                .list();
    }

    @Transactional(readOnly = true)
    public GroupCode get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("wecom-group-code", id));
    }

    /** A code by id, a personal one too; empty when there is none. */
    public Optional<GroupCode> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from wecom_group_code where id = ?")
                .param(id)
                .query(GroupCodes::code)
                .optional();
    }

    @Transactional
    public GroupCode create(GroupCodeInput input) {
        var problems = new ArrayList<FieldProblem>();
        var app = input.appId() == null ? null : apps.find(input.appId()).orElse(null);
        if (app == null) {
            throw invalid(List.of(new FieldProblem("appId", "wecom.code.app")));
        }
        var name = ChannelCodeInput.name(input.name(), problems);
        var groups = GroupCodeInput.groups(input.groups(), usableGroups(app.id()), problems);
        int threshold = GroupCodeInput.threshold(input.threshold(), problems);
        var fallback = fallback(app.id(), input.fallbackCodeId(), problems);
        boolean autoCreate = Boolean.TRUE.equals(input.autoCreateRoom());
        var roomName = GroupCodeInput.roomBaseName(autoCreate, input.roomBaseName(), problems);
        var roomId = GroupCodeInput.roomBaseId(autoCreate, input.roomBaseId(), problems);
        if (!problems.isEmpty() || name == null) {
            throw invalid(problems);
        }
        long id = jdbc.sql("""
                        insert into wecom_group_code (app_id, name, state, chat_ids, threshold, fallback_code_id,
                                auto_create_room, room_base_name, room_base_id)
                        values (?, ?, 'new', ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        app.id(),
                        name,
                        groups.toArray(String[]::new),
                        threshold,
                        fallback,
                        autoCreate,
                        roomName,
                        roomId)
                .query(Long.class)
                .single();
        return register(app, id);
    }

    /**
     * A personal copy of group code {@code parentId} for customer {@code customerId} to share (社群裂变): the same
     * groups and settings, its own 加入群聊 way and state, so that whoever joins through it is known to have come
     * through that customer. Made once, then found again; not listed with the operator's codes.
     */
    @Transactional
    public GroupCode personal(long parentId, long customerId) {
        var existing = jdbc.sql("select id from wecom_group_code where parent_id = ? and sharer_customer_id = ?")
                .params(parentId, customerId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return get(existing.get());
        }
        var parent = get(parentId);
        var app = apps.find(parent.appId()).orElseThrow();
        long id = jdbc.sql("""
                        insert into wecom_group_code (app_id, name, state, chat_ids, threshold, fallback_code_id,
                                auto_create_room, room_base_name, room_base_id, parent_id, sharer_customer_id)
                        select app_id, name, 'new', chat_ids, threshold, fallback_code_id, auto_create_room,
                               room_base_name, room_base_id, id, ?
                        from wecom_group_code where id = ? returning id""").params(customerId, parentId).query(Long.class).single();
        return register(app, id);
    }

    /** Names the new code's state and makes its 加入群聊 way in WeCom, in the caller's transaction. */
    private GroupCode register(WeComApp app, long id) {
        jdbc.sql("update wecom_group_code set state = ? where id = ?")
                .params("g" + id, id)
                .update();
        var code = get(id);
        var decision = router.decide(code);
        try {
            var configId = client.post(
                            app,
                            "externalcontact/groupchat/add_join_way",
                            joinWay(code, decision.chatIds(), null, code.roomBaseId()))
                    .path("config_id")
                    .asString();
            var qr = client.post(app, "externalcontact/groupchat/get_join_way", Map.of("config_id", configId))
                    .path("join_way")
                    .path("qr_code")
                    .asString("");
            jdbc.sql("update wecom_group_code set config_id = ?, qr_url = ?, routed_to = ?, full_up = ? where id = ?")
                    .params(
                            configId,
                            qr.isEmpty() ? null : qr,
                            decision.chatIds().toArray(String[]::new),
                            decision.full(),
                            id)
                    .update();
        } catch (WeComApiException e) {
            throw e.toProblem();
        }
        return get(id);
    }

    @Transactional
    public GroupCode update(long id, GroupCodeInput input) {
        var current = get(id);
        var app = apps.find(current.appId()).orElseThrow();
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? current.name() : ChannelCodeInput.name(input.name(), problems);
        var groups = input.groups() == null
                ? current.groups()
                : GroupCodeInput.groups(input.groups(), usableGroups(app.id()), problems);
        int threshold =
                input.threshold() == null ? current.threshold() : GroupCodeInput.threshold(input.threshold(), problems);
        var fallback = input.clears("fallbackCodeId")
                ? null
                : input.fallbackCodeId() == null
                        ? current.fallbackCodeId()
                        : fallback(app.id(), input.fallbackCodeId(), problems);
        boolean autoCreate = input.autoCreateRoom() == null ? current.autoCreateRoom() : input.autoCreateRoom();
        var roomName = GroupCodeInput.roomBaseName(
                autoCreate, input.roomBaseName() == null ? current.roomBaseName() : input.roomBaseName(), problems);
        var roomId = GroupCodeInput.roomBaseId(
                autoCreate, input.roomBaseId() == null ? current.roomBaseId() : input.roomBaseId(), problems);
        if (!problems.isEmpty() || name == null) {
            throw invalid(problems);
        }
        jdbc.sql("""
                        update wecom_group_code set name = ?, chat_ids = ?, threshold = ?, fallback_code_id = ?,
                               auto_create_room = ?, room_base_name = ?, room_base_id = ?, updated_at = now()
                        where id = ?""")
                .params(name, groups.toArray(String[]::new), threshold, fallback, autoCreate, roomName, roomId, id)
                .update();
        // personal copies follow their parent's groups; the router sends them after commit
        jdbc.sql("""
                        update wecom_group_code set chat_ids = ?, threshold = ?, fallback_code_id = ?, route_due = true,
                               updated_at = now()
                        where parent_id = ? and config_id is not null""")
                .params(groups.toArray(String[]::new), threshold, fallback, id)
                .update();
        try {
            router.push(app, get(id), true, input.roomBaseId());
        } catch (WeComApiException e) {
            throw e.toProblem();
        }
        return get(id);
    }

    /** Deletes the way in WeCom (its QR stops working) and here; the joins it brought keep their state. */
    @Transactional
    public void delete(long id) {
        var code = get(id);
        var app = apps.find(code.appId()).orElseThrow();
        if (code.configId() != null) {
            try {
                client.post(app, "externalcontact/groupchat/del_join_way", Map.of("config_id", code.configId()));
            } catch (WeComApiException e) {
                if (e.kind() != WeComApiException.Kind.NOT_FOUND && e.errcode() != 41043) {
                    throw e.toProblem();
                }
            }
        }
        jdbc.sql("delete from wecom_group_code where id = ?").param(id).update();
    }

    /** The body of add_join_way (no config id) or update_join_way. */
    static Map<String, Object> joinWay(
            GroupCode code, List<String> chatIds, @Nullable String configId, @Nullable Integer roomBaseId) {
        var body = new LinkedHashMap<String, Object>();
        if (configId != null) {
            body.put("config_id", configId);
        }
        body.put("scene", 2);
        body.put("remark", code.name());
        body.put("auto_create_room", code.autoCreateRoom() ? 1 : 0);
        if (code.autoCreateRoom()) {
            body.put("room_base_name", code.roomBaseName() == null ? code.name() : code.roomBaseName());
            if (roomBaseId != null) {
                body.put("room_base_id", roomBaseId);
            }
        }
        body.put("chat_id_list", chatIds);
        body.put("state", code.state());
        return body;
    }

    /** Groups a code may use: the app's synced groups that still exist. */
    private Set<String> usableGroups(long appId) {
        return new HashSet<>(jdbc.sql("select chat_id from wecom_group where app_id = ? and dismissed_at is null")
                .param(appId)
                .query(String.class)
                .list());
    }

    private @Nullable Long fallback(long appId, @Nullable Long codeId, List<FieldProblem> problems) {
        if (codeId == null) {
            return null;
        }
        var found = jdbc.sql("select count(*) from wecom_channel_code where id = ? and app_id = ?")
                .params(codeId, appId)
                .query(Integer.class)
                .single();
        if (found == 0) {
            problems.add(new FieldProblem("fallbackCodeId", "wecom.group-code.fallback", String.valueOf(codeId)));
        }
        return codeId;
    }

    private static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
    }

    static GroupCode code(ResultSet rs, int row) throws SQLException {
        var fallbackCode = rs.getObject(7, Long.class);
        boolean autoCreate = rs.getBoolean(8);
        boolean full = rs.getBoolean(14);
        return new GroupCode(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                ChannelCodes.strings(rs.getArray(5)),
                rs.getInt(6),
                fallbackCode,
                autoCreate,
                rs.getString(9),
                rs.getObject(10, Integer.class),
                rs.getString(11),
                rs.getString(12),
                ChannelCodes.strings(rs.getArray(13)),
                full,
                full && !autoCreate && fallbackCode != null,
                rs.getString(15),
                rs.getTimestamp(16).toInstant(),
                rs.getTimestamp(17).toInstant());
    }
}

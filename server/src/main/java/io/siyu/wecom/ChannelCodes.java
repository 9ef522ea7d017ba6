package io.siyu.wecom;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Channel live codes: each is a WeCom 联系我 code (type 2, scene 2: a QR code) made through the API and
 * traced by its {@code state} ({@code c<id>}). Creating, changing and deleting one calls WeCom in the same
 * transaction, so that Siyu never holds a code WeCom refused; whom it points at is kept by
 * {@link ChannelCodeRouter}.
 */
@Service
public class ChannelCodes {

    static final String COLUMNS = "id, app_id, parent_id, kind, name, store, sharer_customer_id, state, staff,"
            + " backup_staff, assignment, daily_cap, schedule::text, skip_verify, tag_ids, welcome::text, config_id,"
            + " qr_url, routed_to, disabled, created_at, updated_at";

    private final JdbcClient jdbc;
    private final WeComApps apps;
    private final WeComClient client;
    private final ChannelCodeRouter router;
    private final io.siyu.customer.CustomerDirectory customers;
    private final JsonMapper json = JsonMapper.builder().build();

    ChannelCodes(
            JdbcClient jdbc,
            WeComApps apps,
            WeComClient client,
            ChannelCodeRouter router,
            io.siyu.customer.CustomerDirectory customers) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.apps = apps;
        this.client = client;
        this.router = router;
    }

    @Transactional(readOnly = true)
    public List<ChannelCode> all(@Nullable Long parentId) {
        return jdbc.sql("select " + COLUMNS + " from wecom_channel_code where "
                        + (parentId == null ? "parent_id is null" : "parent_id = ?")
                        + " and app_id in (select id from wecom_app where not demo) order by id desc")
                .params(parentId == null ? List.of() : List.of(parentId))
                .query(this::code)
                .list();
    }

    @Transactional(readOnly = true)
    public ChannelCode get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("wecom-channel-code", id));
    }

    /** The code, if there is one (deleted, or never made: a demo campaign's participants have none). */
    public Optional<ChannelCode> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from wecom_channel_code where id = ?")
                .param(id)
                .query(this::code)
                .optional();
    }

    /** Codes whose routing changes with the clock: those with a daily cap or working hours. */
    List<ChannelCode> dueForSweep() {
        return jdbc.sql("select " + COLUMNS + " from wecom_channel_code where config_id is not null and not disabled"
                        + " and (daily_cap is not null or schedule is not null)")
                .query(this::code)
                .list();
    }

    Optional<ChannelCode> byState(long appId, @Nullable String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from wecom_channel_code where app_id = ? and state = ?")
                .params(appId, state)
                .query(this::code)
                .optional();
    }

    /** What a new code is made of once checked. */
    private record Values(
            String name,
            List<String> staff,
            List<String> backup,
            String assignment,
            @Nullable Integer dailyCap,
            ChannelCode.@Nullable Hours schedule,
            boolean skipVerify,
            List<Integer> tags,
            ChannelCode.@Nullable Welcome welcome) {}

    @Transactional
    public ChannelCode create(ChannelCodeInput input) {
        var problems = new ArrayList<FieldProblem>();
        if (input.appId() == null || apps.find(input.appId()).isEmpty()) {
            problems.add(new FieldProblem("appId", "wecom.code.app"));
            throw invalid(problems);
        }
        var app = apps.find(input.appId()).orElseThrow();
        var known = contactStaff(app.id());
        var name = ChannelCodeInput.name(input.name(), problems);
        var staff = ChannelCodeInput.staff("staff", input.staff(), true, known, problems);
        var backup = ChannelCodeInput.staff("backupStaff", input.backupStaff(), false, known, problems);
        var assignment = ChannelCodeInput.assignment(input.assignment(), problems);
        var cap = ChannelCodeInput.dailyCap(input.dailyCap(), problems);
        ChannelCodeInput.schedule(input.schedule(), problems);
        var welcome = ChannelCodeInput.welcome(input.welcome(), problems);
        var tags = tags(input.tagIds(), problems);
        if (!problems.isEmpty() || name == null || assignment == null) {
            throw invalid(problems);
        }
        var values = new Values(
                name,
                staff,
                backup,
                assignment,
                cap,
                input.schedule(),
                input.skipVerify() == null || input.skipVerify(),
                tags,
                welcome);
        return make(app, values, "channel", null, null, null);
    }

    /** 门店活码: one code per store, made from {@code parentId} with its settings and the store's own staff. */
    @Transactional
    public List<ChannelCode> createStores(long parentId, List<StoreInput> stores) {
        var parent = get(parentId);
        if (parent.parentId() != null) {
            throw DomainException.invalid("parentId", "wecom.code.nested");
        }
        var app = apps.find(parent.appId()).orElseThrow();
        var known = contactStaff(app.id());
        var problems = new ArrayList<FieldProblem>();
        if (stores.isEmpty() || stores.size() > MAX_STORES) {
            problems.add(new FieldProblem("stores", "wecom.code.stores", MAX_STORES));
        }
        var checked = new ArrayList<Values>();
        for (int i = 0; i < stores.size(); i++) {
            var store = stores.get(i);
            var storeName = store.store() == null ? "" : store.store().strip();
            if (storeName.isEmpty() || storeName.length() > ChannelCodeInput.MAX_NAME) {
                problems.add(new FieldProblem("stores[" + i + "].store", "wecom.code.name", ChannelCodeInput.MAX_NAME));
            }
            var staff = ChannelCodeInput.staff("stores[" + i + "].staff", store.staff(), true, known, problems);
            checked.add(new Values(
                    storeName,
                    staff,
                    parent.backupStaff(),
                    parent.assignment(),
                    parent.dailyCap(),
                    parent.schedule(),
                    parent.skipVerify(),
                    parent.tagIds(),
                    parent.welcome()));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return checked.stream()
                .map(v -> make(app, v, "store", parentId, v.name(), null))
                .toList();
    }

    /**
     * 千人千面码: the code customer {@code customerId} shares, made from {@code parentId} once and then found
     * again, so that whoever adds through it is known to have come through that customer.
     */
    @Transactional
    public ChannelCode personal(long parentId, long customerId) {
        var parent = get(parentId);
        customerId = customers.get(customerId).id();
        var existing = jdbc.sql("select " + COLUMNS + " from wecom_channel_code where parent_id = ?"
                        + " and kind = 'personal' and sharer_customer_id = ?")
                .params(parentId, customerId)
                .query(this::code)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var app = apps.find(parent.appId()).orElseThrow();
        var values = new Values(
                parent.name(),
                parent.staff(),
                parent.backupStaff(),
                parent.assignment(),
                parent.dailyCap(),
                parent.schedule(),
                parent.skipVerify(),
                parent.tagIds(),
                parent.welcome());
        return make(app, values, "personal", parentId, null, customerId);
    }

    /** One store of {@link #createStores}. */
    public record StoreInput(
            @Nullable String store, @Nullable List<String> staff) {}

    static final int MAX_STORES = 100;

    /** Stores the code and makes it in WeCom, in this transaction: a code WeCom refuses is not kept. */
    private ChannelCode make(
            WeComApp app,
            Values values,
            String kind,
            @Nullable Long parentId,
            @Nullable String store,
            @Nullable Long sharer) {
        var name = values.name();
        long id = jdbc.sql("""
                        insert into wecom_channel_code (app_id, parent_id, kind, name, store, sharer_customer_id, state,
                                staff, backup_staff, assignment, daily_cap, schedule, skip_verify, tag_ids, welcome)
                        values (?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) returning id""")
                .params(
                        app.id(),
                        parentId,
                        kind,
                        name,
                        store,
                        sharer,
                        values.staff().toArray(String[]::new),
                        values.backup().toArray(String[]::new),
                        values.assignment(),
                        values.dailyCap(),
                        values.schedule() == null ? null : json.writeValueAsString(values.schedule()),
                        values.skipVerify(),
                        values.tags().toArray(Integer[]::new),
                        values.welcome() == null ? null : json.writeValueAsString(values.welcome()))
                .query(Long.class)
                .single();
        jdbc.sql("update wecom_channel_code set state = ? where id = ?")
                .params(kind.substring(0, 1) + id, id)
                .update();
        var code = get(id);
        var routedTo = router.decide(code);
        try {
            var answer = client.post(app, "externalcontact/add_contact_way", contactWay(code, routedTo, null));
            jdbc.sql("update wecom_channel_code set config_id = ?, qr_url = ?, routed_to = ? where id = ?")
                    .params(
                            answer.path("config_id").asString(),
                            answer.path("qr_code").asString(),
                            routedTo.toArray(String[]::new),
                            id)
                    .update();
        } catch (WeComApiException e) {
            throw e.toProblem();
        }
        return get(id);
    }

    @Transactional
    public ChannelCode update(long id, ChannelCodeInput input) {
        var current = get(id);
        var app = apps.find(current.appId()).orElseThrow();
        var known = contactStaff(app.id());
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? current.name() : ChannelCodeInput.name(input.name(), problems);
        var staff = input.staff() == null
                ? current.staff()
                : ChannelCodeInput.staff("staff", input.staff(), true, known, problems);
        var backup = input.backupStaff() == null
                ? current.backupStaff()
                : ChannelCodeInput.staff("backupStaff", input.backupStaff(), false, known, problems);
        var assignment = input.assignment() == null
                ? current.assignment()
                : ChannelCodeInput.assignment(input.assignment(), problems);
        var cap = input.clears("dailyCap")
                ? null
                : input.dailyCap() == null ? current.dailyCap() : ChannelCodeInput.dailyCap(input.dailyCap(), problems);
        var schedule =
                input.clears("schedule") ? null : input.schedule() == null ? current.schedule() : input.schedule();
        ChannelCodeInput.schedule(schedule, problems);
        var welcome = input.clears("welcome")
                ? null
                : input.welcome() == null ? current.welcome() : ChannelCodeInput.welcome(input.welcome(), problems);
        var tags = input.tagIds() == null ? current.tagIds() : tags(input.tagIds(), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        jdbc.sql("""
                        update wecom_channel_code set name = ?, staff = ?, backup_staff = ?, assignment = ?, daily_cap = ?,
                               schedule = ?::jsonb, skip_verify = ?, tag_ids = ?, welcome = ?::jsonb, updated_at = now()
                        where id = ?""")
                .params(
                        name,
                        staff.toArray(String[]::new),
                        backup.toArray(String[]::new),
                        assignment,
                        cap,
                        schedule == null ? null : json.writeValueAsString(schedule),
                        input.skipVerify() == null ? current.skipVerify() : input.skipVerify(),
                        tags.toArray(Integer[]::new),
                        welcome == null ? null : json.writeValueAsString(welcome),
                        id)
                .update();
        var code = get(id);
        var routedTo = router.decide(code);
        try {
            client.post(app, "externalcontact/update_contact_way", contactWay(code, routedTo, code.configId()));
        } catch (WeComApiException e) {
            throw e.toProblem();
        }
        jdbc.sql("update wecom_channel_code set routed_to = ? where id = ?")
                .params(routedTo.toArray(String[]::new), id)
                .update();
        return get(id);
    }

    /** Deletes the code in WeCom (its QR stops working) and here; the contacts it brought keep their source. */
    @Transactional
    public void delete(long id) {
        var code = get(id);
        var app = apps.find(code.appId()).orElseThrow();
        for (var child : all(id)) {
            delete(child.id());
        }
        if (code.configId() != null) {
            try {
                client.post(app, "externalcontact/del_contact_way", Map.of("config_id", code.configId()));
            } catch (WeComApiException e) {
                if (e.kind() != WeComApiException.Kind.NOT_FOUND && e.errcode() != 41043) {
                    throw e.toProblem();
                }
            }
        }
        jdbc.sql("delete from wecom_channel_code where id = ?").param(id).update();
    }

    /** The body of add_contact_way (no config id) or update_contact_way. */
    static Map<String, Object> contactWay(ChannelCode code, List<String> users, @Nullable String configId) {
        var body = new LinkedHashMap<String, Object>();
        if (configId == null) {
            body.put("type", 2);
            body.put("scene", 2);
        } else {
            body.put("config_id", configId);
        }
        body.put("remark", code.name());
        body.put("skip_verify", code.skipVerify());
        body.put("state", code.state());
        body.put("user", users);
        return body;
    }

    /** Staff of the app's directory who may use 客户联系. */
    Set<String> contactStaff(long appId) {
        return new HashSet<>(jdbc.sql("select user_id from wecom_staff where app_id = ? and contact_enabled"
                        + " and not removed and status = 1")
                .param(appId)
                .query(String.class)
                .list());
    }

    private List<Integer> tags(@Nullable List<Integer> ids, List<FieldProblem> problems) {
        var wanted = ids == null ? List.<Integer>of() : new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        if (wanted.isEmpty()) {
            return wanted;
        }
        var usable = new HashSet<>(jdbc.sql("select id from tag where id = any(?::int[])"
                        + " and owner_account_id is null and segment_id is null")
                .param(wanted.toArray(Integer[]::new))
                .query(Integer.class)
                .list());
        for (int i = 0; i < wanted.size(); i++) {
            if (!usable.contains(wanted.get(i))) {
                problems.add(new FieldProblem("tagIds[" + i + "]", "wecom.code.tag", wanted.get(i)));
            }
        }
        return wanted;
    }

    private static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
    }

    ChannelCode code(ResultSet rs, int row) throws SQLException {
        var schedule = rs.getString(13);
        var welcome = rs.getString(16);
        return new ChannelCode(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, Long.class),
                rs.getString(8),
                strings(rs.getArray(9)),
                strings(rs.getArray(10)),
                rs.getString(11),
                rs.getObject(12, Integer.class),
                schedule == null ? null : json.readValue(schedule, ChannelCode.Hours.class),
                rs.getBoolean(14),
                Arrays.stream((Integer[]) rs.getArray(15).getArray()).toList(),
                welcome == null ? null : json.readValue(welcome, ChannelCode.Welcome.class),
                rs.getString(17),
                rs.getString(18),
                strings(rs.getArray(19)),
                rs.getBoolean(20),
                rs.getTimestamp(21).toInstant(),
                rs.getTimestamp(22).toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}

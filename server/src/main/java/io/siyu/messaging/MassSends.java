package io.siyu.messaging;

import io.siyu.access.Actor;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.wecom.WeComApiException;
import io.siyu.wecom.WeComAppManagement;
import io.siyu.wecom.WeComClient;
import io.siyu.wecom.WeComDirectory;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** 企业群发 as operators and API clients see them: made, previewed, listed, followed, reminded, cancelled. */
@Service
public class MassSends {

    /** How far ahead a send may be scheduled. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private static final String SELECT = "select id, app_id, name, audience::text, staff, text, material_ids, send_at,"
            + " status, error, created_by, created_at, planned_at, finished_at, chat_type, priority from mass_send";

    private final JdbcClient jdbc;
    private final Audiences audiences;
    private final GroupSends groups;
    private final Attachments attachments;
    private final MassSendPlanner planner;
    private final WeComAppManagement apps;
    private final WeComDirectory directory;
    private final WeComClient client;
    private final Clock clock;
    private final SendingRules rules;
    private final MassSendWork work;
    private final SendChecks checks;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    MassSends(
            JdbcClient jdbc,
            Audiences audiences,
            GroupSends groups,
            Attachments attachments,
            MassSendPlanner planner,
            WeComAppManagement apps,
            WeComDirectory directory,
            WeComClient client,
            Clock clock,
            SendingRules rules,
            MassSendWork work,
            SendChecks checks) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.groups = groups;
        this.attachments = attachments;
        this.planner = planner;
        this.apps = apps;
        this.directory = directory;
        this.client = client;
        this.clock = clock;
        this.rules = rules;
        this.work = work;
        this.checks = checks;
    }

    @Transactional
    public MassSend create(MassSendInput input) {
        var problems = new ArrayList<FieldProblem>();
        var appId = checks.app(input.appId(), "appId", problems);
        var name = checks.name(input.name(), problems);
        var chatType = chatType(input.chatType(), problems);
        var audience = audience(appId, chatType, input.audience(), problems);
        var priority = priority(input.priority(), problems);
        var staff = new ArrayList<>(new LinkedHashSet<>(input.staff() == null ? List.of() : input.staff()));
        checks.staff(appId, staff, "staff", problems);
        var text = input.text() == null ? "" : input.text().strip();
        var materialIds =
                new ArrayList<>(new LinkedHashSet<>(input.materialIds() == null ? List.of() : input.materialIds()));
        checkContent("", text, materialIds, problems);
        var now = clock.instant();
        var sendAt = input.sendAt() == null || input.sendAt().isBefore(now) ? now : input.sendAt();
        if (sendAt.isAfter(now.plus(MAX_AHEAD))) {
            problems.add(new FieldProblem("sendAt", "messaging.send-at"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long id = jdbc.sql("""
                        insert into mass_send (app_id, name, chat_type, priority, audience, staff, text, material_ids,
                                               send_at, created_by)
                        values (?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?::bigint[], ?, ?) returning id""")
                .params(
                        appId,
                        name,
                        chatType,
                        priority,
                        audience.toString(),
                        staff.toArray(String[]::new),
                        text,
                        materialIds.toArray(Long[]::new),
                        Timestamp.from(sendAt),
                        Actor.currentName())
                .query(Long.class)
                .single();
        io.siyu.shared.AfterCommit.collect(work, () -> work, w -> {}, MassSendWork::wake);
        return get(id);
    }

    /** A message's text and materials as WeCom takes them; problems are named under {@code prefix}. */
    void checkContent(String prefix, String text, List<Long> materialIds, List<FieldProblem> problems) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MassSendInput.MAX_TEXT_BYTES) {
            problems.add(new FieldProblem(prefix + "text", "messaging.text", MassSendInput.MAX_TEXT_BYTES));
        }
        if (materialIds.size() > MassSendInput.MAX_MATERIALS) {
            problems.add(new FieldProblem(prefix + "materialIds", "messaging.materials", MassSendInput.MAX_MATERIALS));
        }
        attachments.check(prefix, materialIds, problems);
        if (text.isEmpty() && materialIds.isEmpty()) {
            problems.add(new FieldProblem(prefix + "text", "messaging.empty"));
        }
    }

    private static String priority(@Nullable String priority, List<FieldProblem> problems) {
        if (priority == null) {
            return "normal";
        }
        if (!SendingRules.PRIORITIES.contains(priority)) {
            problems.add(
                    new FieldProblem("priority", "messaging.priority", String.join(", ", SendingRules.PRIORITIES)));
        }
        return priority;
    }

    private static String chatType(@Nullable String chatType, List<FieldProblem> problems) {
        if (chatType == null) {
            return "single";
        }
        if (!MassSendInput.CHAT_TYPES.contains(chatType)) {
            problems.add(
                    new FieldProblem("chatType", "messaging.chat-type", String.join(", ", MassSendInput.CHAT_TYPES)));
        }
        return chatType;
    }

    private tools.jackson.databind.JsonNode audience(
            @Nullable Long appId,
            String chatType,
            MassSendInput.@Nullable Audience audience,
            List<FieldProblem> problems) {
        if (chatType.equals("group")) {
            return groups.check(appId, audience, problems);
        }
        if (audience != null && audience.chatIds() != null) {
            problems.add(new FieldProblem("audience.chatIds", "messaging.audience.customers"));
        }
        return audiences.check(
                audience == null ? new MassSendInput.Audience(null, null, null, null) : audience, problems);
    }

    /** Who the audience reaches now and who would be held back, by reason and staff member, without sending. */
    @Transactional(readOnly = true)
    public MassSendPlanner.Preview preview(MassSendInput input) {
        var problems = new ArrayList<FieldProblem>();
        var appId = checks.app(input.appId(), "appId", problems);
        var chatType = chatType(input.chatType(), problems);
        var audience = audience(appId, chatType, input.audience(), problems);
        var priority = priority(input.priority(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var staff = input.staff() == null ? List.<String>of() : input.staff();
        var content = SendingRules.digest(
                input.text() == null ? "" : input.text(),
                new ArrayList<>(new LinkedHashSet<>(input.materialIds() == null ? List.of() : input.materialIds())));
        return chatType.equals("group")
                ? groups.preview(
                        Objects.requireNonNull(appId),
                        audience,
                        staff,
                        rules.settings().massQuota(),
                        clock.instant())
                : planner.preview(Objects.requireNonNull(appId), audience, staff, priority, content);
    }

    @Transactional(readOnly = true)
    public CursorPage<MassSend> list(PageRequest page) {
        var rows = jdbc.sql(SELECT + " where origin = 'console' and id < ? order by id desc limit " + page.fetchSize())
                .param(page.before())
                .query(this::send)
                .list();
        var items = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        var counts = counts(items);
        return new CursorPage<>(
                items.stream()
                        .map(r -> r.with(counts.getOrDefault(r.id(), Map.of())))
                        .toList(),
                rows.size() > page.limit() ? PageRequest.encode(items.getLast().id()) : null);
    }

    @Transactional(readOnly = true)
    public MassSend get(long id) {
        var row = row(id);
        return row.with(counts(List.of(row)).getOrDefault(id, Map.of()));
    }

    @Transactional(readOnly = true)
    public MassSend.Detail detail(long id) {
        var send = get(id);
        var names = new HashMap<String, String>();
        directory.staff(send.appId()).forEach(s -> names.put(s.userId(), s.name()));
        var table = send.chatType().equals("group") ? "mass_send_group" : "mass_send_recipient";
        var shares = jdbc.sql("""
                        select t.user_id, count(distinct t.part),
                               case when bool_or(t.status = 'failed') then 'failed'
                                    when bool_and(t.status = 'cancelled') then 'cancelled'
                                    when bool_or(t.status in ('pending', 'asking')) then 'pending'
                                    when bool_and(t.staff_sent_at is not null) then 'sent'
                                    else 'submitted' end,
                               (select count(*) from mass_send_recipient r where r.mass_send_id = t.mass_send_id
                                  and r.user_id = t.user_id and r.part is not null),
                               (select count(*) from mass_send_recipient r where r.mass_send_id = t.mass_send_id
                                  and r.user_id = t.user_id and r.status = 'delivered'),
                               (select count(*) from mass_send_recipient r where r.mass_send_id = t.mass_send_id
                                  and r.user_id = t.user_id
                                  and r.status in ('not_friend', 'dismissed', 'over_quota', 'unsent', 'failed')),
                               min(t.submitted_at), max(t.staff_sent_at), max(t.reminders), max(t.error)
                        from mass_send_task t where t.mass_send_id = ?
                        group by t.mass_send_id, t.user_id order by t.user_id""".replace("mass_send_recipient", table))
                .param(id)
                .query((rs, n) -> new MassSend.StaffShare(
                        rs.getString(1),
                        names.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        rs.getInt(9),
                        rs.getString(10)))
                .list();
        return new MassSend.Detail(send, shares);
    }

    /** The customers of a send with their status, by customer id; optionally of one status. */
    @Transactional(readOnly = true)
    public CursorPage<Map<String, Object>> recipients(long id, @Nullable String status, PageRequest page) {
        if (row(id).chatType().equals("group")) {
            return groups.recipients(id, status, page);
        }
        var rows = jdbc.sql("select customer_id, user_id, external_user_id, status, updated_at from mass_send_recipient"
                        + " where mass_send_id = ? and customer_id < ?" + (status == null ? "" : " and status = ?")
                        + " order by customer_id desc limit " + page.fetchSize())
                .params(status == null ? List.of(id, page.before()) : List.of(id, page.before(), status))
                .query((rs, n) -> {
                    var r = new LinkedHashMap<String, Object>();
                    r.put("customerId", rs.getLong(1));
                    r.put("userId", rs.getString(2));
                    r.put("externalUserId", rs.getString(3));
                    r.put("status", rs.getString(4));
                    r.put("updatedAt", rs.getTimestamp(5).toInstant());
                    return (Map<String, Object>) r;
                })
                .list();
        var items = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        return new CursorPage<>(
                items,
                rows.size() > page.limit()
                        ? PageRequest.encode((Long) items.getLast().get("customerId"))
                        : null);
    }

    /**
     * Stops a send: one not yet begun is cancelled whole; of one under way or handed over, shares not yet handed
     * to WeCom are dropped and those staff have not sent yet are cancelled in WeCom (cancel_groupmsg_send). What
     * staff already sent stays sent; a send whose every share was sent is done (409).
     */
    @Transactional
    public MassSend cancel(long id) {
        var send = row(id);
        var waiting = jdbc.sql("select user_id, part, msgid from mass_send_task where mass_send_id = ?"
                        + " and status = 'submitted' and staff_sent_at is null")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        // a send handed over whole can still be stopped while some staff have not sent their share
        boolean open = send.status().equals("scheduled")
                || send.status().equals("sending")
                || (send.status().equals("sent") && !waiting.isEmpty());
        if (!open) {
            throw new DomainException(HttpStatus.CONFLICT, "messaging.cancel.done", send.status());
        }
        var app = apps.app(send.appId());
        for (var task : waiting) {
            try {
                client.post(app, "externalcontact/cancel_groupmsg_send", Map.of("msgid", task[2]));
            } catch (WeComApiException e) {
                throw e.toProblem();
            }
            jdbc.sql(
                            "update mass_send_task set status = 'cancelled' where mass_send_id = ? and user_id = ? and part = ?")
                    .params(id, task[0], Integer.parseInt(task[1]))
                    .update();
        }
        // shares being asked for stay: the worker finds out whether WeCom made them and cancels those
        jdbc.sql("update mass_send_task set status = 'cancelled' where mass_send_id = ? and status = 'pending'")
                .param(id)
                .update();
        planner.release(id, "cancelled");
        jdbc.sql("update mass_send set status = 'cancelled', finished_at = now() where id = ?")
                .param(id)
                .update();
        return get(id);
    }

    /** Reminds staff who have not sent their share yet (remind_groupmsg_send; WeCom allows 3 a day per send). */
    @Transactional
    public Map<String, Integer> remind(long id) {
        var send = row(id);
        var app = apps.app(send.appId());
        var waiting = jdbc.sql("select user_id, part, msgid from mass_send_task where mass_send_id = ?"
                        + " and status = 'submitted' and staff_sent_at is null")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        int reminded = 0;
        int refused = 0;
        for (var task : waiting) {
            try {
                client.post(app, "externalcontact/remind_groupmsg_send", Map.of("msgid", task[2]));
                jdbc.sql("update mass_send_task set reminders = reminders + 1"
                                + " where mass_send_id = ? and user_id = ? and part = ?")
                        .params(id, task[0], Integer.parseInt(task[1]))
                        .update();
                reminded++;
            } catch (WeComApiException e) {
                if (e.kind() != WeComApiException.Kind.LIMIT && e.kind() != WeComApiException.Kind.INVALID) {
                    throw e.toProblem();
                }
                refused++;
            }
        }
        return Map.of("reminded", reminded, "refused", refused);
    }

    private Map<Long, Map<String, Long>> counts(List<Row> rows) {
        var counts = groups.counts(rows.stream()
                .filter(r -> r.chatType().equals("group"))
                .map(Row::id)
                .toList());
        var ids = rows.stream()
                .filter(r -> !r.chatType().equals("group"))
                .map(Row::id)
                .toList();
        if (!ids.isEmpty()) {
            jdbc.sql("select mass_send_id, status, count(*) from mass_send_recipient"
                            + " where mass_send_id = any(?::bigint[]) group by mass_send_id, status")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, n) -> {
                        counts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getLong(3));
                        return null;
                    })
                    .list();
        }
        return counts;
    }

    Row row(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(this::send)
                .optional()
                .orElseThrow(() -> DomainException.notFound("mass-send", id));
    }

    /** A stored send without its counts. */
    record Row(
            long id,
            long appId,
            String name,
            String audience,
            List<String> staff,
            String text,
            List<Long> materialIds,
            java.time.Instant sendAt,
            String status,
            @Nullable String error,
            @Nullable String createdBy,
            java.time.Instant createdAt,
            java.time.@Nullable Instant plannedAt,
            java.time.@Nullable Instant finishedAt,
            String chatType,
            String priority) {

        MassSend with(Map<String, Long> counts) {
            return new MassSend(
                    id,
                    appId,
                    name,
                    chatType,
                    priority,
                    JSON.readTree(audience),
                    staff,
                    text,
                    materialIds,
                    sendAt,
                    status,
                    error,
                    createdBy,
                    createdAt,
                    plannedAt,
                    finishedAt,
                    counts);
        }
    }

    private Row send(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Arrays.asList((String[]) rs.getArray(5).getArray()),
                rs.getString(6),
                Arrays.asList((Long[]) rs.getArray(7).getArray()),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getTimestamp(12).toInstant(),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)),
                rs.getString(15),
                rs.getString(16));
    }

    static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

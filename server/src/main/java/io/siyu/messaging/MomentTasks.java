package io.siyu.messaging;

import io.siyu.access.Actor;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.wecom.WeComApiException;
import io.siyu.wecom.WeComAppManagement;
import io.siyu.wecom.WeComClient;
import io.siyu.wecom.WeComDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户朋友圈 tasks as operators and API clients see them: made, listed, followed, cancelled. A task asks the
 * chosen staff members to publish a post to their customers' moments (all of them, or those with one of the
 * chosen tags); {@link MomentDelivery} makes it in WeCom once and learns who published it.
 */
@Service
public class MomentTasks {

    /** WeCom: text at most 2,000 characters (doc 95094). */
    static final int MAX_TEXT = 2_000;

    private static final String SELECT = "select id, app_id, name, text, material_ids, staff, tag_ids, send_at, status,"
            + " error, moment_id, created_by, created_at from moment_task";

    public record Input(
            @Nullable Long appId,
            @Nullable String name,
            @Nullable String text,
            @Nullable List<Long> materialIds,
            @Nullable List<String> staff,
            @Nullable List<Integer> tagIds,
            @Nullable Instant sendAt) {}

    /**
     * @param status scheduled, creating (being made in WeCom), created (staff are asked to publish it), failed,
     *     cancelled
     * @param counts staff asked, published, and customers it is shown to
     */
    public record Moment(
            long id,
            long appId,
            String name,
            String text,
            List<Long> materialIds,
            List<String> staff,
            List<Integer> tagIds,
            Instant sendAt,
            String status,
            @Nullable String error,
            @Nullable String momentId,
            @Nullable String createdBy,
            Instant createdAt,
            Map<String, Long> counts) {}

    public record StaffPost(
            String userId,
            String name,
            boolean published,
            @Nullable Instant publishedAt,
            int customers) {}

    public record Detail(Moment moment, List<StaffPost> staff) {}

    private final JdbcClient jdbc;
    private final Attachments attachments;
    private final WeComAppManagement apps;
    private final WeComDirectory directory;
    private final WeComClient client;
    private final MassSendWork work;
    private final Clock clock;
    private final SendChecks checks;

    MomentTasks(
            JdbcClient jdbc,
            Attachments attachments,
            WeComAppManagement apps,
            WeComDirectory directory,
            WeComClient client,
            MassSendWork work,
            Clock clock,
            SendChecks checks) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.apps = apps;
        this.directory = directory;
        this.client = client;
        this.work = work;
        this.clock = clock;
        this.checks = checks;
    }

    @Transactional
    public Moment create(Input input) {
        var problems = new ArrayList<FieldProblem>();
        var appId = checks.app(input.appId(), "appId", problems);
        var name = checks.name(input.name(), problems);
        var text = input.text() == null ? "" : input.text().strip();
        var materialIds =
                new ArrayList<>(new LinkedHashSet<>(input.materialIds() == null ? List.of() : input.materialIds()));
        var staff = new ArrayList<>(new LinkedHashSet<>(input.staff() == null ? List.of() : input.staff()));
        var tagIds = new ArrayList<>(new LinkedHashSet<>(input.tagIds() == null ? List.of() : input.tagIds()));
        check("", appId, text, materialIds, staff, tagIds, problems);
        var now = clock.instant();
        var sendAt = input.sendAt() == null || input.sendAt().isBefore(now) ? now : input.sendAt();
        if (sendAt.isAfter(now.plus(MassSends.MAX_AHEAD))) {
            problems.add(new FieldProblem("sendAt", "messaging.send-at"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long id = Objects.requireNonNull(insert(
                new Post(Objects.requireNonNull(appId), name, text, materialIds, staff, tagIds),
                sendAt,
                Actor.currentName(),
                null,
                null));
        return get(id);
    }

    /** A post's content as WeCom takes it: problems named under {@code prefix}. */
    void check(
            String prefix,
            @Nullable Long appId,
            String text,
            List<Long> materialIds,
            List<String> staff,
            List<Integer> tagIds,
            List<FieldProblem> problems) {
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            problems.add(new FieldProblem(prefix + "text", "messaging.moment.text", MAX_TEXT));
        }
        attachments.checkMoment(prefix, materialIds, problems);
        if (text.isEmpty() && materialIds.isEmpty()) {
            problems.add(new FieldProblem(prefix + "text", "messaging.empty"));
        }
        checks.staff(appId, staff, prefix + "staff", problems);
        if (appId != null) {
            var mapped = directory.corpTagIds(appId, tagIds);
            for (int i = 0; i < tagIds.size(); i++) {
                if (!mapped.containsKey(tagIds.get(i))) {
                    problems.add(new FieldProblem(
                            prefix + "tagIds[" + i + "]", "messaging.moment.tag", String.valueOf(tagIds.get(i))));
                }
            }
        }
    }

    /** What a post says and who it reaches. */
    record Post(
            long appId, String name, String text, List<Long> materialIds, List<String> staff, List<Integer> tagIds) {}

    /**
     * Stores a post to be made in WeCom, in the caller's transaction; answers its id, or null when a post of this
     * {@code occasion} exists already (one per occasion, whoever asks).
     */
    @Nullable
    Long insert(
            Post post, Instant sendAt, @Nullable String createdBy, @Nullable String ref, @Nullable String occasion) {
        var id = jdbc.sql("""
                        insert into moment_task (app_id, name, text, material_ids, staff, tag_ids, send_at, created_by,
                                                 origin, origin_ref, occasion)
                        values (?, ?, ?, ?::bigint[], ?::text[], ?::int[], ?, ?, ?, ?, ?)
                        on conflict (tenant_id, occasion) do nothing returning id""")
                .params(
                        post.appId(),
                        post.name(),
                        post.text(),
                        post.materialIds().toArray(Long[]::new),
                        post.staff().toArray(String[]::new),
                        post.tagIds().toArray(Integer[]::new),
                        Timestamp.from(sendAt),
                        createdBy,
                        ref == null ? "console" : "journey",
                        ref,
                        occasion)
                .query(Long.class)
                .optional();
        id.ifPresent(x -> AfterCommit.collect(work, () -> work, w -> {}, MassSendWork::wake));
        return id.orElse(null);
    }

    @Transactional(readOnly = true)
    public CursorPage<Moment> list(PageRequest page) {
        var rows = jdbc.sql(SELECT + " where origin = 'console' and id < ? order by id desc limit " + page.fetchSize())
                .param(page.before())
                .query(this::moment)
                .list();
        var items = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        var counts = counts(items.stream().map(Moment::id).toList());
        return new CursorPage<>(
                items.stream().map(m -> withCounts(m, counts)).toList(),
                rows.size() > page.limit() ? PageRequest.encode(items.getLast().id()) : null);
    }

    @Transactional(readOnly = true)
    public Moment get(long id) {
        var moment = row(id);
        return withCounts(moment, counts(List.of(id)));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        var moment = get(id);
        var names = new HashMap<String, String>();
        directory.staff(moment.appId()).forEach(s -> names.put(s.userId(), s.name()));
        var staff = jdbc.sql("select user_id, published_at, customers from moment_task_staff"
                        + " where moment_task_id = ? order by published_at is null, user_id")
                .param(id)
                .query((rs, n) -> new StaffPost(
                        rs.getString(1),
                        names.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getTimestamp(2) != null,
                        MassSends.instant(rs.getTimestamp(2)),
                        rs.getInt(3)))
                .list();
        return new Detail(moment, staff);
    }

    /**
     * Stops a task: one not yet made is dropped; one made is cancelled in WeCom (cancel_moment_task), so staff
     * who have not published are no longer asked. One being made is cancelled once WeCom's answer is known.
     */
    @Transactional
    public Moment cancel(long id) {
        var moment = row(id);
        if (!List.of("scheduled", "creating", "created").contains(moment.status())) {
            throw new DomainException(HttpStatus.CONFLICT, "messaging.cancel.done", moment.status());
        }
        if (moment.momentId() != null) {
            try {
                client.post(
                        apps.app(moment.appId()),
                        "externalcontact/cancel_moment_task",
                        Map.of("moment_id", moment.momentId()));
            } catch (WeComApiException e) {
                throw e.toProblem();
            }
        }
        jdbc.sql("update moment_task set status = 'cancelled', next_at = now() where id = ?")
                .param(id)
                .update();
        return get(id);
    }

    private Map<Long, Map<String, Long>> counts(List<Long> ids) {
        var counts = new HashMap<Long, Map<String, Long>>();
        if (!ids.isEmpty()) {
            jdbc.sql("select moment_task_id, count(*), count(published_at), coalesce(sum(customers), 0)"
                            + " from moment_task_staff where moment_task_id = any(?::bigint[]) group by 1")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, n) -> counts.put(
                            rs.getLong(1),
                            Map.of("staff", rs.getLong(2), "published", rs.getLong(3), "customers", rs.getLong(4))))
                    .list();
        }
        return counts;
    }

    private static Moment withCounts(Moment m, Map<Long, Map<String, Long>> counts) {
        return new Moment(
                m.id(),
                m.appId(),
                m.name(),
                m.text(),
                m.materialIds(),
                m.staff(),
                m.tagIds(),
                m.sendAt(),
                m.status(),
                m.error(),
                m.momentId(),
                m.createdBy(),
                m.createdAt(),
                counts.getOrDefault(m.id(), Map.of("staff", 0L, "published", 0L, "customers", 0L)));
    }

    private Moment row(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(this::moment)
                .optional()
                .orElseThrow(() -> DomainException.notFound("moment", id));
    }

    private Moment moment(ResultSet rs, int n) throws SQLException {
        return new Moment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Arrays.asList((Long[]) rs.getArray(5).getArray()),
                Arrays.asList((String[]) rs.getArray(6).getArray()),
                Arrays.asList((Integer[]) rs.getArray(7).getArray()),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getTimestamp(13).toInstant(),
                Map.of());
    }
}

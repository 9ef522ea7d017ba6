package io.siyu.wecom;

import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full reconcile of one app with WeCom: departments and staff (department/list, user/list, who may use
 * 客户联系), then every staff member's customers (batch/get_by_user, 100 staff and 100 customers a page,
 * by cursor). Relations WeCom has and Siyu lacks are recorded as adds (a missed callback); relations Siyu
 * holds and WeCom no longer has are ended. Runs in the background, one per app at a time, writing its
 * progress and, at the end, what it changed.
 */
@Service
public class WeComSync {

    /** A sync run as the console shows it. */
    public record Run(
            long id,
            long appId,
            String trigger,
            String status,
            JsonNode progress,
            JsonNode diff,
            @Nullable String error,
            Instant startedAt,
            @Nullable Instant finishedAt) {}

    private static final Logger log = LoggerFactory.getLogger(WeComSync.class);
    private static final int STAFF_PER_CALL = 100;

    private final WeComApps apps;
    private final WeComClient client;
    private final WeComContacts contacts;
    private final CorpTags corpTags;
    private final GroupChats groupChats;
    private final BehaviourSchedule behaviour;
    private final StaffLinks links;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Instant bootedAt = Instant.now();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "wecom-sync");
        thread.setDaemon(true);
        return thread;
    });

    WeComSync(
            WeComApps apps,
            WeComClient client,
            WeComContacts contacts,
            CorpTags corpTags,
            GroupChats groupChats,
            BehaviourSchedule behaviour,
            StaffLinks links,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.apps = apps;
        this.client = client;
        this.contacts = contacts;
        this.corpTags = corpTags;
        this.groupChats = groupChats;
        this.behaviour = behaviour;
        this.links = links;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts a sync of the app in the background; refused (409) while one runs. */
    public Run start(long appId, String trigger) {
        var tenant = Tenancy.required();
        var run = transactions.execute(status -> {
            var app = apps.find(appId).orElseThrow(() -> DomainException.notFound("wecom-app", appId));
            abandonInterrupted(app.id());
            jdbc.sql("select pg_advisory_xact_lock(hashtext('wecom-sync'), ?::int)")
                    .param((int) app.id())
                    .query(Object.class)
                    .single();
            var running = jdbc.sql("select count(*) from wecom_sync_run where app_id = ? and status = 'running'")
                    .param(appId)
                    .query(Integer.class)
                    .single();
            if (running > 0) {
                throw new DomainException(HttpStatus.CONFLICT, "wecom.sync.running");
            }
            long id = jdbc.sql("insert into wecom_sync_run (app_id, trigger) values (?, ?) returning id")
                    .params(appId, trigger)
                    .query(Long.class)
                    .single();
            return find(id);
        });
        runner.execute(() -> Tenancy.runAs(tenant, () -> run(java.util.Objects.requireNonNull(run))));
        return run;
    }

    /**
     * Runs live in this process only: one still marked running from before this process started was cut
     * short by a crash or a restart, and must not block every later run.
     */
    int abandonInterrupted(long appId) {
        return jdbc.sql("""
                        update wecom_sync_run set status = 'failed', error = 'interrupted: Siyu stopped during the run',
                               finished_at = now()
                        where app_id = ? and status = 'running' and started_at < ?""").params(appId, Timestamp.from(bootedAt)).update();
    }

    /** Runs a sync now, in the caller's thread (the schedule, and tests). */
    Run runNow(long appId, String trigger) {
        var run = java.util.Objects.requireNonNull(transactions.execute(
                status -> find(jdbc.sql("insert into wecom_sync_run (app_id, trigger) values (?, ?) returning id")
                        .params(appId, trigger)
                        .query(Long.class)
                        .single())));
        return run(run);
    }

    public List<Run> runs(long appId) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> jdbc
                .sql("select id from wecom_sync_run where app_id = ? order by id desc limit 20")
                .param(appId)
                .query(Long.class)
                .list()
                .stream()
                .map(this::find)
                .toList()));
    }

    private Run run(Run run) {
        return FromWeCom.apply(() -> runFromWeCom(run));
    }

    private Run runFromWeCom(Run run) {
        var app = java.util.Objects.requireNonNull(transactions.execute(s -> apps.find(run.appId())))
                .orElseThrow();
        var diff = new LinkedHashMap<String, Object>();
        try {
            progress(run.id(), "directory", 0, 0);
            var staff = directory(app, diff);
            progress(run.id(), "tags", 0, 0);
            diff.put("tags", corpTags.pull(app));
            contactsOf(app, run.id(), staff, diff);
            progress(run.id(), "groups", 0, 0);
            diff.put("groups", groupChats.sync(app));
            finish(run.id(), "done", diff, null);
            behaviour.wake(); // new staff get their 联系客户统计 now, not at the next check
        } catch (RuntimeException e) {
            log.warn("WeCom sync {} of app {} failed: {}", run.id(), app.id(), e.toString());
            finish(run.id(), "failed", diff, e.getMessage());
        }
        return java.util.Objects.requireNonNull(transactions.execute(s -> find(run.id())));
    }

    /** Departments and staff; returns the staff who may use 客户联系. */
    private List<String> directory(WeComApp app, Map<String, Object> diff) {
        var departments = client.get(app, "department/list", Map.of()).path("department");
        var users = new LinkedHashMap<String, JsonNode>();
        for (var department : departments) {
            var list = client.get(
                            app,
                            "user/list",
                            Map.of("department_id", department.path("id").asString()))
                    .path("userlist");
            list.forEach(user -> users.putIfAbsent(user.path("userid").asString(), user));
        }
        var followers = new HashSet<String>();
        client.get(app, "externalcontact/get_follow_user_list", Map.of())
                .path("follow_user")
                .forEach(id -> followers.add(id.asString()));
        var changes = transactions.execute(status -> {
            jdbc.sql("delete from wecom_department where app_id = ?")
                    .param(app.id())
                    .update();
            for (var department : departments) {
                jdbc.sql("insert into wecom_department (app_id, id, name, parent_id) values (?, ?, ?, ?)")
                        .params(
                                app.id(),
                                department.path("id").asInt(),
                                department.path("name").asString(""),
                                department.path("parentid").asInt(0))
                        .update();
            }
            var before = new HashSet<>(jdbc.sql("select user_id from wecom_staff where app_id = ? and not removed")
                    .param(app.id())
                    .query(String.class)
                    .list());
            for (var user : users.values()) {
                var departmentIds = new ArrayList<Integer>();
                user.path("department").forEach(d -> departmentIds.add(d.asInt()));
                var userId = user.path("userid").asString();
                jdbc.sql("""
                                insert into wecom_staff (app_id, user_id, name, departments, status, contact_enabled,
                                        removed, synced_at, mobile, email)
                                values (?, ?, ?, ?, ?, ?, false, now(), ?, ?)
                                on conflict (tenant_id, app_id, user_id) do update set name = excluded.name,
                                    departments = excluded.departments, status = excluded.status,
                                    contact_enabled = excluded.contact_enabled, removed = false, synced_at = now(),
                                    mobile = excluded.mobile, email = excluded.email""")
                        .params(
                                app.id(),
                                userId,
                                user.path("name").asString(userId),
                                departmentIds.toArray(Integer[]::new),
                                user.path("status").asInt(1),
                                followers.contains(userId),
                                blankToNull(user.path("mobile").asString("")),
                                blankToNull(user.path("email").asString("")))
                        .update();
            }
            int removed = jdbc.sql("update wecom_staff set removed = true where app_id = ? and not removed"
                            + " and not (user_id = any(?::text[]))")
                    .params(app.id(), users.keySet().toArray(String[]::new))
                    .update();
            var added = users.keySet().stream().filter(u -> !before.contains(u)).count();
            return Map.of("added", added, "removed", removed, "total", users.size(), "linked", links.autoLink());
        });
        diff.put("departments", departments.size());
        diff.put("staff", changes);
        return users.keySet().stream().filter(followers::contains).toList();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private void contactsOf(WeComApp app, long runId, List<String> staff, Map<String, Object> diff) {
        var seen = new HashSet<String>();
        int added = 0;
        int unchanged = 0;
        for (int from = 0; from < staff.size(); from += STAFF_PER_CALL) {
            var batch = staff.subList(from, Math.min(staff.size(), from + STAFF_PER_CALL));
            progress(runId, "contacts", from, staff.size());
            String cursor = "";
            do {
                var page = client.post(
                        app,
                        "externalcontact/batch/get_by_user",
                        Map.of("userid_list", batch, "cursor", cursor, "limit", 100));
                var fresh = new ArrayList<JsonNode>();
                for (var item : page.path("external_contact_list")) {
                    var key = item.path("external_contact")
                                    .path("external_userid")
                                    .asString() + "|"
                            + item.path("follow_info").path("userid").asString();
                    seen.add(key);
                    fresh.add(item);
                }
                var counts = transactions.execute(status -> record(app, fresh));
                added += counts[0];
                unchanged += counts[1];
                cursor = page.path("next_cursor").asString("");
            } while (!cursor.isEmpty());
        }
        int lost = endMissing(app, new HashSet<>(staff), seen);
        progress(runId, "contacts", staff.size(), staff.size());
        diff.put("contacts", Map.of("added", added, "lost", lost, "unchanged", unchanged));
    }

    /** Records the page's relations Siyu lacks; returns {added, unchanged}. */
    private int[] record(WeComApp app, List<JsonNode> items) {
        int added = 0;
        int unchanged = 0;
        var now = clock.instant();
        var tagger = corpTags.customerTagger(app);
        for (var item : items) {
            var person = item.path("external_contact");
            var follow = item.path("follow_info");
            // a known relation takes WeCom's tags (a missed edit_external_contact); a new one is a missed add
            var known = jdbc.sql("update wecom_contact set wecom_tag_ids = ?, remark = ?, updated_at = now()"
                            + " where app_id = ? and external_user_id = ? and user_id = ? and lost_at is null"
                            + " returning customer_id")
                    .params(
                            WeComContacts.wecomTags(follow),
                            follow.path("remark").asString(null),
                            app.id(),
                            person.path("external_userid").asString(),
                            follow.path("userid").asString())
                    .query(Long.class)
                    .optional();
            long customer;
            if (known.isPresent()) {
                customer = known.get();
                unchanged++;
            } else {
                customer = contacts.added(
                                app,
                                person,
                                follow.path("userid").asString(),
                                follow,
                                follow.path("state").asString(null),
                                now)
                        .customer();
                added++;
            }
            tagger.accept(customer);
        }
        return new int[] {added, unchanged};
    }

    /** Ends relations of synced staff that WeCom no longer lists. */
    private int endMissing(WeComApp app, Set<String> staff, Set<String> seen) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> {
            var open = jdbc.sql(
                            "select external_user_id, user_id from wecom_contact where app_id = ? and lost_at is null")
                    .param(app.id())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            int ended = 0;
            for (var relation : open) {
                if ((staff.contains(relation[1]) || isRemoved(app, relation[1]))
                        && !seen.contains(relation[0] + "|" + relation[1])) {
                    ended += jdbc.sql("update wecom_contact set lost_at = ?, updated_at = now() where app_id = ?"
                                    + " and external_user_id = ? and user_id = ? and lost_at is null")
                            .params(Timestamp.from(clock.instant()), app.id(), relation[0], relation[1])
                            .update();
                }
            }
            return ended;
        }));
    }

    private boolean isRemoved(WeComApp app, String userId) {
        return jdbc.sql("select count(*) from wecom_staff where app_id = ? and user_id = ? and removed")
                        .params(app.id(), userId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void progress(long runId, String phase, int done, int total) {
        transactions.executeWithoutResult(
                status -> jdbc.sql("update wecom_sync_run set progress = ?::jsonb where id = ?")
                        .params(json.writeValueAsString(Map.of("phase", phase, "done", done, "total", total)), runId)
                        .update());
    }

    private void finish(long runId, String status, Map<String, Object> diff, @Nullable String error) {
        transactions.executeWithoutResult(s -> jdbc.sql("update wecom_sync_run set status = ?, diff = ?::jsonb,"
                        + " error = ?, finished_at = now() where id = ?")
                .params(status, json.writeValueAsString(diff), error, runId)
                .update());
    }

    private Run find(long id) {
        return jdbc.sql("select id, app_id, trigger, status, progress::text, diff::text, error, started_at,"
                        + " finished_at from wecom_sync_run where id = ?")
                .param(id)
                .query((rs, n) -> new Run(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        json.readTree(rs.getString(5)),
                        json.readTree(rs.getString(6)),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .single();
    }
}

package io.siyu.messaging;

import io.siyu.wecom.WeComApiException;
import io.siyu.wecom.WeComApp;
import io.siyu.wecom.WeComAppManagement;
import io.siyu.wecom.WeComClient;
import io.siyu.wecom.WeComDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each due 客户朋友圈 task in WeCom exactly once and follows it. Before add_moment_task the task is marked
 * {@code asking} in its own transaction; the jobid is recorded when the answer comes, and the moment_id when
 * the job is done (get_moment_task_result). A task found {@code asking} — the answer was lost — is not simply
 * asked again: WeCom's list of the corp's posts since the first ask (get_moment_list) is searched for one with
 * the same text that no other task owns. Once made, who published it is read every track interval
 * (get_moment_task) until all have or the tracking window ends.
 */
@Component
class MomentDelivery {

    private static final Logger log = LoggerFactory.getLogger(MomentDelivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WeComClient client;
    private final WeComAppManagement apps;
    private final WeComDirectory directory;
    private final Attachments attachments;
    private final MessagingProperties properties;
    private final Clock clock;

    MomentDelivery(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WeComClient client,
            WeComAppManagement apps,
            WeComDirectory directory,
            Attachments attachments,
            MessagingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.client = client;
        this.apps = apps;
        this.directory = directory;
        this.attachments = attachments;
        this.properties = properties;
        this.clock = clock;
    }

    private record Task(
            long id,
            long appId,
            String status,
            String step,
            @Nullable String jobId,
            @Nullable String momentId,
            int attempts,
            @Nullable Instant firstAskedAt,
            String text,
            List<Long> materialIds,
            List<String> staff,
            List<Integer> tagIds,
            Instant createdAt) {}

    /** Moves due tasks on; answers how many it looked at. */
    int round() {
        var now = clock.instant();
        var due = Objects.requireNonNull(transactions.execute(s -> jdbc.sql("""
                        select id, app_id, status, step, job_id, moment_id, attempts, first_asked_at, text,
                               material_ids, staff, tag_ids, created_at
                        from moment_task
                        where (status in ('scheduled', 'creating', 'created') and next_at <= ? and send_at <= ?)
                           or (status = 'cancelled' and step in ('asking', 'job') and next_at <= ?)
                        order by next_at limit 20""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        MassSends.instant(rs.getTimestamp(8)),
                        rs.getString(9),
                        Arrays.asList((Long[]) rs.getArray(10).getArray()),
                        Arrays.asList((String[]) rs.getArray(11).getArray()),
                        Arrays.asList((Integer[]) rs.getArray(12).getArray()),
                        rs.getTimestamp(13).toInstant()))
                .list()));
        for (var task : due) {
            var app = transactions.execute(s -> apps.app(task.appId()));
            if (app == null) {
                continue;
            }
            try {
                switch (task.step()) {
                    case "pending" -> ask(app, task);
                    case "asking" -> reconcile(app, task);
                    case "job" -> job(app, task);
                    default -> track(app, task);
                }
            } catch (WeComApiException e) {
                later(task, e.getMessage());
            }
        }
        return due.size();
    }

    private void ask(WeComApp app, Task task) {
        if (task.attempts() >= MassSendDelivery.MAX_ATTEMPTS) {
            fail(task, "gave up after " + task.attempts() + " attempts");
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        if (!task.text().isEmpty()) {
            body.put("text", Map.of("content", task.text()));
        }
        List<Map<String, Object>> attached;
        try {
            attached =
                    Objects.requireNonNull(transactions.execute(s -> attachments.forMoment(app, task.materialIds())));
        } catch (WeComApiException e) {
            if (e.kind() == WeComApiException.Kind.INVALID) {
                fail(task, e.getMessage());
            } else {
                later(task, "attachments: " + e.getMessage());
            }
            return;
        }
        if (!attached.isEmpty()) {
            body.put("attachments", attached);
        }
        var range = new LinkedHashMap<String, Object>();
        if (!task.staff().isEmpty()) {
            range.put("sender_list", Map.of("user_list", task.staff()));
        }
        if (!task.tagIds().isEmpty()) {
            var tags = Objects.requireNonNull(
                    transactions.execute(s -> directory.corpTagIds(task.appId(), task.tagIds())));
            range.put("external_contact_list", Map.of("tag_list", List.copyOf(tags.values())));
        }
        if (!range.isEmpty()) {
            body.put("visible_range", range);
        }
        // the mark that a call is (maybe) made commits before the call
        transactions.executeWithoutResult(s ->
                jdbc.sql("""
                        update moment_task set status = 'creating', step = 'asking', attempts = attempts + 1,
                            first_asked_at = coalesce(first_asked_at, ?)
                        where id = ?""").params(Timestamp.from(clock.instant()), task.id()).update());
        try {
            var answer = client.postOnce(app, "externalcontact/add_moment_task", body);
            var jobId = answer.path("jobid").asString();
            transactions.executeWithoutResult(s -> jdbc.sql(
                            "update moment_task set step = 'job', job_id = ?, error = null, next_at = ? where id = ?")
                    .params(jobId, Timestamp.from(clock.instant()), task.id())
                    .update());
        } catch (WeComApiException e) {
            if (e.outcomeUnknown()) {
                later(task, e.getMessage()); // stays asking: the next look searches WeCom first
            } else if (e.refusedUnprocessed() || e.kind() == WeComApiException.Kind.TOKEN) {
                transactions.executeWithoutResult(s -> jdbc.sql("update moment_task set step = 'pending' where id = ?")
                        .param(task.id())
                        .update());
                later(task, e.getMessage());
            } else {
                fail(task, e.getMessage());
            }
        }
    }

    /** The answer to add_moment_task was lost: find the post in WeCom, or ask again. */
    private void reconcile(WeComApp app, Task task) {
        var made = findMade(app, task);
        if (made.isPresent()) {
            log.info("moment task {}: WeCom had made it ({}), not asked again", task.id(), made.get());
            made(app, task, made.get());
        } else if (task.status().equals("cancelled")) {
            transactions.executeWithoutResult(s -> jdbc.sql("update moment_task set step = 'pending' where id = ?")
                    .param(task.id())
                    .update());
        } else {
            ask(app, task);
        }
    }

    private Optional<String> findMade(WeComApp app, Task task) {
        var from = Objects.requireNonNull(task.firstAskedAt()).minus(MassSendDelivery.SKEW);
        var owned = new HashSet<>(Objects.requireNonNull(transactions.execute(
                s -> jdbc.sql("select moment_id from moment_task where moment_id is not null and made_at >= ?")
                        .param(Timestamp.from(from))
                        .query(String.class)
                        .list())));
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("start_time", from.getEpochSecond());
            query.put("end_time", clock.instant().plus(MassSendDelivery.SKEW).getEpochSecond());
            query.put("filter_type", 0);
            query.put("limit", 20);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_moment_list", query);
            for (var moment : page.path("moment_list")) {
                var id = moment.path("moment_id").asString();
                if (!owned.contains(id)
                        && moment.path("text").path("content").asString("").equals(task.text())) {
                    return Optional.of(id);
                }
            }
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return Optional.empty();
    }

    private void job(WeComApp app, Task task) {
        var answer = client.get(
                app, "externalcontact/get_moment_task_result", Map.of("jobid", Objects.requireNonNull(task.jobId())));
        if (answer.path("status").asInt() != 3) {
            later(task, null);
            return;
        }
        var result = answer.path("result");
        if (result.path("errcode").asInt() != 0) {
            fail(
                    task,
                    result.path("errcode").asInt() + " " + result.path("errmsg").asString(""));
            return;
        }
        made(app, task, result.path("moment_id").asString());
    }

    /** WeCom made the post: it is created (or, cancelled meanwhile, cancelled in WeCom too). */
    private void made(WeComApp app, Task task, String momentId) {
        if (task.status().equals("cancelled")) {
            client.post(app, "externalcontact/cancel_moment_task", Map.of("moment_id", momentId));
        }
        transactions.executeWithoutResult(s -> jdbc.sql("""
                        update moment_task set step = 'done', moment_id = ?, made_at = ?, error = null,
                            status = case when status = 'cancelled' then status else 'created' end, next_at = ?
                        where id = ?""")
                .params(momentId, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), task.id())
                .update());
    }

    /** Who was asked to publish, who did, and how many customers each one's post reaches. */
    private void track(WeComApp app, Task task) {
        var momentId = Objects.requireNonNull(task.momentId());
        var published = new LinkedHashMap<String, Boolean>();
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("moment_id", momentId);
            query.put("limit", 1000);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_moment_task", query);
            page.path("task_list")
                    .forEach(t -> published.put(
                            t.path("userid").asString(),
                            t.path("publish_status").asInt() == 1));
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        var known = new HashSet<>(Objects.requireNonNull(
                transactions.execute(s -> jdbc.sql("select user_id from moment_task_staff where moment_task_id = ?")
                        .param(task.id())
                        .query(String.class)
                        .list())));
        var reach = new LinkedHashMap<String, Integer>();
        for (var userId : published.keySet()) {
            if (!known.contains(userId)) {
                reach.put(userId, customers(app, momentId, userId));
            }
        }
        var now = clock.instant();
        boolean all = !published.isEmpty() && published.values().stream().allMatch(Boolean::booleanValue);
        boolean over = task.createdAt().plus(properties.trackFor()).isBefore(now);
        transactions.executeWithoutResult(s -> {
            reach.forEach((userId, customers) ->
                    jdbc.sql("""
                            insert into moment_task_staff (moment_task_id, user_id, customers) values (?, ?, ?)
                            on conflict do nothing""").params(task.id(), userId, customers).update());
            published.forEach((userId, done) -> {
                if (done) {
                    jdbc.sql("update moment_task_staff set published_at = ? where moment_task_id = ? and user_id = ?"
                                    + " and published_at is null")
                            .params(Timestamp.from(now), task.id(), userId)
                            .update();
                }
            });
            jdbc.sql("update moment_task set tracked_at = ?, next_at = ? where id = ?")
                    .params(
                            Timestamp.from(now),
                            // nothing more to learn: far in the future rather than a status of its own
                            Timestamp.from(
                                    all || over ? now.plus(Duration.ofDays(3650)) : now.plus(properties.trackEvery())),
                            task.id())
                    .update();
        });
    }

    /** How many customers see the member's post (get_moment_customer_list). */
    private int customers(WeComApp app, String momentId, String userId) {
        int count = 0;
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("moment_id", momentId);
            query.put("userid", userId);
            query.put("limit", 1000);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_moment_customer_list", query);
            count += page.path("customer_list").size();
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return count;
    }

    private void fail(Task task, String error) {
        log.warn("moment task {} failed: {}", task.id(), error);
        transactions.executeWithoutResult(
                s -> jdbc.sql("update moment_task set status = 'failed', step = 'pending', error = ? where id = ?")
                        .params(error, task.id())
                        .update());
    }

    private void later(Task task, @Nullable String error) {
        var wait = error == null ? Duration.ofSeconds(1) : MassSendDelivery.backoff(task.attempts());
        transactions.executeWithoutResult(
                s -> jdbc.sql("update moment_task set next_at = ?, error = coalesce(?, error) where id = ?")
                        .params(Timestamp.from(clock.instant().plus(wait)), error, task.id())
                        .update());
    }
}

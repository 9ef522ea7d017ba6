package io.siyu.messaging;

import io.siyu.wecom.WeComApiException;
import io.siyu.wecom.WeComApp;
import io.siyu.wecom.WeComAppManagement;
import io.siyu.wecom.WeComClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hands each staff member's share of a send to WeCom (add_msg_template) exactly once, and follows what came
 * of it. Before a call the task is marked {@code asking} in its own transaction; the msgid is recorded when
 * the answer comes. A task found {@code asking} — the answer was lost, or the server died waiting — is not
 * simply asked again: WeCom's list of the staff member's mass messages since the first ask
 * (get_groupmsg_list_v2) is searched for one with the same text that no other task owns, and that one is
 * whose tasks name the staff member is taken as this task's.
 */
@Component
class MassSendDelivery {

    private static final Logger log = LoggerFactory.getLogger(MassSendDelivery.class);

    static final int MAX_ATTEMPTS = 8;
    /** Messages made just before the first ask still count: clocks differ. */
    static final Duration SKEW = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WeComClient client;
    private final WeComAppManagement apps;
    private final Attachments attachments;
    private final MassSendPlanner planner;
    private final GroupSends groups;
    private final SendingRules rules;
    private final MessagingProperties properties;
    private final Clock clock;

    MassSendDelivery(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WeComClient client,
            WeComAppManagement apps,
            Attachments attachments,
            MassSendPlanner planner,
            GroupSends groups,
            SendingRules rules,
            MessagingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.client = client;
        this.apps = apps;
        this.attachments = attachments;
        this.planner = planner;
        this.groups = groups;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    private record Task(
            long sendId,
            String userId,
            int part,
            String status,
            String sendStatus,
            int attempts,
            @Nullable Instant firstAskedAt,
            long appId,
            String text,
            List<Long> materialIds,
            String chatType) {

        boolean group() {
            return chatType.equals("group");
        }
    }

    /** Plans due sends, then asks WeCom for due tasks; answers how much was done. */
    int round() {
        int done = 0;
        var due = transactions.execute(s -> jdbc.sql(
                        "select id from mass_send where status = 'scheduled' and send_at <= ? order by send_at limit 10")
                .param(Timestamp.from(clock.instant()))
                .query(Long.class)
                .list());
        for (long id : java.util.Objects.requireNonNull(due)) {
            if (Boolean.TRUE.equals(transactions.execute(s -> planner.plan(id)))) {
                done++;
            }
        }
        var tasks = transactions.execute(s -> jdbc.sql("""
                        select t.mass_send_id, t.user_id, t.part, t.status, m.status, t.attempts, t.first_asked_at,
                               m.app_id, m.text, m.material_ids, m.chat_type
                        from mass_send_task t join mass_send m on m.id = t.mass_send_id
                        where t.status in ('pending', 'asking') and t.next_at <= ?
                        order by t.next_at limit 20""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        MassSends.instant(rs.getTimestamp(7)),
                        rs.getLong(8),
                        rs.getString(9),
                        java.util.Arrays.asList((Long[]) rs.getArray(10).getArray()),
                        rs.getString(11)))
                .list());
        if (!java.util.Objects.requireNonNull(tasks).isEmpty()) {
            // the pace rules are read once a round, not once a task
            var settings = java.util.Objects.requireNonNull(transactions.execute(s -> rules.settings()));
            for (var task : tasks) {
                deliver(task, settings);
                done++;
            }
        }
        return done + track();
    }

    private void deliver(Task task, SendingRules.Settings settings) {
        var app = transactions.execute(s -> apps.app(task.appId()));
        if (app == null) {
            return;
        }
        if (task.status().equals("asking")) {
            Optional<String> made;
            try {
                made = findMade(app, task);
            } catch (WeComApiException e) {
                later(task, "reconcile: " + e.getMessage());
                return;
            }
            if (made.isPresent() && task.sendStatus().equals("cancelled")) {
                try {
                    client.post(app, "externalcontact/cancel_groupmsg_send", Map.of("msgid", made.get()));
                } catch (WeComApiException e) {
                    later(task, "cancel: " + e.getMessage());
                    return;
                }
                transactions.executeWithoutResult(s -> {
                    jdbc.sql("update mass_send_task set status = 'cancelled', msgid = ?"
                                    + " where mass_send_id = ? and user_id = ? and part = ?")
                            .params(made.get(), task.sendId(), task.userId(), task.part())
                            .update();
                    planner.release(task.sendId(), "cancelled");
                });
                return;
            }
            if (made.isPresent()) {
                log.info(
                        "mass send {} for {}: WeCom had made it ({}), not asked again",
                        task.sendId(),
                        task.userId(),
                        made.get());
                submitted(task, made.get(), List.of());
                return;
            }
        }
        if (task.sendStatus().equals("cancelled")) {
            transactions.executeWithoutResult(s -> {
                setStatus(task, "cancelled", null);
                planner.release(task.sendId(), "cancelled");
            });
            return;
        }
        if (task.attempts() >= MAX_ATTEMPTS) {
            fail(task, "gave up after " + task.attempts() + " attempts");
            return;
        }
        if (throttled(task, settings)) {
            return;
        }
        var recipients = transactions.execute(s -> task.group()
                ? groups.chatIds(task.sendId(), task.userId(), task.part())
                : jdbc.sql("select external_user_id from mass_send_recipient"
                                + " where mass_send_id = ? and user_id = ? and part = ? and status = 'planned'")
                        .params(task.sendId(), task.userId(), task.part())
                        .query(String.class)
                        .list());
        Map<String, Object> body;
        try {
            body = new LinkedHashMap<>();
            body.put("chat_type", task.chatType());
            body.put(task.group() ? "chat_id_list" : "external_userid", recipients);
            body.put("sender", task.userId());
            if (!task.text().isEmpty()) {
                body.put("text", Map.of("content", task.text()));
            }
            var attached = transactions.execute(s -> attachments.of(app, task.materialIds()));
            if (attached != null && !attached.isEmpty()) {
                body.put("attachments", attached);
            }
        } catch (WeComApiException e) {
            if (e.kind() == WeComApiException.Kind.INVALID) {
                fail(task, e.getMessage());
            } else {
                later(task, "attachments: " + e.getMessage());
            }
            return;
        }
        // the mark that a call is (maybe) made commits before the call
        transactions.executeWithoutResult(s -> jdbc.sql("""
                        update mass_send_task set status = 'asking', attempts = attempts + 1,
                            first_asked_at = coalesce(first_asked_at, ?)
                        where mass_send_id = ? and user_id = ? and part = ?""")
                .params(Timestamp.from(clock.instant()), task.sendId(), task.userId(), task.part())
                .update());
        try {
            var answer = client.postOnce(app, "externalcontact/add_msg_template", body);
            var failList = new java.util.ArrayList<String>();
            answer.path("fail_list").forEach(f -> failList.add(f.asString()));
            submitted(task, answer.path("msgid").asString(), failList);
        } catch (WeComApiException e) {
            if (e.outcomeUnknown()) {
                later(task, e.getMessage()); // stays asking: the next attempt looks in WeCom first
            } else if (e.refusedUnprocessed() || e.kind() == WeComApiException.Kind.TOKEN) {
                transactions.executeWithoutResult(s -> setStatus(task, "pending", e.getMessage()));
                later(task, e.getMessage());
            } else {
                fail(task, e.getMessage());
            }
        }
    }

    /** Tasks handed over a minute, per tenant: a token bucket as large as the tenant's limit, refilled each minute. */
    private record Pace(int perMinute, io.github.bucket4j.Bucket bucket) {}

    private final Map<Long, Pace> paces = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the tenant's limits hold the task back for now: the staff member was handed their tasks for the
     * day (it waits for the next), or the tenant handed over its tasks for the minute (it waits for a token).
     */
    private boolean throttled(Task task, SendingRules.Settings settings) {
        var now = clock.instant();
        if (settings.staffLimit() > 0) {
            var limited = transactions.execute(s -> {
                long today = java.util.Objects.requireNonNull(
                        jdbc.sql("select count(*) from mass_send_task where user_id = ? and submitted_at >= ?")
                                .params(task.userId(), Timestamp.from(rules.dayStart(now)))
                                .query(Long.class)
                                .single());
                if (today < settings.staffLimit()) {
                    return false;
                }
                defer(task, rules.nextDay(now), "staff daily limit: " + settings.staffLimit() + " tasks");
                return true;
            });
            if (Boolean.TRUE.equals(limited)) {
                return true;
            }
        }
        if (settings.minuteLimit() > 0) {
            var tenant = io.siyu.shared.Tenancy.current().map(t -> t.value()).orElse(0L);
            var current = paces.compute(
                    tenant,
                    (t, p) -> p != null && p.perMinute() == settings.minuteLimit()
                            ? p
                            : new Pace(
                                    settings.minuteLimit(),
                                    io.github.bucket4j.Bucket.builder()
                                            .addLimit(limit -> limit.capacity(settings.minuteLimit())
                                                    .refillGreedy(settings.minuteLimit(), Duration.ofMinutes(1)))
                                            .build()));
            var probe = current.bucket().tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                var wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(50);
                transactions.executeWithoutResult(s ->
                        defer(task, now.plus(wait), "tenant limit: " + settings.minuteLimit() + " tasks a minute"));
                return true;
            }
        }
        return false;
    }

    /** The task waits until {@code until} without counting an attempt. */
    private void defer(Task task, Instant until, String why) {
        jdbc.sql("update mass_send_task set next_at = ?, error = ? where mass_send_id = ? and user_id = ? and part = ?")
                .params(Timestamp.from(until), why, task.sendId(), task.userId(), task.part())
                .update();
    }

    /** A mass message the staff member has in WeCom, made by the app since the first ask, with this task's text. */
    private Optional<String> findMade(WeComApp app, Task task) {
        var from = java.util.Objects.requireNonNull(task.firstAskedAt()).minus(SKEW);
        var owned = new HashSet<>(java.util.Objects.requireNonNull(transactions.execute(
                s -> jdbc.sql("select msgid from mass_send_task where msgid is not null and submitted_at >= ?")
                        .param(Timestamp.from(from))
                        .query(String.class)
                        .list())));
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("chat_type", task.chatType());
            query.put("start_time", from.getEpochSecond());
            query.put("end_time", clock.instant().plus(SKEW).getEpochSecond());
            // messages the API made carry no creator (doc 93338): the sender is read from each one's tasks
            query.put("filter_type", 0);
            query.put("limit", 100);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_groupmsg_list_v2", query);
            for (var message : page.path("group_msg_list")) {
                var msgid = message.path("msgid").asString();
                if (!owned.contains(msgid) && sameText(message, task.text()) && sentBy(app, msgid, task.userId())) {
                    return Optional.of(msgid);
                }
            }
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return Optional.empty();
    }

    /** Whether the mass message asks {@code userId} to send it (get_groupmsg_task). */
    private boolean sentBy(WeComApp app, String msgid, String userId) {
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("msgid", msgid);
            query.put("limit", 1000);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_groupmsg_task", query);
            for (var t : page.path("task_list")) {
                if (t.path("userid").asString().equals(userId)) {
                    return true;
                }
            }
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return false;
    }

    private static boolean sameText(JsonNode message, String text) {
        return message.path("text").path("content").asString("").equals(text);
    }

    private void submitted(Task task, String msgid, List<String> failList) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("""
                            update mass_send_task set status = 'submitted', msgid = ?, submitted_at = ?, error = null,
                                next_at = ?
                            where mass_send_id = ? and user_id = ? and part = ?""")
                    .params(
                            msgid,
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant().plus(properties.trackEvery())),
                            task.sendId(),
                            task.userId(),
                            task.part())
                    .update();
            if (task.group()) {
                groups.submitted(task.sendId(), task.userId(), task.part(), failList);
            } else {
                jdbc.sql("""
                                update mass_send_recipient set updated_at = now(),
                                    status = case when external_user_id = any(?::text[]) then 'not_friend'
                                                  else 'submitted' end
                                where mass_send_id = ? and user_id = ? and part = ? and status = 'planned'""")
                        .params(failList.toArray(String[]::new), task.sendId(), task.userId(), task.part())
                        .update();
            }
            finishIfDone(task.sendId());
        });
    }

    private void fail(Task task, String error) {
        log.warn("mass send {} for {} failed: {}", task.sendId(), task.userId(), error);
        transactions.executeWithoutResult(s -> {
            setStatus(task, "failed", error);
            planner.release(task.sendId(), "failed");
            finishIfDone(task.sendId());
        });
    }

    /** How long a call WeCom did not answer waits before the next try: doubling from 2 s, at most 10 min. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(600, 2L << Math.min(attempts, 8)));
    }

    private void later(Task task, String error) {
        var wait = backoff(task.attempts());
        transactions.executeWithoutResult(s -> jdbc.sql(
                        "update mass_send_task set next_at = ?, error = ? where mass_send_id = ? and user_id = ? and part = ?")
                .params(Timestamp.from(clock.instant().plus(wait)), error, task.sendId(), task.userId(), task.part())
                .update());
    }

    private void setStatus(Task task, String status, @Nullable String error) {
        jdbc.sql("update mass_send_task set status = ?, error = ? where mass_send_id = ? and user_id = ? and part = ?")
                .params(status, error, task.sendId(), task.userId(), task.part())
                .update();
    }

    /** A send whose every task is handed over, refused or cancelled is sent (failed when none was handed over). */
    private void finishIfDone(long sendId) {
        jdbc.sql("""
                        update mass_send m set finished_at = now(),
                            status = case when exists (select 1 from mass_send_task t
                                                       where t.mass_send_id = m.id and t.status = 'submitted')
                                          then 'sent' else 'failed' end,
                            error = case when exists (select 1 from mass_send_task t
                                                      where t.mass_send_id = m.id and t.status = 'submitted')
                                         then null
                                         else (select max(error) from mass_send_task t where t.mass_send_id = m.id) end
                        where m.id = ? and m.status = 'sending'
                          and not exists (select 1 from mass_send_task t
                                          where t.mass_send_id = m.id and t.status in ('pending', 'asking'))""").param(sendId).update();
    }

    // ---- what came of it

    private record Submitted(
            long sendId,
            String userId,
            int part,
            String msgid,
            long appId,
            @Nullable Instant staffSentAt,
            String chatType) {}

    /**
     * Asks WeCom about submitted tasks due a look: whether the staff member sent it (get_groupmsg_task), then,
     * once sent, what each customer got (get_groupmsg_send_result). After that nothing changes.
     */
    private int track() {
        var now = clock.instant();
        var due = transactions.execute(s -> jdbc.sql("""
                        select t.mass_send_id, t.user_id, t.part, t.msgid, m.app_id, t.staff_sent_at, m.chat_type
                        from mass_send_task t join mass_send m on m.id = t.mass_send_id
                        where t.status = 'submitted' and t.results_at is null and t.next_at <= ? and t.submitted_at > ?
                        order by t.next_at limit 20""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(properties.trackFor())))
                .query((rs, n) -> new Submitted(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getLong(5),
                        MassSends.instant(rs.getTimestamp(6)),
                        rs.getString(7)))
                .list());
        for (var task : java.util.Objects.requireNonNull(due)) {
            try {
                track(task);
            } catch (WeComApiException e) {
                log.info("tracking mass send {} for {}: {}", task.sendId(), task.userId(), e.getMessage());
            }
            transactions.executeWithoutResult(s -> jdbc.sql("update mass_send_task set tracked_at = ?, next_at = ?"
                            + " where mass_send_id = ? and user_id = ? and part = ?")
                    .params(
                            Timestamp.from(now),
                            Timestamp.from(now.plus(properties.trackEvery())),
                            task.sendId(),
                            task.userId(),
                            task.part())
                    .update());
        }
        return due.size();
    }

    private void track(Submitted task) {
        var app = java.util.Objects.requireNonNull(transactions.execute(s -> apps.app(task.appId())));
        Instant sentAt = task.staffSentAt();
        if (sentAt == null) {
            String cursor = "";
            do {
                var query = new LinkedHashMap<String, Object>();
                query.put("msgid", task.msgid());
                query.put("limit", 1000);
                if (!cursor.isEmpty()) {
                    query.put("cursor", cursor);
                }
                var page = client.post(app, "externalcontact/get_groupmsg_task", query);
                for (var t : page.path("task_list")) {
                    if (t.path("userid").asString().equals(task.userId())
                            && t.path("status").asInt() == 2) {
                        sentAt = Instant.ofEpochSecond(
                                t.path("send_time").asLong(clock.instant().getEpochSecond()));
                    }
                }
                cursor = page.path("next_cursor").asString("");
            } while (!cursor.isEmpty() && sentAt == null);
            if (sentAt == null) {
                return;
            }
        }
        boolean group = task.chatType().equals("group");
        var results = new LinkedHashMap<String, String>();
        String cursor = "";
        do {
            var query = new LinkedHashMap<String, Object>();
            query.put("msgid", task.msgid());
            query.put("userid", task.userId());
            query.put("limit", 1000);
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            var page = client.post(app, "externalcontact/get_groupmsg_send_result", query);
            for (var r : page.path("send_list")) {
                results.put(
                        r.path(group ? "chat_id" : "external_userid").asString(),
                        switch (r.path("status").asInt()) {
                            case 1 -> "delivered";
                            case 2 -> group ? "dismissed" : "not_friend";
                            case 3 -> "over_quota";
                            default -> "unsent";
                        });
            }
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        var sent = sentAt;
        transactions.executeWithoutResult(s -> {
            if (group) {
                groups.results(task.sendId(), task.userId(), task.part(), results);
            }
            for (var status : group ? List.<String>of() : List.of("delivered", "not_friend", "over_quota", "unsent")) {
                var ids = results.entrySet().stream()
                        .filter(e -> e.getValue().equals(status))
                        .map(Map.Entry::getKey)
                        .toArray(String[]::new);
                if (ids.length > 0) {
                    jdbc.sql("""
                                    update mass_send_recipient set status = ?, updated_at = now()
                                    where mass_send_id = ? and user_id = ? and part = ?
                                      and external_user_id = any(?::text[]) and status in ('submitted', 'unsent')""")
                            .params(status, task.sendId(), task.userId(), task.part(), ids)
                            .update();
                }
            }
            jdbc.sql("update mass_send_task set staff_sent_at = ?, results_at = ?"
                            + " where mass_send_id = ? and user_id = ? and part = ?")
                    .params(
                            Timestamp.from(sent),
                            Timestamp.from(clock.instant()),
                            task.sendId(),
                            task.userId(),
                            task.part())
                    .update();
        });
    }
}

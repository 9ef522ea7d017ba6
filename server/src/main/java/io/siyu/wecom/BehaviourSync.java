package io.siyu.wecom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fetches 联系客户统计 (get_user_behavior_data, doc 92132) for every contact-enabled staff member of an app, as
 * {@link BehaviourDays} says, and upserts it into {@code wecom_staff_behavior}. One staff member per call: WeCom
 * sums the figures of several ids into one series. Each call's days are stored in their own transaction, so a
 * failure loses nothing stored before it. WeCom refusing one member (a permission, a member gone) skips that
 * member; an error every call would meet (the app's settings, the token, WeCom busy or silent) ends the sync.
 */
@Component
class BehaviourSync {

    static final String PATH = "externalcontact/get_user_behavior_data";
    private static final Logger log = LoggerFactory.getLogger(BehaviourSync.class);

    private final WeComClient client;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BehaviourSync(WeComClient client, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A day of one member as WeCom served it; null where WeCom gave no figure. */
    private record Day(
            LocalDate day,
            @Nullable Integer chats,
            @Nullable Integer messages,
            java.math.@Nullable BigDecimal replyPercentage,
            @Nullable Integer avgReplyTime,
            @Nullable Integer negativeFeedback,
            @Nullable Integer newApplies,
            @Nullable Integer newContacts) {}

    /** A contact-enabled staff member, with the last day synced and when yesterday was (null: not yet). */
    private record Member(
            String userId,
            @Nullable LocalDate lastSynced,
            @Nullable Instant yesterdaySyncedAt) {}

    /**
     * Syncs the app's staff, or with {@code dueOnly} those {@link BehaviourDays#due} says are due; the caller
     * has bound the tenant.
     */
    WeComBehaviour.SyncResult sync(WeComApp app, boolean dueOnly) {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, BehaviourDays.WECOM_ZONE);
        var staff = java.util.Objects.requireNonNull(transactions.execute(status -> staff(app, today)));
        int asked = 0;
        int calls = 0;
        int days = 0;
        var failed = new ArrayList<String>();
        for (var member : staff) {
            if (dueOnly && !BehaviourDays.due(member.lastSynced(), member.yesterdaySyncedAt(), now)) {
                continue;
            }
            asked++;
            try {
                for (var range : BehaviourDays.toAsk(member.lastSynced(), today)) {
                    days += fetch(app, member.userId(), range);
                    calls++;
                }
            } catch (WeComApiException e) {
                if (endsTheSync(e)) {
                    throw e;
                }
                log.warn("联系客户统计 of {} in app {} not synced: {}", member.userId(), app.id(), e.getMessage());
                failed.add(member.userId());
            }
        }
        return new WeComBehaviour.SyncResult(asked, calls, days, failed);
    }

    private List<Member> staff(WeComApp app, LocalDate today) {
        return jdbc.sql("""
                        select s.user_id, max(b.day), max(b.synced_at) filter (where b.day = ?)
                        from wecom_staff s
                        left join wecom_staff_behavior b on b.app_id = s.app_id and b.user_id = s.user_id
                        where s.app_id = ? and s.contact_enabled and not s.removed
                        group by s.user_id order by s.user_id""")
                .params(today.minusDays(1), app.id())
                .query((rs, n) -> new Member(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Asks WeCom for one member's days and stores them; returns how many. */
    private int fetch(WeComApp app, String userId, BehaviourDays asked) {
        var answer = client.post(
                app,
                PATH,
                Map.of("userid", List.of(userId), "start_time", asked.startTime(), "end_time", asked.endTime()));
        var days = new ArrayList<Day>();
        for (var item : answer.path("behavior_data")) {
            var day = LocalDate.ofInstant(
                    Instant.ofEpochSecond(item.path("stat_time").asLong()), BehaviourDays.WECOM_ZONE);
            if (!day.isBefore(asked.from()) && !day.isAfter(asked.to())) {
                days.add(day(day, item));
            }
        }
        var now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> days.forEach(day -> store(app, userId, day, now)));
        return days.size();
    }

    private static Day day(LocalDate day, JsonNode item) {
        var percentage = item.path("reply_percentage");
        return new Day(
                day,
                count(item, "chat_cnt"),
                count(item, "message_cnt"),
                percentage.isNumber() ? percentage.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP) : null,
                count(item, "avg_reply_time"),
                count(item, "negative_feedback_cnt"),
                count(item, "new_apply_cnt"),
                count(item, "new_contact_cnt"));
    }

    private static @Nullable Integer count(JsonNode item, String field) {
        var value = item.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    private void store(WeComApp app, String userId, Day day, Timestamp now) {
        jdbc.sql("""
                        insert into wecom_staff_behavior (app_id, user_id, day, chat_cnt, message_cnt,
                                reply_percentage, avg_reply_time, negative_feedback_cnt, new_apply_cnt,
                                new_contact_cnt, synced_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, app_id, user_id, day) do update set chat_cnt = excluded.chat_cnt,
                            message_cnt = excluded.message_cnt, reply_percentage = excluded.reply_percentage,
                            avg_reply_time = excluded.avg_reply_time,
                            negative_feedback_cnt = excluded.negative_feedback_cnt,
                            new_apply_cnt = excluded.new_apply_cnt, new_contact_cnt = excluded.new_contact_cnt,
                            synced_at = excluded.synced_at""")
                .params(
                        app.id(),
                        userId,
                        day.day(),
                        day.chats(),
                        day.messages(),
                        day.replyPercentage(),
                        day.avgReplyTime(),
                        day.negativeFeedback(),
                        day.newApplies(),
                        day.newContacts(),
                        now)
                .update();
    }

    /** Errors every later call would meet as well: asking on is pointless. */
    private static boolean endsTheSync(WeComApiException e) {
        return switch (e.kind()) {
            case TOKEN, THROTTLED, CONFIGURATION, UNAVAILABLE -> true;
            default -> false;
        };
    }
}

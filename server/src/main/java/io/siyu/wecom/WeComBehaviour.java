package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeCom's 联系客户统计 per staff member and day (get_user_behavior_data), as last synced from WeCom: what staff
 * KPIs are made of. Days are natural days in China time, WeCom's. The last two days are asked again on every
 * sync, since WeCom settles a day's figures the next morning; today is never there.
 */
@Service
public class WeComBehaviour {

    /**
     * One staff member's day. A figure WeCom gave none for is null: reply figures are left out on days without
     * chats.
     *
     * @param appId the connected app (corp) the staff member belongs to
     * @param staffName the name in WeCom's directory as last synced (the userid if the member is unknown)
     * @param chats single chats in which the staff member sent a message (chat_cnt)
     * @param messages messages the staff member sent in single chats (message_cnt)
     * @param replyPercentage share, in percent (0–100), of chats the customer started that the staff member
     *     answered the same day (reply_percentage)
     * @param avgReplyMinutes minutes to the first answer in such chats, on average (avg_reply_time)
     * @param negativeFeedback customers who deleted or blocked the staff member (negative_feedback_cnt)
     * @param newApplies friend requests the staff member sent (new_apply_cnt)
     * @param newContacts customers the staff member added (new_contact_cnt)
     */
    public record StaffDay(
            long appId,
            String userId,
            String staffName,
            LocalDate day,
            @Nullable Integer chats,
            @Nullable Integer messages,
            @Nullable Double replyPercentage,
            @Nullable Integer avgReplyMinutes,
            @Nullable Integer negativeFeedback,
            @Nullable Integer newApplies,
            @Nullable Integer newContacts) {}

    /**
     * What a sync did.
     *
     * @param staff the contact-enabled staff members it asked about (all, or those due)
     * @param calls the calls WeCom answered
     * @param days the staff-days stored
     * @param failed the staff members WeCom refused (their earlier days stay as they were)
     */
    public record SyncResult(int staff, int calls, int days, List<String> failed) {}

    private final JdbcClient jdbc;
    private final WeComApps apps;
    private final BehaviourSync sync;
    private final TransactionTemplate transactions;

    WeComBehaviour(JdbcClient jdbc, WeComApps apps, BehaviourSync sync, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.apps = apps;
        this.sync = sync;
        this.transactions = transactions;
    }

    /**
     * The bound tenant's staff-days from {@code from} to {@code to} (both included), of every app, or of the
     * staff members with {@code userId} only; ordered by day, app and userid. Days not synced are absent.
     */
    @Transactional(readOnly = true)
    public List<StaffDay> days(LocalDate from, LocalDate to, @Nullable String userId) {
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "wecom.behaviour.range");
        }
        return jdbc.sql("""
                        select b.app_id, b.user_id, coalesce(s.name, b.user_id), b.day, b.chat_cnt, b.message_cnt,
                               b.reply_percentage, b.avg_reply_time, b.negative_feedback_cnt, b.new_apply_cnt,
                               b.new_contact_cnt
                        from wecom_staff_behavior b
                        left join wecom_staff s on s.app_id = b.app_id and s.user_id = b.user_id
                        where b.day between ? and ? and (?::text is null or b.user_id = ?)
                        order by b.day, b.app_id, b.user_id""")
                .params(from, to, userId, userId)
                .query((rs, n) -> new StaffDay(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, Integer.class),
                        rs.getObject(6, Integer.class),
                        rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).doubleValue(),
                        rs.getObject(8, Integer.class),
                        rs.getObject(9, Integer.class),
                        rs.getObject(10, Integer.class),
                        rs.getObject(11, Integer.class)))
                .list();
    }

    /**
     * Fetches from WeCom what is due for the app's staff now, in the caller's thread; a WeCom error that every
     * call would meet is thrown as the problem to show (502), after the days stored before it.
     */
    public SyncResult sync(long appId) {
        var app = transactions.execute(status -> apps.find(appId));
        if (app == null || app.isEmpty()) {
            throw DomainException.notFound("wecom-app", appId);
        }
        try {
            return sync.sync(app.get(), false);
        } catch (WeComApiException e) {
            throw e.toProblem();
        }
    }
}

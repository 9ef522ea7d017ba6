package io.siyu.wecom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the WeCom side: an app standing for the demo corp's past, its staff, live codes per source channel
 * (and per store for the store poster), the relations the demo's add and delete events tell of, and WeCom's daily
 * 联系客户统计 for the last 90 days. Written set-wise in the demo's transaction.
 *
 * <p>The app has no WeCom behind it: it is marked {@code demo}, so it is listed nowhere (apps, live codes), never
 * reconciled and never asked for 联系客户统计, and the relations stay as the demo wrote them; its API address is the
 * loopback discard port all the same.
 */
@Service
public class WeComDemo {

    static final String CORP_ID = "wwsiyudemohistory";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int DAYS = 90;

    /** A live code: {@code parent} is the index of the code it was made from, or -1. */
    public record Code(String name, @Nullable String store, int parent) {}

    /** A relation: a customer added staff member {@code staff} (an index) through code {@code code} (an index). */
    public record Relation(
            long customerId,
            int staff,
            int code,
            Instant addedAt,
            @Nullable Instant lostAt) {}

    private final JdbcClient jdbc;
    private final StaffLinks links;

    WeComDemo(JdbcClient jdbc, StaffLinks links) {
        this.links = links;
        this.jdbc = jdbc;
    }

    /**
     * Writes it all; {@code staff} are (user id, name) pairs. Answers the app's id.
     *
     * @param end the demo's end: behaviour figures cover the 90 days before it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long load(List<String[]> staff, List<Code> codes, List<Relation> relations, Instant end) {
        long app = jdbc.sql("""
                        insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key,
                                               callback_key, api_base_url, demo)
                        values (siyu_current_tenant(), '演示企业（历史数据）', ?, '1000001', ?, ?, ?, ?,
                                'http://127.0.0.1:9', true)
                        returning id""")
                .params(
                        CORP_ID,
                        WeComAppManagement.random(32),
                        WeComAppManagement.random(32),
                        WeComAppManagement.random(43),
                        WeComAppManagement.random(24))
                .query(Long.class)
                .single();
        var userIds = staff.stream().map(s -> s[0]).toArray(String[]::new);
        jdbc.sql("""
                        insert into wecom_staff (app_id, user_id, name, contact_enabled)
                        select ?, u, n, true from unnest(?::text[], ?::text[]) as s(u, n)""")
                .params(app, userIds, staff.stream().map(s -> s[1]).toArray(String[]::new))
                .update();
        var codeIds = new long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            var code = codes.get(i);
            codeIds[i] = jdbc.sql("""
                            insert into wecom_channel_code (app_id, parent_id, kind, name, store, state, staff, routed_to)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            app,
                            code.parent() < 0 ? null : codeIds[code.parent()],
                            code.store() == null ? "channel" : "store",
                            code.name(),
                            code.store(),
                            "demo" + i,
                            userIds,
                            userIds)
                    .query(Long.class)
                    .single();
        }
        contacts(app, userIds, codeIds, relations);
        behaviour(app, userIds, relations, end);
        links.autoLink(); // the demo's accounts are named by their WeCom userids
        return app;
    }

    private void contacts(long app, String[] userIds, long[] codeIds, List<Relation> relations) {
        int n = relations.size();
        var customers = new Long[n];
        var users = new String[n];
        var codes = new Long[n];
        var added = new String[n];
        var lost = new @Nullable String[n];
        for (int i = 0; i < n; i++) {
            var r = relations.get(i);
            customers[i] = r.customerId();
            users[i] = userIds[r.staff()];
            codes[i] = codeIds[r.code()];
            added[i] = r.addedAt().toString();
            lost[i] = r.lostAt() == null ? null : r.lostAt().toString();
        }
        jdbc.sql("""
                        insert into wecom_contact (app_id, external_user_id, user_id, customer_id, state, channel_code_id,
                                                   add_way, added_at, lost_at, lost_by)
                        select ?, 'wmdemo' || r.customer, r.user_id, r.customer, 'demo', r.code, 1, r.added, r.lost,
                               case when r.lost is not null then 'customer' end
                        from unnest(?::bigint[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                             as r(customer, user_id, code, added, lost)""").params(app, customers, users, codes, added, lost).update();
    }

    /**
     * 联系客户统计 per staff member and day: the adds and deletes as the relations have them; chats grow with the
     * staff member's live customers, and each staff member keeps a steady reply habit.
     */
    private void behaviour(long app, String[] userIds, List<Relation> relations, Instant end) {
        var first = end.atZone(CHINA).toLocalDate().minusDays(DAYS);
        var added = new int[userIds.length][DAYS];
        var lost = new int[userIds.length][DAYS];
        // live[s][d]: relations live at the end of day d; built from the change on each day
        var change = new int[userIds.length][DAYS + 1];
        for (var r : relations) {
            int a = day(first, r.addedAt());
            int l = r.lostAt() == null ? DAYS : day(first, r.lostAt());
            if (a < DAYS) {
                change[r.staff()][Math.max(0, a)]++;
                if (a >= 0) {
                    added[r.staff()][a]++;
                }
            }
            if (l < DAYS) {
                change[r.staff()][Math.max(0, l)]--;
                if (l >= 0) {
                    lost[r.staff()][l]++;
                }
            }
        }
        var random = new SplittableRandom(2026);
        int rows = userIds.length * DAYS;
        var users = new String[rows];
        var days = new String[rows];
        var figures = new @Nullable Integer[7][rows];
        for (int s = 0, i = 0; s < userIds.length; s++) {
            int live = 0;
            int replyRate = 55 + random.nextInt(40);
            int replyMinutes = 3 + random.nextInt(25);
            for (int d = 0; d < DAYS; d++, i++) {
                live += change[s][d];
                int chats = live / 40 + random.nextInt(1 + live / 25);
                users[i] = userIds[s];
                days[i] = first.plusDays(d).toString();
                figures[0][i] = chats;
                figures[1][i] = chats * (2 + random.nextInt(4));
                figures[2][i] = chats == 0 ? null : Math.min(100, replyRate + random.nextInt(6));
                figures[3][i] = chats == 0 ? null : replyMinutes + random.nextInt(8);
                figures[4][i] = lost[s][d];
                figures[5][i] = random.nextInt(3);
                figures[6][i] = added[s][d];
            }
        }
        jdbc.sql("""
                        insert into wecom_staff_behavior (app_id, user_id, day, chat_cnt, message_cnt, reply_percentage,
                                                          avg_reply_time, negative_feedback_cnt, new_apply_cnt,
                                                          new_contact_cnt)
                        select ?, b.* from unnest(?::text[], ?::date[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                                                  ?::int[], ?::int[]) as b""")
                .params(
                        app,
                        users,
                        days,
                        figures[0],
                        figures[1],
                        figures[2],
                        figures[3],
                        figures[4],
                        figures[5],
                        figures[6])
                .update();
    }

    /** The index of the day an instant falls on (in China time), counted from {@code first}. */
    private static int day(LocalDate first, Instant at) {
        return (int) Math.max(-1, at.atZone(CHINA).toLocalDate().toEpochDay() - first.toEpochDay());
    }
}

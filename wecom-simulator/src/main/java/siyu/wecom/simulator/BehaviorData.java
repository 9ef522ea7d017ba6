package siyu.wecom.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 联系客户统计 (get_user_behavior_data, doc 92132): per day, one series for all the members asked together
 * ({@code userid}, and the members of {@code partyid} and the departments under them). Days are natural days in
 * China time; times are floored to 00:00 and the range is closed. At most 100 ids of each kind and not none at
 * all (40058), a span of at most 30 days and nothing older than 180 days (600018, "invalid start endtime", as
 * WeCom answers a bad range), an unknown member 40003, an unknown department 60123.
 *
 * <p>Since the corp came to the simulator its state says what happened: new contacts are the relations made
 * that day, negative feedback the customers who deleted the member, chats and messages what the member sent
 * customers (welcome, handover and 企业群发 messages). Customers never start a chat here, so there is nothing
 * to reply to and reply_percentage and avg_reply_time are left out, as WeCom leaves them out without chats.
 * What the simulator cannot see — earlier days, friend requests sent from the WeCom client — is made up from a
 * hash of (corp, member, day): the same on every call.
 */
@Component
class BehaviorData {

    static final ZoneId ZONE = MassQuota.ZONE;
    static final int MAX_IDS = 100;
    static final int MAX_SPAN_DAYS = 30;
    static final int OLDEST_DAYS = 180;
    /** 9999-12-31T23:59:59Z: beyond it a time is not a time (milliseconds sent by mistake stay below it). */
    private static final long LAST_SECOND = 253_402_300_799L;

    private final SimulatedClock clock;

    BehaviorData(SimulatedClock clock) {
        this.clock = clock;
    }

    List<Map<String, Object>> series(Corp corp, Body body) {
        var userIds = body.texts("userid");
        var partyIds = parties(body);
        if (userIds.isEmpty() && partyIds.isEmpty()) {
            throw new WeComError(40058, "userid and partyid can not be both empty");
        }
        if (userIds.size() > MAX_IDS) {
            throw new WeComError(40058, "userid exceed max size " + MAX_IDS);
        }
        if (partyIds.size() > MAX_IDS) {
            throw new WeComError(40058, "partyid exceed max size " + MAX_IDS);
        }
        var today = LocalDate.ofInstant(clock.now(), ZONE);
        var from = day(body.whole("start_time"));
        var to = day(body.whole("end_time"));
        if (from == null
                || to == null
                || to.isBefore(from)
                || from.isAfter(today)
                || ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS
                || from.isBefore(today.minusDays(OLDEST_DAYS))) {
            throw new WeComError(600018, "invalid start endtime");
        }
        synchronized (corp) {
            var members = members(corp, userIds, partyIds);
            var series = new ArrayList<Map<String, Object>>();
            for (var day = from; !day.isAfter(to) && !day.isAfter(today); day = day.plusDays(1)) {
                var total = Figures.NONE;
                for (var member : members) {
                    total = total.plus(figures(corp, member, day));
                }
                series.add(total.json(day.atStartOfDay(ZONE).toEpochSecond()));
            }
            return series;
        }
    }

    private static List<Long> parties(Body body) {
        try {
            return body.numbers("partyid");
        } catch (NumberFormatException e) {
            throw Body.dataFormat();
        }
    }

    /** The day of a time in epoch seconds, or null for none (0) or one out of reason. */
    private static @Nullable LocalDate day(long epochSecond) {
        if (epochSecond <= 0 || epochSecond > LAST_SECOND) {
            return null;
        }
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE);
    }

    private static Set<String> members(Corp corp, List<String> userIds, List<Long> partyIds) {
        var members = new LinkedHashSet<String>();
        userIds.forEach(id -> members.add(corp.anyMember(id).userId));
        for (var party : partyIds) {
            if (!corp.departments.containsKey(party)) {
                throw new WeComError(60123, "invalid party id");
            }
        }
        members.addAll(Directory.membersOf(corp, partyIds));
        return members;
    }

    private static Figures figures(Corp corp, String userId, LocalDate day) {
        var dice = new Dice(corp.corpId + "/" + userId + "/" + day);
        if (day.isBefore(LocalDate.ofInstant(corp.since, ZONE))) {
            return Figures.madeUp(dice, day);
        }
        long start = day.atStartOfDay(ZONE).toEpochSecond();
        long end = day.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
        var chats = new LinkedHashSet<String>();
        int messages = 0;
        for (var chat : corp.chats.entrySet()) {
            if (!corp.customers.containsKey(chat.getKey())) {
                continue; // a group's: 联系客户统计 counts single chats only
            }
            for (var line : chat.getValue()) {
                if (line.from().equals(userId) && line.time() >= start && line.time() < end) {
                    chats.add(chat.getKey());
                    messages++;
                }
            }
        }
        int added = (int) corp.follows.stream()
                .filter(f -> f.userId.equals(userId) && f.createTime >= start && f.createTime < end)
                .count();
        int unfollowed = (int) corp.unfollowed.stream()
                .filter(u -> u.userId().equals(userId) && u.time() >= start && u.time() < end)
                .count();
        return new Figures(chats.size(), messages, 0, 0, 0, unfollowed, Figures.applies(dice, day), added);
    }
}

package io.siyu.demo;

import io.siyu.messaging.MessagingDemo;
import io.siyu.wecom.WeComDemo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * The demo's 企业群发 of the past year: a send every three weeks, each to the customers whose relation was live
 * then. Each staff member gets a steady share of theirs to confirm it (some staff send to four in ten, some to
 * nine in ten), so reach differs by staff member as it does in a real team.
 */
@Component
class DemoSends {

    static final int EVERY_DAYS = 21;
    private static final String[][] THEMES = {
        {"会员日福利", "本周会员日，全场护肤 8 折，积分双倍。"},
        {"新品试用招募", "新品修护精华开放试用，回复「试用」领取体验装。"},
        {"换季护肤指南", "换季皮肤容易敏感，这份护肤指南请收好。"},
        {"直播预告", "今晚 8 点直播间，专属福利等你来。"},
        {"老客回购礼", "感谢一路相伴，回购任意正装赠小样礼包。"},
        {"防晒季提醒", "紫外线变强了，防晒乳买二赠一。"}
    };

    private final MessagingDemo messaging;

    DemoSends(MessagingDemo messaging) {
        this.messaging = messaging;
    }

    long load(long app, List<WeComDemo.Relation> relations, String[] userIds, StandardDataSet data) {
        var random = new SplittableRandom(data.seed() * 31 + 13);
        var share = new double[userIds.length];
        for (int s = 0; s < share.length; s++) {
            share[s] = 0.4 + 0.5 * random.nextDouble();
        }
        var zone = ZoneId.of("Asia/Shanghai");
        var lastDay = data.end().atZone(zone).toLocalDate().minusDays(2);
        var sends = new ArrayList<MessagingDemo.Send>();
        for (int k = 0; k * EVERY_DAYS < 365; k++) {
            var at = lastDay.minusDays((long) k * EVERY_DAYS)
                    .atTime(LocalTime.of(19, 30))
                    .atZone(zone)
                    .toInstant();
            var theme = THEMES[k % THEMES.length];
            sends.add(audience(theme, at, relations, userIds, share, random));
        }
        return messaging.load(app, sends.reversed());
    }

    /** The customers whose relation was live at the send, through their staff member; each reached or not. */
    private static MessagingDemo.Send audience(
            String[] theme,
            Instant at,
            List<WeComDemo.Relation> relations,
            String[] userIds,
            double[] share,
            SplittableRandom random) {
        var customers = new ArrayList<Long>();
        var users = new ArrayList<String>();
        var reached = new ArrayList<Boolean>();
        var seen = new HashSet<Long>();
        for (var r : relations) {
            boolean live = r.addedAt().isBefore(at)
                    && (r.lostAt() == null || r.lostAt().isAfter(at.plus(Duration.ofMinutes(1))));
            // a customer with two staff members gets the send once, through the first
            if (live && seen.add(r.customerId())) {
                customers.add(r.customerId());
                users.add(userIds[r.staff()]);
                reached.add(random.nextDouble() < share[r.staff()]);
            }
        }
        return new MessagingDemo.Send(theme[0], theme[1], at, customers, users, reached);
    }
}

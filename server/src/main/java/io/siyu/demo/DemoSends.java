package io.siyu.demo;

import io.siyu.messaging.MessagingDemo;
import io.siyu.wecom.WeComDemo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
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

    long load(long app, List<WeComDemo.Relation> relations, StandardDataSet data, int staff) {
        var random = new SplittableRandom(data.seed() * 31 + 13);
        var share = new double[staff];
        for (int s = 0; s < staff; s++) {
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
            sends.add(new MessagingDemo.Send(theme[0], theme[1], at, reached(relations, at, share, random)));
        }
        return messaging.load(app, sends.reversed());
    }

    private static long[] reached(
            List<WeComDemo.Relation> relations, Instant at, double[] share, SplittableRandom random) {
        var reached = new long[relations.size()];
        int n = 0;
        for (var r : relations) {
            boolean live = r.addedAt().isBefore(at)
                    && (r.lostAt() == null || r.lostAt().isAfter(at.plus(Duration.ofMinutes(1))));
            if (live && random.nextDouble() < share[r.staff()]) {
                reached[n++] = r.customerId();
            }
        }
        return java.util.Arrays.copyOf(reached, n);
    }
}

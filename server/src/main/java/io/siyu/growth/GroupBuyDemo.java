package io.siyu.growth;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for 拼团, made through {@link GroupBuys} as a shop would: a 阶梯拼团 running this week with open teams
 * and teams that succeeded (one full, its members owed the difference to the lowest price), and a 拼团 that ended
 * last week with a team that failed. The teams that closed are opened in the past by moving their times back,
 * then closed by {@link GroupBuys#settleDue()}; the background work pays their refunds once the demo is in.
 */
@Service
public class GroupBuyDemo {

    private final GroupBuys groupBuys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private int order;

    GroupBuyDemo(GroupBuys groupBuys, JdbcClient jdbc, Clock clock) {
        this.groupBuys = groupBuys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The two offers over the first live customers; answers how many teams were opened. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int load() {
        var customers = jdbc.sql("select id from customer where survivor_id is null order by id limit 40")
                .query(Long.class)
                .list();
        if (customers.size() < 20) {
            return 0;
        }
        var now = clock.instant();
        long ended = groupBuys
                .create(new GroupBuy.Input(
                        "夏日冷萃咖啡 两人团",
                        "COFFEE-CB-12",
                        "冷萃咖啡液 12 杯装",
                        new BigDecimal("49.00"),
                        List.of(new GroupBuy.Tier(2, new BigDecimal("39.00"))),
                        24,
                        50,
                        null,
                        now.plus(Duration.ofDays(1))))
                .id();
        long endedDone = team(ended, "39.00", customers.subList(0, 2));
        long endedFailed = team(ended, "39.00", customers.subList(2, 3));
        long running = groupBuys
                .create(new GroupBuy.Input(
                        "年货坚果礼盒 阶梯拼团",
                        "NUTS-GIFT-2027",
                        "每日坚果礼盒 30 包",
                        new BigDecimal("99.00"),
                        List.of(
                                new GroupBuy.Tier(2, new BigDecimal("89.00")),
                                new GroupBuy.Tier(3, new BigDecimal("79.00")),
                                new GroupBuy.Tier(5, new BigDecimal("69.00"))),
                        24,
                        200,
                        null,
                        now.plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS)))
                .id();
        team(running, "89.00", customers.subList(3, 8)); // full at five: succeeds at ¥69 at once
        long three = team(running, "89.00", customers.subList(8, 11));
        long two = team(running, "89.00", customers.subList(11, 13));
        backdate(List.of(team(running, "89.00", customers.subList(13, 15))), Duration.ofHours(17));
        backdate(List.of(team(running, "89.00", customers.subList(15, 16))), Duration.ofHours(5));
        team(running, "89.00", customers.subList(16, 19));
        // time is up for these: they close at the size they reached
        backdate(List.of(three, two), Duration.ofHours(30));
        jdbc.sql("update group_buy set starts_at = starts_at - interval '2 days' where id = ?")
                .param(running)
                .update();
        backdate(List.of(endedFailed), Duration.ofHours(30));
        groupBuys.settleDue();
        groupBuys.end(ended);
        var week = Duration.ofDays(7);
        backdate(List.of(endedDone, endedFailed), week);
        jdbc.sql("""
                        update group_buy set starts_at = starts_at - ?::interval - interval '3 days',
                                             ends_at = ?::timestamptz - ?::interval where id = ?""")
                .params(interval(week), Timestamp.from(now), interval(week.minusDays(2)), ended)
                .update();
        return 8;
    }

    private long team(long offer, String price, List<Long> members) {
        @Nullable Long team = null;
        for (var customer : members) {
            var joined = groupBuys.join(
                    offer, team, new GroupBuy.Join(customer, key("GB"), key("PAY"), new BigDecimal(price)));
            team = joined.id();
        }
        return Objects.requireNonNull(team);
    }

    private String key(String prefix) {
        return "%s-DEMO-%05d".formatted(prefix, ++order);
    }

    /** Moves the teams' times back: opened, joined, expiry, closing and any refund due. */
    private void backdate(List<Long> teams, Duration by) {
        var ids = teams.toArray(Long[]::new);
        var interval = interval(by);
        jdbc.sql("""
                        update group_buy_team set opened_at = opened_at - ?::interval, expires_at = expires_at - ?::interval,
                                                  closed_at = closed_at - ?::interval
                        where id = any(?::bigint[])""").params(interval, interval, interval, ids).update();
        jdbc.sql("update group_buy_member set joined_at = joined_at - ?::interval where team_id = any(?::bigint[])")
                .params(interval, ids)
                .update();
        jdbc.sql("update group_buy_refund set due_at = due_at - ?::interval where team_id = any(?::bigint[])")
                .params(interval, ids)
                .update();
    }

    private static String interval(Duration duration) {
        return duration.toMinutes() + " minutes";
    }
}

package io.siyu.loyalty;

import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tier-drop warnings (issue 9) of a program whose growth counts over a window of months: a member who keeps their
 * tier today, but whose growth already earned would fall below its keep threshold as entries leave the window in
 * the next {@link #AHEAD} (no new growth assumed), hears a {@code tier_drop_warning} event. It names the entry
 * whose leaving crosses the threshold, and is given once per member and that entry: earning more moves the
 * crossing later, and a new warning comes in time for it.
 */
@Component
class TierDropWarnings {

    static final Duration AHEAD = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Members members;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    TierDropWarnings(
            JdbcClient jdbc,
            Programs programs,
            Members members,
            EventRecorder events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.members = members;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Warns the bound tenant's members who would drop within {@link #AHEAD}; answers how many were warned. */
    int warn() {
        var program = transactions.execute(s -> programs.get());
        var now = clock.instant();
        var since = program == null ? null : programs.windowStart(program, now);
        if (since == null) {
            return 0;
        }
        var until = programs.windowStart(program, now.plus(AHEAD));
        int warned = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] page = transactions.execute(s -> page(program, since, until, from, now));
            if (page == null || page[0] == 0) {
                return warned;
            }
            warned += (int) page[1];
            after = page[0];
        }
    }

    /** The next members after {@code after} in a tier above the first: {last customer (0: none), warned}. */
    private long[] page(Program program, Instant since, Instant until, long after, Instant now) {
        List<long[]> members = jdbc.sql("""
                        select m.customer_id, m.tier, w.growth from member m
                        cross join lateral (select coalesce(sum(g.growth), 0) growth from member_growth g
                                            where g.customer_id = m.customer_id and g.at > ?) w
                        where m.tier > 1 and m.customer_id > ?
                        order by m.customer_id limit ?""")
                .params(Timestamp.from(since), after, TierReview.BATCH)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)})
                .list();
        if (members.isEmpty()) {
            return new long[] {0, 0};
        }
        // those who keep their tier today (the others drop at the review)
        var keeping = new ArrayList<long[]>();
        // nor does a valid paid card that holds the tier let anyone drop
        var floors = this.members.cardFloors(members.stream().map(m -> m[0]).toList());
        for (var m : members) {
            long keep = program.tier((int) m[1]).keep();
            if (m[2] >= keep && floors.getOrDefault(m[0], 0) < m[1]) {
                keeping.add(new long[] {m[0], m[1], m[2], keep});
            }
        }
        int warned = 0;
        for (var crossing : crossings(keeping, since, until)) {
            warned += tell(program, crossing, now) ? 1 : 0;
        }
        return new long[] {members.getLast()[0], warned};
    }

    /**
     * Per member at risk: {customer, tier, window growth, keep, growth entry, its time (epoch ms), the lowest
     * growth the window falls to}, where the entry is the first whose leaving takes the window below the keep.
     */
    private List<long[]> crossings(List<long[]> keeping, Instant since, Instant until) {
        if (keeping.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct on (c) c, t, w, k, id, at, min(left_after) over (partition by c)
                        from (select x.c, x.t, x.w, x.k, g.id, g.at,
                                     x.w - sum(g.growth) over (partition by x.c order by g.at, g.id) left_after
                              from unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[]) x(c, t, w, k)
                              join member_growth g on g.customer_id = x.c and g.at > ? and g.at <= ?) y
                        where left_after < k
                        order by c, at, id""")
                .params(
                        keeping.stream().map(m -> m[0]).toArray(Long[]::new),
                        keeping.stream().map(m -> (int) m[1]).toArray(Integer[]::new),
                        keeping.stream().map(m -> m[2]).toArray(Long[]::new),
                        keeping.stream().map(m -> m[3]).toArray(Long[]::new),
                        Timestamp.from(since),
                        Timestamp.from(until))
                .query((rs, n) -> new long[] {
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getTimestamp(6).getTime(),
                    rs.getLong(7)
                })
                .list();
    }

    /** Records the warning unless this member was warned of this entry before; answers whether it was new. */
    private boolean tell(Program program, long[] crossing, Instant now) {
        boolean first = jdbc.sql("insert into tier_drop_warning (customer_id, growth_id, at) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(crossing[0], crossing[4], Timestamp.from(now))
                        .update()
                == 1;
        if (!first) {
            return false;
        }
        var months = program.windowMonths();
        var leavesAt = Instant.ofEpochMilli(crossing[5])
                .atZone(programs.zone())
                .plusMonths(months == null ? 0 : months)
                .toInstant();
        return events.record(
                crossing[0],
                EventType.TIER_DROP_WARNING,
                now,
                "tier-drop-warning:" + crossing[0] + ":" + crossing[4],
                json.createObjectNode()
                        .put("tier", crossing[1])
                        .put("keepGrowth", crossing[3])
                        .put("windowGrowth", crossing[2])
                        // earned before the growth leaves, this much keeps the tier through the next 7 days
                        .put("growthNeeded", crossing[3] - crossing[6])
                        .put("leavesAt", leavesAt.toString())
                        .toString());
    }
}

package io.siyu.loyalty;

import io.siyu.customer.CustomerProfiles;
import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily tier review (seed 003) of a program whose growth counts over a window of months: a member whose
 * growth within the window is below their tier's keep threshold drops to the highest tier whose keep threshold
 * it meets. Once per member and day — the key {@code review:<customer>:<day>} — with a {@code downgrade-review}
 * line in the tier history, the member level on the profile and a {@code tier_change} event (direction down).
 * Members are read in batches of those who drop, each batch in its own transaction.
 */
@Component
class TierReview {

    static final int BATCH = 500;
    /** The review runs after this hour of the tenant's day, as the other daily care does. */
    static final int HOUR = 3;

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Members members;
    private final CustomerProfiles profiles;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    TierReview(
            JdbcClient jdbc,
            Programs programs,
            Members members,
            CustomerProfiles profiles,
            EventRecorder events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.members = members;
        this.profiles = profiles;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The bound tenant's day to review, once its clock is past {@link #HOUR}; empty before. */
    Optional<LocalDate> due() {
        var local = LocalDateTime.now(clock.withZone(programs.zone()));
        return local.getHour() < HOUR ? Optional.empty() : Optional.of(local.toLocalDate());
    }

    /** Reviews the bound tenant's members for {@code day}; answers how many dropped (0 with a lifetime window). */
    int review(LocalDate day) {
        var program = transactions.execute(s -> programs.get());
        var now = clock.instant();
        var since = program == null ? null : programs.windowStart(program, now);
        if (since == null) {
            return 0;
        }
        int dropped = 0;
        long after = 0;
        while (true) {
            long from = after;
            var batch = transactions.execute(s -> batch(program, since, from, day, now));
            if (batch == null || batch.last() == null) {
                return dropped;
            }
            dropped += batch.dropped();
            after = batch.last();
        }
    }

    private record Batch(@Nullable Long last, int dropped) {}

    /** The next members after {@code after} below their tier's keep threshold, locked, and their drops. */
    private Batch batch(Program program, Instant since, long after, LocalDate day, Instant now) {
        var tiers = program.tiers();
        List<long[]> below = jdbc.sql("""
                        select m.customer_id, m.tier, w.growth from member m
                        join unnest(?::int[], ?::bigint[]) k(level, keep) on k.level = m.tier
                        cross join lateral (select coalesce(sum(g.growth), 0) growth from member_growth g
                                            where g.customer_id = m.customer_id and g.at > ?) w
                        where m.tier > 1 and m.customer_id > ? and w.growth < k.keep
                        order by m.customer_id limit ? for update of m""")
                .params(
                        tiers.stream().map(Program.Tier::level).toArray(Integer[]::new),
                        tiers.stream().map(Program.Tier::keep).toArray(Long[]::new),
                        Timestamp.from(since),
                        after,
                        BATCH)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)})
                .list();
        if (below.isEmpty()) {
            return new Batch(null, 0);
        }
        var ids = new ArrayList<Long>();
        var froms = new ArrayList<Integer>();
        var tos = new ArrayList<Integer>();
        // a valid paid card holds its tier
        var floors = members.cardFloors(below.stream().map(m -> m[0]).toList());
        for (var m : below) {
            int to = Math.max(program.reviewedTier((int) m[1], m[2]), floors.getOrDefault(m[0], 0));
            if (to < m[1]) {
                ids.add(m[0]);
                froms.add((int) m[1]);
                tos.add(to);
            }
        }
        return new Batch(below.getLast()[0], drop(ids, froms, tos, day, now));
    }

    /** Keeps each drop once per member and day, then applies those that were new; answers how many. */
    private int drop(List<Long> ids, List<Integer> froms, List<Integer> tos, LocalDate day, Instant now) {
        // customer, from, to of the drops not kept before today
        List<long[]> moves = jdbc.sql("""
                        insert into member_tier_change (customer_id, from_tier, to_tier, reason, at, key)
                        select c, f, t, 'downgrade-review', ?, 'review:' || c || ':' || ?
                        from unnest(?::bigint[], ?::int[], ?::int[]) x(c, f, t)
                        on conflict do nothing returning customer_id, from_tier, to_tier""")
                .params(
                        Timestamp.from(now),
                        day.toString(),
                        ids.toArray(Long[]::new),
                        froms.toArray(Integer[]::new),
                        tos.toArray(Integer[]::new))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)})
                .list();
        if (moves.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        update member set tier = x.t from unnest(?::bigint[], ?::int[]) x(c, t)
                        where member.customer_id = x.c""")
                .params(
                        moves.stream().map(m -> m[0]).toArray(Long[]::new),
                        moves.stream().map(m -> (int) m[2]).toArray(Integer[]::new))
                .update();
        var levels = new HashMap<Long, Integer>();
        moves.forEach(m -> levels.put(m[0], (int) m[2]));
        profiles.setMemberLevels(levels, day);
        for (var m : moves) {
            // journeys hear it as they hear an event's downgrade: a warning or a win-back
            events.record(
                    m[0],
                    EventType.TIER_CHANGE,
                    now,
                    "tier:" + m[0] + ":review:" + day,
                    json.createObjectNode()
                            .put("from", m[1])
                            .put("to", m[2])
                            .put("direction", "down")
                            .toString());
        }
        return moves.size();
    }
}

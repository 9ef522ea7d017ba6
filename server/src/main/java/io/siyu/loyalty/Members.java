package io.siyu.loyalty;

import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerProfiles;
import io.siyu.customer.CustomerSummary;
import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members: who joined, their growth value and the tier it puts them in. Over a lifetime window a tier moves as
 * soon as growth does (up on a purchase, down when a refund takes growth back); over a window of months it moves
 * up as soon as the window's growth reaches a tier and down only at the daily {@link TierReview}. Each move is
 * kept and mirrored on the customer's member level, which segments read.
 */
@Service
public class Members {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final CustomerDirectory customers;
    private final CustomerProfiles profiles;
    private final EventRecorder events;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    Members(
            JdbcClient jdbc,
            Programs programs,
            CustomerDirectory customers,
            CustomerProfiles profiles,
            // lazily: the recorder's observers include purchase earning, which needs members
            @org.springframework.context.annotation.Lazy EventRecorder events,
            Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.customers = customers;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /** Makes a customer a member; a member already is answered as they are. */
    @Transactional
    public Member join(long customerId, String source) {
        return join(customerId, source, null);
    }

    /**
     * Makes a customer a member, referred by the owner of {@code referralCode} when given: the referrer earns the
     * program's referral points on this member's first paid order. A member already keeps who referred them.
     */
    @Transactional
    public Member join(long customerId, String source, @Nullable String referralCode) {
        customers.get(customerId);
        Long referrer = null;
        if (referralCode != null && !referralCode.isBlank()) {
            referrer = jdbc.sql("select customer_id from member where referral_code = upper(?)")
                    .param(referralCode.strip())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(
                            () -> DomainException.invalid("referralCode", "loyalty.referral.unknown", referralCode));
            if (referrer == customerId) {
                throw DomainException.invalid("referralCode", "loyalty.referral.self");
            }
        }
        if (ensure(List.of(customerId), source) == 1 && referrer != null) {
            jdbc.sql("update member set referred_by = ? where customer_id = ?")
                    .params(referrer, customerId)
                    .update();
        }
        return get(customerId);
    }

    /** Who referred this member, if anyone. */
    java.util.Optional<Long> referrerOf(long customerId) {
        return jdbc.sql("select referred_by from member where customer_id = ? and referred_by is not null")
                .param(customerId)
                .query(Long.class)
                .optional();
    }

    /** Whether the customer is a member. */
    @Transactional(readOnly = true)
    public boolean isMember(long customerId) {
        return jdbc.sql("select exists (select 1 from member where customer_id = ?)")
                .param(customerId)
                .query(Boolean.class)
                .single();
    }

    /** Those of these customers who are members. */
    public java.util.Set<Long> membersAmong(Collection<Long> customerIds) {
        var members = new java.util.HashSet<Long>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("select customer_id from member where customer_id = any(?::bigint[])")
                    .param(customerIds.stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        members.add(rs.getLong(1));
                    });
        }
        return members;
    }

    /** Makes those who are not members yet members (tier 1), in the caller's transaction; answers how many joined. */
    @Transactional
    public int ensure(Collection<Long> customerIds, String source) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(clock.instant());
        List<Long> joined = jdbc.sql("""
                        insert into member (customer_id, member_no, source, joined_at, referral_code)
                        select c, 'M' || lpad(c::text, 9, '0'), ?, ?,
                               -- unique by construction: the id in hex, then four random characters
                               upper(to_hex(c) || substr(md5(random()::text), 1, 4))
                        from unnest(?::bigint[]) c
                        on conflict do nothing returning customer_id""")
                .params(source, now, customerIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
        if (joined.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        insert into member_tier_change (customer_id, from_tier, to_tier, reason, at)
                        select c, null, 1, 'join', ? from unnest(?::bigint[]) c""").params(now, joined.toArray(Long[]::new)).update();
        profiles.setMemberLevels(joined.stream().collect(Collectors.toMap(Function.identity(), c -> 1)), today());
        return joined.size();
    }

    /**
     * Adds (or, negative, takes) growth once per key and moves the member's tier to match; answers whether it
     * was applied (false: the key was seen before).
     */
    boolean addGrowth(
            long customerId,
            long growth,
            @Nullable BigDecimal amount,
            String key,
            String source,
            @Nullable String ref) {
        int inserted = jdbc.sql("""
                        insert into member_growth (customer_id, growth, amount, key, source, ref, at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(customerId, growth, amount, key, source, ref, Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return false;
        }
        var row = jdbc.sql(
                        "update member set growth = greatest(0, growth + ?) where customer_id = ? returning growth, tier")
                .params(growth, customerId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .single();
        var program = programs.get();
        var since = programs.windowStart(program, clock.instant());
        // with a window, growth counts from the ledger since it began, and only the daily review drops a tier
        var tier = since == null
                ? program.tierFor(row[0]).level()
                : Math.max(
                        (int) row[1],
                        program.tierFor(windowGrowth(customerId, since)).level());
        // a valid paid card holds its tier as a floor
        tier = Math.max(tier, cardFloor(customerId));
        if (tier != row[1]) {
            move(customerId, (int) row[1], tier, null, "tier:" + customerId + ":" + key);
        }
        return true;
    }

    /**
     * Moves a member to another tier: the history line (once per {@code key} when given), the member level on the
     * profile, and a {@code tier_change} event journeys hear (a congratulation up, a warning or win-back down).
     */
    void move(long customerId, int from, int to, @Nullable String key, String eventId) {
        var now = clock.instant();
        if (key != null
                && jdbc.sql("""
                                        insert into member_tier_change (customer_id, from_tier, to_tier, reason, at, key)
                                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                                .params(
                                        customerId,
                                        from,
                                        to,
                                        to > from ? "upgrade" : "downgrade",
                                        Timestamp.from(now),
                                        key)
                                .update()
                        == 0) {
            return;
        }
        if (key == null) {
            jdbc.sql("""
                            insert into member_tier_change (customer_id, from_tier, to_tier, reason, at)
                            values (?, ?, ?, ?, ?)""")
                    .params(customerId, from, to, to > from ? "upgrade" : "downgrade", Timestamp.from(now))
                    .update();
        }
        jdbc.sql("update member set tier = ? where customer_id = ?")
                .params(to, customerId)
                .update();
        profiles.setMemberLevels(Map.of(customerId, to), today());
        events.record(
                customerId,
                EventType.TIER_CHANGE,
                now,
                eventId,
                json.createObjectNode()
                        .put("from", from)
                        .put("to", to)
                        .put("direction", to > from ? "up" : "down")
                        .toString());
    }

    /**
     * Puts a member in the tier their growth and their valid paid card give them now (after a card began or
     * ended): the card's tier as a floor, otherwise the tier of their growth — over a growth window, the tier
     * the daily review would keep them in.
     */
    void settleTier(long customerId, String key) {
        var current = jdbc.sql("select tier, growth from member where customer_id = ? for update")
                .param(customerId)
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)})
                .optional();
        if (current.isEmpty()) {
            return;
        }
        int from = (int) current.get()[0];
        var program = programs.get();
        var since = programs.windowStart(program, clock.instant());
        int earned = since == null
                ? program.tierFor(current.get()[1]).level()
                : program.reviewedTier(from, windowGrowth(customerId, since));
        int to = Math.max(earned, cardFloor(customerId));
        if (to != from) {
            move(customerId, from, to, key, "tier:" + customerId + ":" + key);
        }
    }

    /** The highest tier a valid paid card of the member holds them in; 0: none. */
    int cardFloor(long customerId) {
        return cardFloors(List.of(customerId)).getOrDefault(customerId, 0);
    }

    /** Per member holding a valid paid card with a tier, the highest such tier. */
    Map<Long, Integer> cardFloors(Collection<Long> customerIds) {
        var floors = new HashMap<Long, Integer>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("""
                            select c.customer_id, max(p.floor_tier) from member_card c
                            join card_plan p on p.id = c.plan_id
                            where c.customer_id = any(?::bigint[]) and c.status = 'active' and p.floor_tier is not null
                              and c.valid_from <= ? and c.valid_until > ?
                            group by 1""")
                    .params(
                            customerIds.stream().distinct().toArray(Long[]::new),
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant()))
                    .query(rs -> {
                        floors.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return floors;
    }

    /** The member's growth earned since {@code since} (refunds since then count against it). */
    long windowGrowth(long customerId, java.time.Instant since) {
        return jdbc.sql("select coalesce(sum(growth), 0) from member_growth where customer_id = ? and at > ?")
                .params(customerId, Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Member get(long customerId) {
        var program = programs.get();
        var line = lines("where m.customer_id = ?", List.of(customerId), program, 1).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("member", customerId));
        var soon = jdbc.sql("""
                        select expires_at, sum(remaining) from points_lot
                        where customer_id = ? and remaining > 0 and expires_at is not null and expires_at <= ?
                        group by expires_at order by expires_at limit 1""")
                .params(customerId, Timestamp.from(clock.instant().plus(Duration.ofDays(30))))
                .query((rs, n) ->
                        new Member.Expiring(rs.getLong(2), rs.getTimestamp(1).toInstant()))
                .optional()
                .orElse(null);
        var history = jdbc.sql("""
                        select at, from_tier, to_tier, reason from member_tier_change
                        where customer_id = ? order by at desc, id desc limit 50""")
                .param(customerId)
                .query((rs, n) -> new Member.TierChange(
                        rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2), rs.getInt(3), rs.getString(4)))
                .list();
        var extra = jdbc.sql("""
                        select source, referral_code, referred_by,
                               (select count(*) from member r where r.referred_by = m.customer_id)
                        from member m where customer_id = ?""")
                .param(customerId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3), rs.getLong(4)})
                .single();
        var source = (String) extra[0];
        var tier = program.tier(line.tier());
        var since = programs.windowStart(program, clock.instant());
        long counted = since == null ? line.growth() : windowGrowth(customerId, since);
        Member.NextTier next = program.tiers().stream()
                .filter(t -> t.level() > line.tier())
                .findFirst()
                .map(t -> new Member.NextTier(t.level(), t.name(), t.minGrowth(), Math.max(0, t.minGrowth() - counted)))
                .orElse(null);
        return new Member(
                line.customerId(),
                line.name(),
                line.memberNo(),
                line.tier(),
                line.tierName(),
                line.growth(),
                line.points(),
                soon,
                line.joinedAt(),
                source,
                next,
                history,
                new Member.Benefits(tier.discountPercent(), tier.freeShipping(), tier.birthdayPoints()),
                (String) extra[1],
                (Long) extra[2],
                (Long) extra[3],
                Cards.holding(jdbc, customerId, clock.instant()));
    }

    /** Members newest first; {@code q} finds a member number or a customer id. */
    @Transactional(readOnly = true)
    public CursorPage<Member.Line> list(@Nullable String q, @Nullable Integer tier, PageRequest page) {
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        where.add("m.customer_id < ?");
        args.add(page.before());
        if (tier != null) {
            where.add("m.tier = ?");
            args.add(tier);
        }
        if (q != null && !q.isBlank()) {
            var term = q.strip();
            where.add("(m.member_no = upper(?) or m.customer_id::text = ?)");
            args.add(term);
            args.add(term);
        }
        var rows = lines(
                "where " + String.join(" and ", where) + " order by m.customer_id desc",
                args,
                programs.get(),
                page.fetchSize());
        return CursorPage.ofDescending(rows, page.limit(), Member.Line::customerId);
    }

    private List<Member.Line> lines(String where, List<?> args, Program program, int limit) {
        var rows = jdbc.sql("select m.customer_id, m.member_no, m.tier, m.growth, m.points, m.joined_at from member m "
                        + where + " limit " + limit)
                .params(args)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getTimestamp(6)
                })
                .list();
        var names = names(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream()
                .map(r -> new Member.Line(
                        (Long) r[0],
                        names.get((Long) r[0]),
                        (String) r[1],
                        (Integer) r[2],
                        program.tier((Integer) r[2]).name(),
                        (Long) r[3],
                        (Long) r[4],
                        ((Timestamp) r[5]).toInstant()))
                .toList();
    }

    /** Display names of customers the caller may see. */
    Map<Long, String> names(List<Long> ids) {
        var names = new HashMap<Long, String>();
        for (CustomerSummary s : customers.summaries(ids)) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(programs.zone()));
    }
}

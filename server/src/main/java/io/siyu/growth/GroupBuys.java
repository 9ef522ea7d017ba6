package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerResolution;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * 拼团 offers and their teams. Every join holds one unit of stock under the offer's row lock, so that however
 * many join at once no more places are taken than the stock; a team closes once (succeeded or failed) under
 * its own lock, and what it owes back becomes one refund row per member, paid by {@link GroupBuyRefunds}.
 */
@Service
public class GroupBuys {

    static final int MAX_NAME = 40;
    static final int MAX_TIERS = 5;
    static final Duration MAX_LENGTH = Duration.ofDays(180);
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String OFFER = """
            select b.id, b.name, b.sku, b.product_name, b.list_price, b.tiers::text, b.max_size, b.team_hours, b.stock,
                   b.held, b.sold, b.starts_at, b.ends_at, b.status,""";
    private static final String SELECT = OFFER + """
                   (select count(*) from group_buy_team t where t.group_buy_id = b.id and t.status = 'open'),
                   (select count(*) from group_buy_team t where t.group_buy_id = b.id and t.status = 'succeeded'),
                   (select count(*) from group_buy_team t where t.group_buy_id = b.id and t.status = 'failed'),
                   (select coalesce(sum(r.amount), 0) from group_buy_refund r
                      join group_buy_team t on t.id = r.team_id
                    where t.group_buy_id = b.id and r.status = 'done')
            from group_buy b""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final CustomerResolution customers;

    GroupBuys(JdbcClient jdbc, ObjectMapper json, Clock clock, CustomerResolution customers) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.customers = customers;
    }

    @Transactional
    public GroupBuy create(GroupBuy.Input input) {
        var problems = new ArrayList<FieldProblem>();
        var name = text(input.name(), "name", MAX_NAME, problems);
        var sku = text(input.sku(), "sku", 64, problems);
        var productName = text(input.productName(), "productName", 60, problems);
        var listPrice = input.listPrice();
        if (!isPrice(listPrice)) {
            problems.add(new FieldProblem("listPrice", "growth.group-buy.price", MAX_PRICE));
        }
        var tiers = tiers(input.tiers(), listPrice, problems);
        int hours = input.teamHours() == null ? 24 : input.teamHours();
        if (hours < 1 || hours > 168) {
            problems.add(new FieldProblem("teamHours", "growth.group-buy.hours", 168));
        }
        if (input.stock() == null || input.stock() < 1 || input.stock() > 1_000_000) {
            problems.add(new FieldProblem("stock", "growth.group-buy.stock", 1_000_000));
        }
        var now = clock.instant();
        var startsAt = input.startsAt() == null ? now : input.startsAt();
        if (input.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "problem.field.required"));
        } else if (!input.endsAt().isAfter(startsAt) || input.endsAt().isBefore(now)) {
            problems.add(new FieldProblem("endsAt", "growth.ends-at"));
        } else if (input.endsAt().isAfter(now.plus(MAX_LENGTH))) {
            problems.add(new FieldProblem("endsAt", "growth.ends-at.far", MAX_LENGTH.toDays()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long id = jdbc.sql("""
                        insert into group_buy (name, sku, product_name, list_price, tiers, max_size, team_hours, stock,
                                               starts_at, ends_at, created_by)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        name,
                        sku,
                        productName,
                        listPrice,
                        json.writeValueAsString(tiers),
                        tiers.getLast().size(),
                        hours,
                        input.stock(),
                        Timestamp.from(startsAt),
                        Timestamp.from(java.util.Objects.requireNonNull(input.endsAt())),
                        Actor.currentName())
                .query(Long.class)
                .single();
        return get(id);
    }

    @Transactional(readOnly = true)
    public CursorPage<GroupBuy> list(PageRequest page) {
        var rows = jdbc.sql(SELECT + " where b.id < ? order by b.id desc limit " + page.fetchSize())
                .param(page.before())
                .query(this::row)
                .list();
        return CursorPage.ofDescending(rows, page.limit(), GroupBuy::id);
    }

    @Transactional(readOnly = true)
    public GroupBuy get(long id) {
        return jdbc.sql(SELECT + " where b.id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("group-buy", id));
    }

    /** No new teams or joins from now; open teams still close when their time is up. */
    @Transactional
    public GroupBuy end(long id) {
        var buy = get(id);
        if (!buy.status().equals("active") && !buy.status().equals("scheduled")) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.closed", buy.status());
        }
        jdbc.sql("update group_buy set status = 'ended' where id = ?").param(id).update();
        return get(id);
    }

    /**
     * A customer paid to open a team ({@code teamId} null) or to join one. The same join key again answers the
     * team it joined, whatever happened since; nothing is taken twice.
     */
    @Transactional
    public GroupBuy.Team join(long groupBuyId, @Nullable Long teamId, GroupBuy.Join join) {
        var problems = new ArrayList<FieldProblem>();
        if (join.customerId() == null) {
            problems.add(new FieldProblem("customerId", "problem.field.required"));
        } else if (customers.existing(List.of(join.customerId())).isEmpty()) {
            problems.add(
                    new FieldProblem("customerId", "growth.group-buy.customer", String.valueOf(join.customerId())));
        }
        for (var key : new String[] {"joinKey", "paymentRef"}) {
            var value = key.equals("joinKey") ? join.joinKey() : join.paymentRef();
            if (value == null || !KEY.matcher(value).matches()) {
                problems.add(new FieldProblem(key, "growth.group-buy.key", 64));
            }
        }
        if (!isPrice(join.paid())) {
            problems.add(new FieldProblem("paid", "growth.group-buy.price", MAX_PRICE));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var earlier = jdbc.sql("select team_id from group_buy_member where group_buy_id = ? and join_key = ?")
                .params(groupBuyId, join.joinKey())
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            return team(earlier.get());
        }
        // the offer's row first, then the team's: the order closing takes too
        var buy = locked(groupBuyId);
        var now = clock.instant();
        if (!buy.status().equals("active")) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.closed", buy.status());
        }
        var firstPrice = buy.tiers().getFirst().price();
        if (firstPrice.compareTo(java.util.Objects.requireNonNull(join.paid())) != 0) {
            throw DomainException.invalid("paid", "growth.group-buy.paid", firstPrice.toPlainString());
        }
        if (buy.held() + buy.sold() >= buy.stock()) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.sold-out", buy.stock());
        }
        long customer = java.util.Objects.requireNonNull(join.customerId());
        long team;
        if (teamId == null) {
            team = jdbc.sql("""
                            insert into group_buy_team (group_buy_id, leader_id, opened_at, expires_at)
                            values (?, ?, ?, ?) returning id""")
                    .params(
                            groupBuyId,
                            customer,
                            Timestamp.from(now),
                            Timestamp.from(now.plus(Duration.ofHours(buy.teamHours()))))
                    .query(Long.class)
                    .single();
        } else {
            team = teamId;
            var open = jdbc.sql("""
                            select size, status, expires_at from group_buy_team where id = ? and group_buy_id = ?
                            for update""")
                    .params(teamId, groupBuyId)
                    .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getTimestamp(3)})
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("group-buy-team", teamId));
            if (!open[1].equals("open") || !((Timestamp) open[2]).toInstant().isAfter(now)) {
                throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.team-closed", open[1]);
            }
            if ((int) open[0] >= buy.maxSize()) {
                throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.team-full", buy.maxSize());
            }
            if (jdbc.sql("select exists (select 1 from group_buy_member where team_id = ? and customer_id = ?)")
                    .params(teamId, customer)
                    .query(Boolean.class)
                    .single()) {
                throw new DomainException(HttpStatus.CONFLICT, "growth.group-buy.member");
            }
        }
        jdbc.sql("""
                        insert into group_buy_member (team_id, group_buy_id, customer_id, join_key, payment_ref, paid,
                                                      joined_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(team, groupBuyId, customer, join.joinKey(), join.paymentRef(), join.paid(), Timestamp.from(now))
                .update();
        int size = jdbc.sql("update group_buy_team set size = size + 1 where id = ? returning size")
                .param(team)
                .query(Integer.class)
                .single();
        jdbc.sql("update group_buy set held = held + 1 where id = ?")
                .param(groupBuyId)
                .update();
        if (size == buy.maxSize()) {
            close(buy, team, size, now);
        }
        return team(team);
    }

    @Transactional(readOnly = true)
    public GroupBuy.Team team(long teamId) {
        return teams("t.id = ?", List.of(teamId), 1).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("group-buy-team", teamId));
    }

    /** An offer's teams, newest first; {@code status} open, succeeded or failed, or null for all. */
    @Transactional(readOnly = true)
    public CursorPage<GroupBuy.Team> teams(long groupBuyId, @Nullable String status, PageRequest page) {
        get(groupBuyId);
        var rows = status == null
                ? teams("t.group_buy_id = ? and t.id < ?", List.of(groupBuyId, page.before()), page.fetchSize())
                : teams(
                        "t.group_buy_id = ? and t.id < ? and t.status = ?",
                        List.of(groupBuyId, page.before(), status),
                        page.fetchSize());
        return CursorPage.ofDescending(rows, page.limit(), GroupBuy.Team::id);
    }

    /** Closes the teams whose time is up; answers how many. */
    int settleDue() {
        var due = jdbc.sql("""
                        select id, group_buy_id from group_buy_team where status = 'open' and expires_at <= ?
                        order by expires_at limit 100""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        int closed = 0;
        for (var team : due) {
            var buy = locked(team[1]);
            var size = jdbc.sql("select size from group_buy_team where id = ? and status = 'open' for update")
                    .param(team[0])
                    .query(Integer.class)
                    .optional();
            if (size.isPresent()) {
                close(buy, team[0], size.get(), clock.instant());
                closed++;
            }
        }
        return closed;
    }

    /**
     * A team of at least the first tier's size succeeds at the price of the largest tier it reached, and each
     * member who paid more is owed the difference; a smaller team fails and everyone is owed what they paid.
     */
    private void close(GroupBuy buy, long team, int size, Instant now) {
        BigDecimal price = null;
        for (var tier : buy.tiers()) {
            if (size >= tier.size()) {
                price = tier.price();
            }
        }
        boolean succeeded = price != null;
        jdbc.sql("update group_buy_team set status = ?, closed_at = ?, price = ? where id = ?")
                .params(succeeded ? "succeeded" : "failed", Timestamp.from(now), price, team)
                .update();
        jdbc.sql("update group_buy set held = held - ?, sold = sold + ? where id = ?")
                .params(size, succeeded ? size : 0, buy.id())
                .update();
        jdbc.sql("""
                        insert into group_buy_refund (member_id, team_id, amount, reason)
                        select id, team_id, paid - coalesce(?::numeric, 0), ? from group_buy_member
                        where team_id = ? and paid > coalesce(?::numeric, 0)
                        on conflict do nothing""").params(price, succeeded ? "tier" : "failed", team, price).update();
    }

    /**
     * The offer under its row lock, for a join or a team closing: only the offer's own row is read (its team and
     * refund counts are left at zero), as every join waits here.
     */
    private GroupBuy locked(long id) {
        return jdbc.sql(OFFER + " 0, 0, 0, 0 from group_buy b where b.id = ? for update")
                .param(id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("group-buy", id));
    }

    private List<GroupBuy.Team> teams(String where, List<Object> params, int limit) {
        var teams = jdbc.sql("""
                        select t.id, t.group_buy_id, t.leader_id, t.size, t.status, t.opened_at, t.expires_at,
                               t.closed_at, t.price
                        from group_buy_team t where %s order by t.id desc limit %d""".formatted(where, limit))
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7).toInstant(),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                    rs.getBigDecimal(9)
                })
                .list();
        if (teams.isEmpty()) {
            return List.of();
        }
        var members = new HashMap<Long, List<GroupBuy.Member>>();
        jdbc.sql("""
                        select m.team_id, m.id, m.customer_id, m.join_key, m.payment_ref, m.paid, m.joined_at,
                               r.amount, r.status, c.display_name
                        from group_buy_member m left join group_buy_refund r on r.member_id = m.id
                        left join customer c on c.id = m.customer_id
                        where m.team_id = any(?::bigint[]) order by m.id""")
                .param(teams.stream().map(t -> (Long) t[0]).toArray(Long[]::new))
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new GroupBuy.Member(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getBigDecimal(6),
                                    rs.getTimestamp(7).toInstant(),
                                    rs.getBigDecimal(8),
                                    rs.getString(9),
                                    rs.getString(10)));
                });
        return teams.stream()
                .map(t -> new GroupBuy.Team(
                        (Long) t[0],
                        (Long) t[1],
                        (Long) t[2],
                        (Integer) t[3],
                        (String) t[4],
                        (Instant) t[5],
                        (Instant) t[6],
                        (Instant) t[7],
                        (BigDecimal) t[8],
                        members.getOrDefault((Long) t[0], List.of())))
                .toList();
    }

    private GroupBuy row(ResultSet rs, int n) throws SQLException {
        var now = clock.instant();
        var startsAt = rs.getTimestamp(12).toInstant();
        var endsAt = rs.getTimestamp(13).toInstant();
        var stored = rs.getString(14);
        String status;
        if (stored.equals("ended") || !now.isBefore(endsAt)) {
            status = "ended";
        } else {
            status = now.isBefore(startsAt) ? "scheduled" : "active";
        }
        return new GroupBuy(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                json.readValue(rs.getString(6), new TypeReference<List<GroupBuy.Tier>>() {}),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getInt(10),
                rs.getInt(11),
                startsAt,
                endsAt,
                status,
                new GroupBuy.Counts(rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getBigDecimal(18)));
    }

    private static List<GroupBuy.Tier> tiers(
            @Nullable List<GroupBuy.Tier> tiers, @Nullable BigDecimal listPrice, List<FieldProblem> problems) {
        if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            problems.add(new FieldProblem("tiers", "growth.group-buy.tiers", MAX_TIERS));
            return List.of();
        }
        var checked = new ArrayList<GroupBuy.Tier>();
        for (int i = 0; i < tiers.size(); i++) {
            var tier = tiers.get(i);
            var at = "tiers[" + i + "].";
            var before = i == 0 ? null : tiers.get(i - 1);
            if (tier.size() < 2 || tier.size() > 100 || (before != null && tier.size() <= before.size())) {
                problems.add(new FieldProblem(at + "size", "growth.group-buy.tier-size", 100));
            }
            if (!isPrice(tier.price())
                    || (before != null
                            && isPrice(before.price())
                            && tier.price().compareTo(before.price()) >= 0)
                    || (isPrice(listPrice) && tier.price().compareTo(listPrice) >= 0)) {
                problems.add(new FieldProblem(at + "price", "growth.group-buy.tier-price"));
            }
            checked.add(tier);
        }
        return checked;
    }

    private static boolean isPrice(@Nullable BigDecimal price) {
        return price != null
                && price.signum() > 0
                && price.compareTo(MAX_PRICE) <= 0
                && price.stripTrailingZeros().scale() <= 2;
    }

    private static String text(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > max) {
            problems.add(new FieldProblem(field, "growth.group-buy.text", max));
        }
        return text;
    }
}

package io.siyu.loyalty;

import io.siyu.access.Actor;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points mall (积分商城). An order takes one of the item's stock with a conditional update (so stock is never
 * oversold however many redeem at once) and spends the points in the same transaction; the request id makes a
 * retry answer the first order. Cancelling gives the stock and the points back.
 */
@Service
public class Mall {

    public record Item(
            long id,
            String name,
            @Nullable String description,
            long points,
            BigDecimal cash,
            int stock,
            int perMember,
            boolean active,
            int redeemed) {}

    public record ItemInput(
            @Nullable String name,
            @Nullable String description,
            @Nullable Long points,
            @Nullable BigDecimal cash,
            @Nullable Integer stock,
            @Nullable Integer perMember,
            @Nullable Boolean active) {}

    public record Order(
            long id,
            long itemId,
            String itemName,
            long customerId,
            @Nullable String customerName,
            long points,
            BigDecimal cash,
            String status,
            Instant at) {}

    public record OrderInput(
            @Nullable Long customerId,
            @Nullable Long itemId,
            @Nullable String requestId) {}

    static final Set<String> STATUSES = Set.of("placed", "shipped", "delivered", "cancelled");
    private static final Map<String, String> NEXT =
            Map.of("ship", "shipped", "deliver", "delivered", "cancel", "cancelled");
    private static final Map<String, String> FROM = Map.of("ship", "placed", "deliver", "shipped", "cancel", "placed");

    private static final String ITEM =
            "select id, name, description, points, cash, stock, per_member, active, redeemed from mall_item";
    private static final String ORDER =
            "select o.id, o.item_id, i.name, o.customer_id, o.points, o.cash, o.status, o.at"
                    + " from mall_order o join mall_item i on i.id = o.item_id";

    private final JdbcClient jdbc;
    private final Members members;
    private final Points points;
    private final Clock clock;

    Mall(JdbcClient jdbc, Members members, Points points, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.points = points;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Item> items() {
        return jdbc.sql(ITEM + " order by id desc").query(Mall::item).list();
    }

    @Transactional(readOnly = true)
    public Item item(long id) {
        return jdbc.sql(ITEM + " where id = ?")
                .param(id)
                .query(Mall::item)
                .optional()
                .orElseThrow(() -> DomainException.notFound("mall-item", id));
    }

    @Transactional
    public Item create(ItemInput input) {
        var v = check(input, 0);
        long id = jdbc.sql("""
                        insert into mall_item (name, description, points, cash, stock, per_member, active)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(v.name(), v.description(), v.points(), v.cash(), v.stock(), v.perMember(), v.active())
                .query(Long.class)
                .single();
        return item(id);
    }

    @Transactional
    public Item update(long id, ItemInput input) {
        var before = jdbc.sql(ITEM + " where id = ? for update")
                .param(id)
                .query(Mall::item)
                .optional()
                .orElseThrow(() -> DomainException.notFound("mall-item", id));
        var v = check(input, before.redeemed());
        jdbc.sql("""
                        update mall_item set name = ?, description = ?, points = ?, cash = ?, stock = ?, per_member = ?,
                            active = ? where id = ?""")
                .params(v.name(), v.description(), v.points(), v.cash(), v.stock(), v.perMember(), v.active(), id)
                .update();
        return item(id);
    }

    private static Item check(ItemInput in, int redeemed) {
        var problems = new ArrayList<FieldProblem>();
        var name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 30) {
            problems.add(new FieldProblem("name", "loyalty.mall.name", 30));
        }
        if (in.points() == null || in.points() < 1 || in.points() > 10_000_000) {
            problems.add(new FieldProblem("points", "loyalty.points.amount", 10_000_000));
        }
        var cash = in.cash() == null ? BigDecimal.ZERO : in.cash();
        if (cash.signum() < 0) {
            problems.add(new FieldProblem("cash", "loyalty.mall.cash"));
        }
        if (in.stock() == null || in.stock() < redeemed) {
            problems.add(new FieldProblem("stock", "loyalty.mall.stock", redeemed));
        }
        int perMember = in.perMember() == null ? 1 : in.perMember();
        if (perMember < 1 || perMember > 100) {
            problems.add(new FieldProblem("perMember", "loyalty.mall.per-member", 100));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var description = in.description() == null || in.description().isBlank()
                ? null
                : in.description().strip();
        return new Item(
                0,
                name,
                description,
                in.points(),
                cash,
                in.stock(),
                perMember,
                in.active() == null || in.active(),
                redeemed);
    }

    /** Redeems an item for a member's points. */
    @Transactional
    public Order order(OrderInput in) {
        return order(in, Actor.currentName());
    }

    /** Redeems an item for a member's points, the ledger naming {@code actor} as who spent them. */
    @Transactional
    Order order(OrderInput in, String actor) {
        var problems = new ArrayList<FieldProblem>();
        if (in.customerId() == null) {
            problems.add(new FieldProblem("customerId", "problem.field.required"));
        }
        if (in.itemId() == null) {
            problems.add(new FieldProblem("itemId", "problem.field.required"));
        }
        if (in.requestId() == null || in.requestId().isBlank() || in.requestId().length() > 64) {
            problems.add(new FieldProblem("requestId", "loyalty.request-id", 64));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long customer = in.customerId();
        points.lock(customer);
        var earlier = jdbc.sql("select id from mall_order where request_id = ?")
                .param(in.requestId())
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            return get(earlier.get());
        }
        var item = item(in.itemId());
        if (!item.active()) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.mall.inactive");
        }
        long had = jdbc.sql("""
                        select count(*) from mall_order where item_id = ? and customer_id = ? and status <> 'cancelled'""").params(item.id(), customer).query(Long.class).single();
        if (had >= item.perMember()) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.mall.limit", item.perMember());
        }
        int taken = jdbc.sql(
                        "update mall_item set redeemed = redeemed + 1 where id = ? and redeemed < stock and active")
                .param(item.id())
                .update();
        if (taken == 0) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.mall.out-of-stock");
        }
        var entry = points.take(
                customer,
                item.points(),
                "mall:" + in.requestId(),
                "spend",
                new Points.Context("mall", in.requestId(), item.name(), actor, null));
        long id = jdbc.sql("""
                        insert into mall_order (item_id, customer_id, points, cash, request_id, entry_id, at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        item.id(),
                        customer,
                        item.points(),
                        item.cash(),
                        in.requestId(),
                        entry.id(),
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return get(id);
    }

    /** Moves an order on (ship, deliver) or cancels a placed one, giving back its stock and points. */
    @Transactional
    public Order move(long id, String action) {
        var row = jdbc.sql("select status, customer_id, entry_id, item_id from mall_order where id = ? for update")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .optional()
                .orElseThrow(() -> DomainException.notFound("mall-order", id));
        if (!FROM.get(action).equals(row[0])) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.mall.order-state", row[0]);
        }
        jdbc.sql("update mall_order set status = ?, updated_at = ? where id = ?")
                .params(NEXT.get(action), Timestamp.from(clock.instant()), id)
                .update();
        if (action.equals("cancel")) {
            // the member first, as an order takes them: member, then item
            points.lock((Long) row[1]);
            jdbc.sql("update mall_item set redeemed = redeemed - 1 where id = ?")
                    .param(row[3])
                    .update();
            points.restore(
                    (Long) row[1],
                    (Long) row[2],
                    "mall-cancel:" + id,
                    new Points.Context("mall", String.valueOf(id), null, Actor.currentName(), null));
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public Order get(long id) {
        return named(jdbc.sql(ORDER + " where o.id = ?")
                        .param(id)
                        .query(Mall::order)
                        .list())
                .getFirst();
    }

    @Transactional(readOnly = true)
    public CursorPage<Order> orders(@Nullable String status, PageRequest page) {
        if (status != null && !STATUSES.contains(status)) {
            throw DomainException.invalid("status", "loyalty.mall.status", String.join(", ", STATUSES));
        }
        var rows = status == null
                ? jdbc.sql(ORDER + " where o.id < ? order by o.id desc limit " + page.fetchSize())
                        .param(page.before())
                        .query(Mall::order)
                        .list()
                : jdbc.sql(ORDER + " where o.status = ? and o.id < ? order by o.id desc limit " + page.fetchSize())
                        .params(status, page.before())
                        .query(Mall::order)
                        .list();
        return CursorPage.ofDescending(named(rows), page.limit(), Order::id);
    }

    private List<Order> named(List<Order> rows) {
        var names =
                members.names(rows.stream().map(Order::customerId).distinct().toList());
        return rows.stream()
                .map(o -> new Order(
                        o.id(),
                        o.itemId(),
                        o.itemName(),
                        o.customerId(),
                        names.get(o.customerId()),
                        o.points(),
                        o.cash(),
                        o.status(),
                        o.at()))
                .toList();
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getBigDecimal(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getBoolean(8),
                rs.getInt(9));
    }

    private static Order order(ResultSet rs, int n) throws SQLException {
        return new Order(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                null,
                rs.getLong(5),
                rs.getBigDecimal(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}

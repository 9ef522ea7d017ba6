package io.siyu.growth;

import io.siyu.shared.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who earns on a paid order (分销 订单归属): the buyer's lasting binding, or the distributor whose share
 * code the order carries, as the program's {@code attribution} setting says. {@code binding} (the default): only
 * bindings count, an order's code is kept but changes nothing. {@code binding_first}: the binding decides; a buyer
 * not yet bound is bound by the order's code, and that order already earns for it. {@code order_first}: a valid
 * code decides its order (the binding decides the others), and binds a buyer not yet bound. A code that is
 * unknown, not active or the buyer's own is passed over with a note, never refusing the order. Each order with a
 * code is noted once, in the transaction that records its payment.
 */
@Service
public class OrderAttribution {

    private static final Logger log = LoggerFactory.getLogger(OrderAttribution.class);

    static final Set<String> MODES = Set.of("binding", "binding_first", "order_first");

    /** Who earns level 1 on an order, and that distributor's inviter (level 2) as far as it matters. */
    record Earner(
            long distributor,
            @Nullable Long parent,
            @Nullable String parentStatus,
            @Nullable Long parentCustomer) {}

    /**
     * What became of an order's distributor code.
     *
     * @param attribution the setting in force when the order was paid
     * @param codeDistributorId the distributor the code names, when there is one
     * @param earnerId who earned level 1 on the order (null: no one)
     * @param via {@code order} (the code decided), {@code binding} (the buyer's binding decided) or null
     * @param note why the code was passed over: {@code unknown}, {@code inactive} or {@code own}; null when it was
     *     not
     * @param bound whether the code bound the buyer
     */
    public record Outcome(
            String orderNo,
            long customerId,
            String code,
            String attribution,
            @Nullable Long codeDistributorId,
            @Nullable Long earnerId,
            @Nullable String via,
            @Nullable String note,
            boolean bound,
            Instant at) {}

    private final JdbcClient jdbc;

    OrderAttribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What became of the code the order carried; 404 when it carried none (or is not paid yet). */
    @Transactional(readOnly = true)
    public Outcome get(String orderNo) {
        return jdbc.sql("""
                        select order_no, customer_id, code, attribution, code_distributor_id, earner_id, via, note,
                               bound, at
                        from distribution_order_code where order_no = ?""")
                .param(orderNo)
                .query((rs, n) -> new Outcome(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9),
                        rs.getTimestamp(10).toInstant()))
                .optional()
                .orElseThrow(() -> DomainException.notFound("order", orderNo));
    }

    /**
     * Who earns level 1 on the order the buyer paid at {@code paidAt}, under the mode in force; binds the buyer
     * when the mode and the code say so, and notes what became of the code.
     */
    Optional<Earner> earner(long customer, String orderNo, @Nullable String code, Instant paidAt, String mode) {
        var binding = bound(customer, paidAt);
        if (code == null || code.isBlank()) {
            return binding;
        }
        var named = distributor(code);
        String note = null;
        if (named.isEmpty()) {
            note = "unknown";
        } else if (!"active".equals(named.get()[1])) {
            note = "inactive";
        } else if (Long.valueOf(customer).equals(named.get()[2])) {
            note = "own";
        }
        boolean valid = note == null && !mode.equals("binding");
        boolean bound = valid
                && jdbc.sql("""
                                        insert into distribution_binding (customer_id, distributor_id, bound_at)
                                        values (?, ?, ?) on conflict do nothing""")
                                .params(customer, named.get()[0], Timestamp.from(paidAt))
                                .update()
                        == 1;
        Optional<Earner> earner;
        String via;
        if (valid && (mode.equals("order_first") || bound)) {
            earner = bound ? bound(customer, paidAt) : byId((Long) named.get()[0]);
            via = "order";
        } else {
            earner = binding;
            via = binding.isPresent() ? "binding" : null;
        }
        if (note != null) {
            log.info("order {}: distributor code {} passed over ({})", orderNo, code, note);
        }
        jdbc.sql("""
                        insert into distribution_order_code (order_no, customer_id, code, attribution,
                            code_distributor_id, earner_id, via, note, bound, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        orderNo,
                        customer,
                        code,
                        mode,
                        named.map(d -> d[0]).orElse(null),
                        earner.map(Earner::distributor).orElse(null),
                        via,
                        note,
                        bound,
                        Timestamp.from(paidAt))
                .update();
        return earner;
    }

    /** The active distributor the buyer was bound to by {@code at}. */
    private Optional<Earner> bound(long customer, Instant at) {
        return jdbc.sql(EARNER + """
                         from distribution_binding b
                        join distributor d on d.id = b.distributor_id and d.status = 'active'
                        left join distributor p on p.id = d.parent_id
                        where b.customer_id = ? and b.bound_at <= ?""")
                .params(customer, Timestamp.from(at))
                .query(OrderAttribution::earnerRow)
                .optional();
    }

    private Optional<Earner> byId(long distributor) {
        return jdbc.sql(EARNER + " from distributor d left join distributor p on p.id = d.parent_id where d.id = ?")
                .param(distributor)
                .query(OrderAttribution::earnerRow)
                .optional();
    }

    /** id, status and customer of the distributor with this code. */
    private Optional<Object[]> distributor(String code) {
        return jdbc.sql("select id, status, customer_id from distributor where code = ?")
                .param(code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .optional();
    }

    private static final String EARNER = "select d.id, d.parent_id, p.status, p.customer_id";

    private static Earner earnerRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Earner(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getObject(4, Long.class));
    }
}

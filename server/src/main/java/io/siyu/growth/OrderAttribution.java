package io.siyu.growth;

import io.siyu.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String EARNER = "select d.id, d.parent_id, p.status, p.customer_id";

    /** Who earns level 1 on an order, and that distributor's inviter (level 2) as far as it matters. */
    record Earner(
            long distributor,
            @Nullable Long parent,
            @Nullable String parentStatus,
            @Nullable Long parentCustomer) {}

    /** The distributor a code names. */
    private record Named(long id, String status, long customer) {

        /** Why this distributor's code cannot earn on the buyer's order; null when it can. */
        @Nullable
        String passedOver(long buyer) {
            if (!status.equals("active")) {
                return "inactive";
            }
            return customer == buyer ? "own" : null;
        }
    }

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
        var note = named.isEmpty() ? "unknown" : named.get().passedOver(customer);
        var usable = note == null && !mode.equals("binding") ? named : Optional.<Named>empty();
        boolean bound = usable.isPresent() && bind(customer, usable.get().id(), paidAt);
        Optional<Earner> earner = binding;
        String via = binding.isPresent() ? "binding" : null;
        if (usable.isPresent() && (mode.equals("order_first") || bound)) {
            earner = byId(usable.get().id());
            via = "order";
        }
        if (note != null) {
            log.info("order {}: distributor code {} passed over ({})", orderNo, code, note);
        }
        var outcome = new Outcome(
                orderNo,
                customer,
                code,
                mode,
                named.map(Named::id).orElse(null),
                earner.map(Earner::distributor).orElse(null),
                via,
                note,
                bound,
                paidAt);
        remember(outcome);
        return earner;
    }

    /** Binds a buyer not yet bound, from the order's payment on; answers whether it did. */
    private boolean bind(long customer, long distributor, Instant paidAt) {
        return jdbc.sql("""
                        insert into distribution_binding (customer_id, distributor_id, bound_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(customer, distributor, Timestamp.from(paidAt))
                        .update()
                == 1;
    }

    /** Once per order: a resent order's event finds the first outcome kept. */
    private void remember(Outcome outcome) {
        jdbc.sql("""
                        insert into distribution_order_code (order_no, customer_id, code, attribution,
                            code_distributor_id, earner_id, via, note, bound, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        outcome.orderNo(),
                        outcome.customerId(),
                        outcome.code(),
                        outcome.attribution(),
                        outcome.codeDistributorId(),
                        outcome.earnerId(),
                        outcome.via(),
                        outcome.note(),
                        outcome.bound(),
                        Timestamp.from(outcome.at()))
                .update();
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

    private Optional<Named> distributor(String code) {
        return jdbc.sql("select id, status, customer_id from distributor where code = ?")
                .param(code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    private static Earner earnerRow(ResultSet rs, int n) throws SQLException {
        return new Earner(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getObject(4, Long.class));
    }
}

package io.siyu.growth;

import io.siyu.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the stand-in providers ({@link SimulatedPayments}, {@link SimulatedPayouts}) hold, read by key, so that a
 * test or a demo can count from outside what was paid and how often each key was asked for. Only while the
 * simulated providers are the ones in use: with a real provider there is nothing of Siyu's to show (409).
 */
@Service
public class PaymentSandbox {

    static final int MAX_LIMIT = 1000;

    /** The provider's table and the key's kind for each source ({@code siyu-<tenant>-<kind>-<id>}). */
    private static final Map<String, String[]> SOURCES = Map.of(
            "group_buy", new String[] {"simulated_refund", "refund_key", "gb"},
            "red_packet", new String[] {"simulated_payout", "payout_key", "rp"},
            "withdrawal", new String[] {"simulated_payout", "payout_key", "dw"});

    /**
     * One key the provider holds.
     *
     * @param calls how often it was asked to pay this key (1 when paid once)
     * @param paymentRef the payment refunded (refunds only)
     * @param customerId who was paid (payouts only)
     */
    public record Entry(
            String key,
            BigDecimal amount,
            int calls,
            @Nullable String paymentRef,
            @Nullable Long customerId,
            @Nullable String purpose,
            Instant at) {}

    /**
     * The keys of one source, by key, with the totals over all of them (not just this page).
     *
     * @param nextAfter the {@code after} of the next page; null on the last
     */
    public record Listing(
            String source,
            long keys,
            long calls,
            BigDecimal total,
            List<Entry> items,
            @Nullable String nextAfter) {}

    private final JdbcClient jdbc;
    private final boolean simulated;

    PaymentSandbox(JdbcClient jdbc, GroupBuyPayments payments, Payouts payouts) {
        this.jdbc = jdbc;
        this.simulated = payments instanceof SimulatedPayments && payouts instanceof SimulatedPayouts;
    }

    /** The keys of {@code source} (group_buy, red_packet, withdrawal) after the key {@code after}, by key. */
    @Transactional(readOnly = true)
    public Listing list(@Nullable String source, @Nullable String after, @Nullable Integer limit) {
        if (!simulated) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.payment-sandbox.off");
        }
        var table = source == null ? null : SOURCES.get(source);
        if (table == null) {
            throw DomainException.invalid(
                    "source",
                    "growth.payment-sandbox.source",
                    String.join(", ", SOURCES.keySet().stream().sorted().toList()));
        }
        int size = limit == null ? MAX_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", "problem.page.limit", 1, MAX_LIMIT);
        }
        var pattern = "siyu-%-" + table[2] + "-%";
        var refunds = table[0].equals("simulated_refund");
        var totals = jdbc.sql(
                        "select count(*), coalesce(sum(calls), 0), coalesce(sum(amount), 0) from %s where %s like ?"
                                .formatted(table[0], table[1]))
                .param(pattern)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)})
                .single();
        var items = jdbc.sql("""
                        select %s, amount, calls, %s, %s, %s, created_at from %s where %s like ? and %s > ?
                        order by %s limit ?""".formatted(
                                table[1],
                                refunds ? "payment_ref" : "null",
                                refunds ? "null::bigint" : "customer_id",
                                refunds ? "null" : "purpose",
                                table[0],
                                table[1],
                                table[1],
                                table[1]))
                .params(pattern, after == null ? "" : after, size + 1)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getObject(5, Long.class),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        var page = items.size() > size ? items.subList(0, size) : items;
        return new Listing(
                source,
                (Long) totals[0],
                (Long) totals[1],
                (BigDecimal) totals[2],
                List.copyOf(page),
                items.size() > size ? page.getLast().key() : null);
    }
}

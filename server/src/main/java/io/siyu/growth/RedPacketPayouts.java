package io.siyu.growth;

import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays the red packets granted, each exactly once, after the granting transaction committed: the provider is
 * first asked whether the packet's key was already paid (a crash may have come between its answer and our record
 * of it), and only then asked to pay. The packet's amount moves from reserved to paid in the budget. A payment that
 * fails is tried again later, backing off, with its error kept for the operator.
 */
@Component
class RedPacketPayouts {

    private static final Logger log = LoggerFactory.getLogger(RedPacketPayouts.class);
    static final int BATCH = 50;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);
    static final String PURPOSE = "红包奖励";

    private record Due(long id, long campaign, long customer, long amount, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Payouts payouts;
    private final Clock clock;

    RedPacketPayouts(JdbcClient jdbc, TransactionTemplate transactions, Payouts payouts, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.payouts = payouts;
        this.clock = clock;
    }

    /** Pays what is due now; answers how many red packets were paid. */
    int round() {
        int paid = 0;
        int taken;
        do {
            var counts = Objects.requireNonNull(transactions.execute(s -> batch()));
            paid += counts[0];
            taken = counts[1];
        } while (taken == BATCH);
        return paid;
    }

    private int[] batch() {
        var due = jdbc.sql("""
                        select id, campaign_id, customer_id, amount, attempts from campaign_red_packet
                        where status = 'reserved' and due_at <= ? order by due_at limit ? for update skip locked""")
                .params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)))
                .list();
        int paid = 0;
        for (var packet : due) {
            var key = key(packet.id());
            try {
                if (payouts.find(key).isEmpty()) {
                    payouts.pay(key, packet.customer(), BigDecimal.valueOf(packet.amount(), 2), PURPOSE);
                }
                paid(packet);
                paid++;
            } catch (RuntimeException e) {
                failed(packet, e);
            }
        }
        return new int[] {paid, due.size()};
    }

    private void paid(Due packet) {
        jdbc.sql("""
                        update campaign_red_packet set status = 'paid', paid_at = ?, attempts = attempts + 1,
                               last_error = null
                        where id = ?""").params(Timestamp.from(clock.instant()), packet.id()).update();
        jdbc.sql("update campaign_budget set reserved = reserved - ?, paid = paid + ? where campaign_id = ?")
                .params(packet.amount(), packet.amount(), packet.campaign())
                .update();
    }

    private void failed(Due packet, RuntimeException e) {
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(packet.attempts(), 6));
        jdbc.sql("update campaign_red_packet set attempts = attempts + 1, due_at = ?, last_error = ? where id = ?")
                .params(
                        Timestamp.from(clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)),
                        String.valueOf(e.getMessage()),
                        packet.id())
                .update();
        log.warn("red packet {} not paid, tried again later: {}", packet.id(), e.getMessage());
    }

    /** The provider's transfer number: unique across tenants, the same for every attempt. */
    static String key(long packetId) {
        return "siyu-" + Tenancy.required().value() + "-rp-" + packetId;
    }
}

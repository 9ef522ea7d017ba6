package io.siyu.growth;

import io.siyu.shared.Tenancy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Pays the red packets granted, each exactly once (see {@link DuePayments}). */
@Component
class RedPacketPayouts extends DuePayments<RedPacketPayouts.Due> {

    static final String PURPOSE = "红包奖励";

    record Due(long id, long campaign, long customer, long amount, int attempts) {}

    private final Payouts payouts;

    RedPacketPayouts(JdbcClient jdbc, TransactionTemplate transactions, Payouts payouts, Clock clock) {
        super(jdbc, transactions, clock, "campaign_red_packet");
        this.payouts = payouts;
    }

    @Override
    protected List<Due> due(Timestamp now, int limit) {
        return jdbc.sql("""
                        select id, campaign_id, customer_id, amount, attempts from campaign_red_packet
                        where status = 'reserved' and due_at <= ? order by due_at limit ? for update skip locked""")
                .params(now, limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)))
                .list();
    }

    @Override
    protected long id(Due packet) {
        return packet.id();
    }

    @Override
    protected int attempts(Due packet) {
        return packet.attempts();
    }

    @Override
    protected void pay(Due packet) {
        var key = key(packet.id());
        if (payouts.find(key).isEmpty()) {
            payouts.pay(key, packet.customer(), BigDecimal.valueOf(packet.amount(), 2), PURPOSE);
        }
    }

    /** The packet's amount moves from reserved to paid in the budget. */
    @Override
    protected void paid(Due packet) {
        jdbc.sql("""
                        update campaign_red_packet set status = 'paid', paid_at = ?, attempts = attempts + 1,
                               last_error = null
                        where id = ?""").params(Timestamp.from(clock.instant()), packet.id()).update();
        jdbc.sql("update campaign_budget set reserved = reserved - ?, paid = paid + ? where campaign_id = ?")
                .params(packet.amount(), packet.amount(), packet.campaign())
                .update();
    }

    /** The provider's transfer number: unique across tenants, the same for every attempt. */
    static String key(long packetId) {
        return "siyu-" + Tenancy.required().value() + "-rp-" + packetId;
    }
}

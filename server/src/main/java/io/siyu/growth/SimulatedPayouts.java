package io.siyu.growth;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stand-in payout provider for development, the demo and tests: it records payouts by key in its own table,
 * in its own transaction (as a remote provider would keep them whatever happens to Siyu's; see
 * {@link SimulatedProvider}). {@code calls} shows
 * how often a key was asked for, so that tests can prove a payout was tried once.
 */
@Component
class SimulatedPayouts implements Payouts {

    private final JdbcClient jdbc;
    private final SimulatedProvider provider;

    SimulatedPayouts(JdbcClient jdbc, SimulatedProvider provider) {
        this.jdbc = jdbc;
        this.provider = provider;
    }

    @Override
    public void pay(String key, long customerId, BigDecimal amount, String purpose) {
        provider.call(
                () -> jdbc.sql("""
                        insert into simulated_payout (payout_key, customer_id, amount, purpose) values (?, ?, ?, ?)
                        on conflict (tenant_id, payout_key) do update set calls = simulated_payout.calls + 1""").params(key, customerId, amount, purpose).update());
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Optional<Payout> find(String key) {
        return jdbc.sql("select payout_key, customer_id, amount from simulated_payout where payout_key = ?")
                .param(key)
                .query((rs, n) -> new Payout(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .optional();
    }
}

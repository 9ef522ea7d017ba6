package io.siyu.growth;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stand-in payment provider for development, the demo and tests: it records refunds by key in its own
 * table, in its own transaction (as a remote provider would keep them whatever happens to Siyu's; see
 * {@link SimulatedProvider}). {@code calls} shows how often a key was asked for, so that tests can prove a refund
 * was tried once.
 */
@Component
class SimulatedPayments implements GroupBuyPayments {

    private final JdbcClient jdbc;
    private final SimulatedProvider provider;

    SimulatedPayments(JdbcClient jdbc, SimulatedProvider provider) {
        this.jdbc = jdbc;
        this.provider = provider;
    }

    @Override
    public void refund(String key, String paymentRef, BigDecimal amount) {
        provider.call(() -> jdbc.sql("""
                        insert into simulated_refund (refund_key, payment_ref, amount) values (?, ?, ?)
                        on conflict (tenant_id, refund_key) do update set calls = simulated_refund.calls + 1""").params(key, paymentRef, amount).update());
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Optional<BigDecimal> find(String key) {
        return jdbc.sql("select amount from simulated_refund where refund_key = ?")
                .param(key)
                .query(BigDecimal.class)
                .optional();
    }
}

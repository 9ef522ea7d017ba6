package io.siyu.growth;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the stand-in providers ({@link SimulatedPayments}, {@link SimulatedPayouts}) behave like a remote one: each
 * call records in its own transaction (the provider keeps what it did whatever happens to Siyu's), and, for crash
 * tests, takes {@code siyu.growth.simulated-payment-latency} (default 0), half on the way there and half on the
 * way back, so that a crash can land between the provider paying and Siyu recording it.
 */
@Component
class SimulatedProvider {

    private final TransactionTemplate own;
    private final Duration half;

    SimulatedProvider(
            PlatformTransactionManager transactions,
            @Value("${siyu.growth.simulated-payment-latency:0ms}") Duration latency) {
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.half = latency.dividedBy(2);
    }

    /** Makes a call that records: the latency around a transaction of its own. */
    void call(Runnable record) {
        travel();
        own.executeWithoutResult(s -> record.run());
        travel();
    }

    private void travel() {
        if (half.isPositive()) {
            try {
                Thread.sleep(half);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the simulated provider call was interrupted", e);
            }
        }
    }
}

package siyu.wecom.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The simulator's "now": real time plus an offset that scenarios move forward, to let a token expire, a
 * welcome code lapse or a transfer complete without waiting.
 */
@Component
public class SimulatedClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }
}

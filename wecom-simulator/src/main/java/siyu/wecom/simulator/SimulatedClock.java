package siyu.wecom.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The simulator's "now": real time plus an offset that scenarios move forward, to let a token expire, a
 * welcome code lapse or a transfer complete without waiting. Whatever falls due when the clock moves (a
 * transfer's 24 h) is told through {@link #onAdvance}.
 */
@Component
public class SimulatedClock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every {@link #advance}, in the advancing thread. */
    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    long epochSecond() {
        return now().getEpochSecond();
    }
}

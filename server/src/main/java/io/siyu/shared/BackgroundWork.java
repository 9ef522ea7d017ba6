package io.siyu.shared;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A bean whose work runs on its own {@link Worker}: a round every tick or when woken, started and stopped
 * with the application.
 */
public abstract class BackgroundWork implements SmartLifecycle {

    private final Worker worker;

    protected BackgroundWork(String name, Duration tick) {
        this.worker = new Worker(name, tick, this::round);
    }

    /** One pass of the work; it must catch what it can survive, or the thread ends. */
    protected abstract void round();

    protected final Worker worker() {
        return worker;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}

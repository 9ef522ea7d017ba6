package io.siyu.shared;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * One background thread that does a round of work every {@code tick}, or at once when woken: for work that
 * must run in one place and in order (a queue drained, derived data kept current). Stops with the
 * application context, letting the round in progress finish.
 */
public final class Worker implements SmartLifecycle {

    private final String name;
    private final long tickNanos;
    private final Runnable round;
    private volatile @Nullable Thread thread;
    private volatile boolean running;

    /** @param round one pass of work; it must catch what it can survive, or the thread ends */
    public Worker(String name, Duration tick, Runnable round) {
        this.name = name;
        this.tickNanos = tick.toNanos();
        this.round = round;
    }

    /** Starts the next round now rather than at the next tick. */
    public void wake() {
        var current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Whether the application is still running; a long round checks it to stop early. */
    public boolean running() {
        return running;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            while (running) {
                LockSupport.parkNanos(tickNanos);
                if (running) {
                    round.run();
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        var current = thread;
        if (current != null) {
            LockSupport.unpark(current);
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package io.lightsout.appliance.power;

import java.time.Duration;

/**
 * Waits. Injected next to a {@link java.time.Clock} so that pacing, retries and windows are tested with a manual
 * clock whose sleeper advances it, never with wall time.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(Duration)}; cheap on virtual threads. */
    Sleeper SYSTEM = d -> {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    };

    /**
     * Waits for {@code duration}; returns at once for zero or negative durations.
     *
     * @throws InterruptedException when the waiting thread is interrupted (a stopped campaign, a shutdown)
     */
    void sleep(Duration duration) throws InterruptedException;
}

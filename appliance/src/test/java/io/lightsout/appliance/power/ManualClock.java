package io.lightsout.appliance.power;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shared {@link io.lightsout.testkit.ManualClock} with a {@link Sleeper}: its {@link #sleeper()} advances the
 * clock instead of waiting, and records the waits.
 */
public final class ManualClock extends io.lightsout.testkit.ManualClock {

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    public ManualClock(Instant start) {
        super(start);
    }

    public Sleeper sleeper() {
        return d -> {
            if (d.isPositive()) {
                sleeps.add(d);
                advance(d);
            }
        };
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}

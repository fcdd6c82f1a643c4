package io.lightsout.appliance.power;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A clock that moves only when told; its {@link #sleeper()} advances it instead of waiting, and records waits. */
public final class ManualClock extends Clock {

    private Instant now;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock is always UTC");
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

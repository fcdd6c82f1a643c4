package io.lightsout.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test moves it: schedules, expiries and timeouts become exact instead of
 * depending on wall time. Safe to read from other threads.
 */
public class ManualClock extends Clock {
    private volatile Instant now;

    /** A clock standing at a fixed instant of the project's test time. */
    public ManualClock() {
        this(Instant.parse("2026-11-23T10:00:00Z"));
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public void advance(long millis) {
        advance(Duration.ofMillis(millis));
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
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
}

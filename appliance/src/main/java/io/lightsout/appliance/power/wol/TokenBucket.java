package io.lightsout.appliance.power.wol;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket written as the generic cell rate algorithm: one packet every {@code 1/rate} seconds with a burst
 * of {@code burst} packets. Callers reserve a send time instead of polling, so many virtual threads can share one
 * bucket and each sleeps exactly until its slot. Thread-safe.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long toleranceNanos;
    private Instant theoreticalArrival = Instant.MIN;

    public TokenBucket(double packetsPerSecond, int burst) {
        check(packetsPerSecond, burst);
        this.intervalNanos = Math.max(1, Math.round(1e9 / packetsPerSecond));
        this.toleranceNanos = (burst - 1) * intervalNanos;
    }

    /** Validates a rate and burst as the constructor does, for configuration records. */
    static void check(double packetsPerSecond, int burst) {
        if (!(packetsPerSecond > 0) || packetsPerSecond > 1e9) {
            throw new IllegalArgumentException("rate must be > 0 and <= 1e9 packets/s, was " + packetsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
    }

    /**
     * Takes the next free slot not earlier than {@code earliest} and returns when the packet may go.
     */
    public synchronized Instant reserve(Instant earliest) {
        Instant tat = theoreticalArrival.isBefore(earliest) ? earliest : theoreticalArrival;
        Instant allowed = tat.minusNanos(toleranceNanos);
        Instant sendAt = allowed.isAfter(earliest) ? allowed : earliest;
        theoreticalArrival = tat.plusNanos(intervalNanos);
        return sendAt;
    }

    /**
     * Like {@link #reserve} with burst 1 semantics for a single sender that may oversleep: a slot up to
     * {@code catchUp} in the past is still granted (the caller sends at once), so time lost to a late wake-up is
     * made up and the long-run rate is the configured one; after a longer idle time the schedule restarts at
     * {@code now}, so there is no burst beyond {@code catchUp}'s worth.
     */
    public synchronized Instant reserveCatchingUp(Instant now, Duration catchUp) {
        Instant tat = theoreticalArrival.isBefore(now.minus(catchUp)) ? now : theoreticalArrival;
        Instant allowed = tat.minusNanos(toleranceNanos);
        theoreticalArrival = tat.plusNanos(intervalNanos);
        return allowed;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}

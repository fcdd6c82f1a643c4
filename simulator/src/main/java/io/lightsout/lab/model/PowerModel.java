package io.lightsout.lab.model;

import io.lightsout.lab.PowerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Host power with realistic delays, computed lazily from an injected clock (no timer per BMC, so 10,000 of
 * them cost nothing while idle). A request queues steps (e.g. a power cycle is "off after d/4, on after d");
 * reading settles every step whose time has come. A settled "on" step is a boot: it consumes the one-time
 * boot override and is counted.
 */
public final class PowerModel {

    /** What a client can ask for; vendor mappers translate their codes to these. */
    public enum Action { ON, OFF_HARD, OFF_GRACEFUL, CYCLE, RESET }

    private record Step(PowerState state, Instant at, boolean boot) {
    }

    private final Clock clock;
    private final Duration delay;
    private final Deque<Step> steps = new ArrayDeque<>();
    private PowerState settled;
    private int boots;
    private String bootOverride;
    private String lastBootSource;

    public PowerModel(Clock clock, Duration delay, PowerState initial) {
        this.clock = clock;
        this.delay = delay;
        this.settled = initial;
    }

    /** The settled state now. */
    public synchronized PowerState state() {
        settle();
        return settled;
    }

    /** True while a requested change has not completed. */
    public synchronized boolean transitioning() {
        settle();
        return !steps.isEmpty();
    }

    /**
     * Requests a change; returns false (and changes nothing) when it is not a valid transition from the state
     * the host is heading to (power on when on, off when off, cycle/reset when off).
     */
    public synchronized boolean request(Action action) {
        settle();
        PowerState heading = steps.isEmpty() ? settled : steps.peekLast().state;
        Instant now = clock.instant();
        Duration quick = delay.dividedBy(4);
        switch (action) {
            case ON -> {
                if (heading == PowerState.ON) {
                    return false;
                }
                steps.add(new Step(PowerState.ON, now.plus(delay), true));
            }
            case OFF_HARD, OFF_GRACEFUL -> {
                if (heading == PowerState.OFF) {
                    return false;
                }
                steps.clear();
                steps.add(new Step(PowerState.OFF, now.plus(action == Action.OFF_HARD ? quick : delay), false));
            }
            case CYCLE -> {
                if (heading == PowerState.OFF) {
                    return false;
                }
                steps.clear();
                steps.add(new Step(PowerState.OFF, now.plus(quick), false));
                steps.add(new Step(PowerState.ON, now.plus(quick).plus(delay), true));
            }
            case RESET -> {
                if (heading == PowerState.OFF) {
                    return false;
                }
                steps.clear();
                steps.add(new Step(PowerState.ON, now.plus(quick), true));
            }
        }
        return true;
    }

    /** Sets the state at once (tests, state file); pending steps are dropped. */
    public synchronized void force(PowerState state) {
        steps.clear();
        settled = state;
    }

    /** Sets a one-time boot override consumed by the next boot (e.g. "PXE", "ISO:nfs://..."). */
    public synchronized void setBootOverride(String source) {
        this.bootOverride = source;
    }

    public synchronized String bootOverride() {
        return bootOverride;
    }

    /** How many boots have completed since start. */
    public synchronized int boots() {
        settle();
        return boots;
    }

    /** What the last completed boot booted from ("HDD" unless an override was set), or null. */
    public synchronized String lastBootSource() {
        settle();
        return lastBootSource;
    }

    private void settle() {
        Instant now = clock.instant();
        while (!steps.isEmpty() && !steps.peekFirst().at.isAfter(now)) {
            Step s = steps.pollFirst();
            settled = s.state;
            if (s.boot) {
                boots++;
                lastBootSource = bootOverride == null ? "HDD" : bootOverride;
                bootOverride = null;
            }
        }
    }
}

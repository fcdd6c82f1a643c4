package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.appliance.bmc.ReachabilityProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * The engine's view of one window being run: target states (loaded from the store, saved through it), the targets
 * never attempted (per {@link ReadPath} and site, handed out as the pace makes room for them) and when each target
 * already attempted is next due for a check. Transitions take effect when {@linkplain #record recorded} and reach the store
 * through a {@link StateWriter}, in batches, behind the engine; but a target is never handed out again (as due)
 * while its last transition is not written: whatever the engine does next to a target, the store already knows
 * what came before. Used by the engine's own thread only.
 */
final class CampaignRun {

    private final CampaignSpec spec;
    private final Occurrence window;
    private final String runId;
    private final CampaignStore store;
    private final Map<String, BmcTarget> targets = new HashMap<>();
    private final Map<String, TargetState> states = new HashMap<>();
    /** Targets never attempted, per way they are read, each site in target order and the sites in turn. */
    private final Map<ReadPath, SiteRotation> neverAttempted = new EnumMap<>(Map.of(
            ReadPath.BMC, new SiteRotation(), ReadPath.PROBE, new SiteRotation()));
    /** The one valid next check per target; {@link #checks} may hold stale entries, skipped when they surface. */
    private final Map<String, Instant> nextCheck = new HashMap<>();
    private final PriorityQueue<Check> checks = new PriorityQueue<>(
            Comparator.comparing(Check::at).thenComparing(Check::order));
    private final Map<String, Integer> order = new HashMap<>();
    private final StateWriter writer;
    /** Due, but their last transition is still being written. */
    private final List<BmcTarget> heldBack = new ArrayList<>();
    private int open;

    private record Check(Instant at, int order, String nodeId) {
    }

    /** Loads the run's saved states; {@code writes} runs the store writes (and hands readings to {@code sink}). */
    CampaignRun(CampaignSpec spec, Occurrence window, CampaignStore store, ReadingSink sink, Executor writes) {
        this.spec = spec;
        this.window = window;
        this.runId = spec.id() + "@" + window.start();
        this.store = store;
        this.writer = new StateWriter(store, runId, sink, writes);
        Map<String, TargetState> saved = store.load(runId);
        for (BmcTarget t : spec.targets()) {
            TargetState s = saved.getOrDefault(t.nodeId(), TargetState.pending(t.nodeId()));
            targets.put(t.nodeId(), t);
            order.put(t.nodeId(), order.size());
            states.put(t.nodeId(), s);
            if (s.terminal()) {
                continue;
            }
            open++;
            if (s.attempts() == 0) {
                neverAttempted.get(ReadPath.of(t)).add(t);
            } else {
                // after a restart a target already attempted is read again before anything is re-sent
                schedule(t, window.start());
            }
        }
    }

    CampaignSpec spec() {
        return spec;
    }

    Occurrence window() {
        return window;
    }

    String runId() {
        return runId;
    }

    TargetState state(BmcTarget target) {
        return states.get(target.nodeId());
    }

    /** Where a target stands in the campaign's list (send order). */
    int order(BmcTarget target) {
        return order.get(target.nodeId());
    }

    /** Records one transition and waits until it and everything recorded before are written. */
    void save(TargetState state) throws InterruptedException {
        saveAll(List.of(state));
    }

    /** Records the results of one step and waits until they (and anything recorded before) are written. */
    void saveAll(List<TargetState> batch) throws InterruptedException {
        record(batch);
        writer.flush();
    }

    /** Notes what a read saw on the node, for the nodes' own power state; written with the next write. */
    void noteReading(BmcTarget target, PowerReading reading) {
        if (reading.state() != PowerState.UNKNOWN) {
            writer.reading(target.nodeId(), reading);
        }
    }

    /** Takes transitions into effect for the engine now; the store gets them with a later write. */
    void record(List<TargetState> batch) {
        for (TargetState state : batch) {
            TargetState before = states.put(state.nodeId(), state);
            writer.record(state);
            if (state.terminal()) {
                nextCheck.remove(state.nodeId());
                if (!before.terminal()) {
                    open--;
                }
            }
        }
    }

    /** Starts writing what is recorded (one commit) unless a write is under way; does not wait. */
    void write() {
        writer.start();
    }

    /** Waits until everything recorded is written. */
    void flush() throws InterruptedException {
        writer.flush();
    }

    /**
     * How a target's power state is read before its first power-on. The two take very different times (a BMC call,
     * a first TLS handshake among them, against a TCP connect or a ping), so each has its own read-ahead: slow BMC
     * reads never hold up the BMC-less targets behind them.
     */
    enum ReadPath {
        /** Over WS-Man, from the node's BMC. */
        BMC,
        /** By probing the OS of a BMC-less node. */
        PROBE;

        static ReadPath of(BmcTarget target) {
            return target.type().hasBmc() ? BMC : PROBE;
        }
    }

    /**
     * The next target never attempted that is read along {@code path}: in target order within its site, the sites
     * in turn ({@link SiteRotation}); the caller reads it and then sends or settles it.
     */
    Optional<BmcTarget> nextFirstAttempt(ReadPath path) {
        return neverAttempted.get(path).poll();
    }

    /** How many targets read along {@code path} were never attempted. */
    int firstAttemptsLeft(ReadPath path) {
        return neverAttempted.get(path).size();
    }

    /**
     * Up to {@code max} targets whose check is due by {@code now}, earliest first; each is taken off the schedule (the
     * others stay due). A target whose last
     * transition is not written yet is held back (and its write started) until it is: the caller never waits for
     * the store here.
     */
    List<BmcTarget> takeDue(Instant now, int max) {
        List<BmcTarget> due = new ArrayList<>();
        heldBack.removeIf(t -> due.size() < max && !writer.unwritten(t.nodeId()) && due.add(t));
        while (due.size() < max && !checks.isEmpty() && !checks.peek().at().isAfter(now)) {
            Check c = checks.poll();
            if (c.at().equals(nextCheck.get(c.nodeId()))) {
                nextCheck.remove(c.nodeId());
                BmcTarget t = targets.get(c.nodeId());
                if (states.get(c.nodeId()).terminal()) {
                    continue;
                }
                (writer.unwritten(c.nodeId()) ? heldBack : due).add(t);
            }
        }
        if (!heldBack.isEmpty()) {
            writer.start();
        }
        return due;
    }

    /** Whether due targets are waiting for their last transition to be written. */
    boolean holdsBack() {
        return !heldBack.isEmpty();
    }

    boolean allTerminal() {
        return open == 0;
    }

    /** When the earliest scheduled check is due, if any is. */
    Optional<Instant> nextDue() {
        while (!checks.isEmpty() && !checks.peek().at().equals(nextCheck.get(checks.peek().nodeId()))) {
            checks.poll();
        }
        return Optional.ofNullable(checks.peek()).map(Check::at);
    }

    /** Whether a power-on should go out now: the first one, or a retry whose delay has passed. */
    boolean sendDue(TargetState state, Instant now) {
        if (state.attempts() == 0) {
            return true;
        }
        return state.attempts() <= spec.retries().count()
                && !now.isBefore(state.lastAttemptAt().orElseThrow().plus(spec.retries().delay()));
    }

    /** Next check: the verify interval, or sooner when a retry falls due before it. */
    void scheduleCheck(BmcTarget target, Instant from) {
        TargetState state = state(target);
        if (state.terminal()) {
            return;
        }
        Instant next = from.plus(spec.verifyInterval());
        if (state.attempts() > 0 && state.attempts() <= spec.retries().count()) {
            Instant retry = state.lastAttemptAt().orElseThrow().plus(spec.retries().delay());
            next = retry.isBefore(next) ? retry : next;
        }
        schedule(target, next);
    }

    private void schedule(BmcTarget target, Instant at) {
        nextCheck.put(target.nodeId(), at);
        checks.add(new Check(at, order(target), target.nodeId()));
    }

    /** At the deadline every target still waiting fails, with the most specific reason known (one commit). */
    void closeWindow(Instant now) throws InterruptedException {
        List<TargetState> closed = new ArrayList<>();
        for (BmcTarget t : spec.targets()) {
            TargetState s = state(t);
            if (s.terminal()) {
                continue;
            }
            if (s.status() == TargetStatus.SENT) {
                closed.add(s.failed(FailureReason.NOT_VERIFIED_BY_DEADLINE, now, notSeenOn(t, s)));
            } else if (s.attempts() == 0) {
                closed.add(s.failed(FailureReason.NOT_VERIFIED_BY_DEADLINE, now, "not reached before the deadline"));
            } else {
                FailureReason reason = s.lastError().filter(e -> e == BmcException.Reason.BMC_ERROR).isPresent()
                        ? FailureReason.BMC_ERROR : FailureReason.NO_ANSWER;
                closed.add(s.failed(reason, now, s.detail()));
            }
        }
        saveAll(closed);
        neverAttempted.values().forEach(SiteRotation::clear);
    }

    /** Why a target that was sent a power-on failed; nothing acknowledges a magic packet, so WoL says what was seen. */
    private static String notSeenOn(BmcTarget t, TargetState s) {
        if (s.method().filter(m -> m == WakeMethod.WOL).isEmpty()) {
            return "power-on accepted " + s.attempts() + " time(s) but not seen on by the deadline; last: "
                    + s.detail();
        }
        String where = t.wol().map(w -> switch (w.probe()) {
            case ReachabilityProbe.TcpConnect c -> "on " + c.host().getHostAddress() + ":" + c.port();
            case ReachabilityProbe.IcmpEcho e -> "to ping from " + e.host().getHostAddress();
        }).orElse("from its OS");
        return "magic packets sent " + s.attempts() + " time(s), no answer " + where + " by the deadline; last: "
                + s.detail();
    }

    /** States in target order. */
    List<TargetState> states() {
        return spec.targets().stream().map(this::state).toList();
    }
}

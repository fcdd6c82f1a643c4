package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's view of one window being run: target states (loaded from the store, saved through it) and when
 * each waiting target is next due. Used by the engine's own thread only.
 */
final class CampaignRun {

    private final CampaignSpec spec;
    private final Occurrence window;
    private final String runId;
    private final CampaignStore store;
    private final Map<String, TargetState> states = new HashMap<>();
    private final Map<String, Instant> nextCheck = new HashMap<>();

    CampaignRun(CampaignSpec spec, Occurrence window, CampaignStore store) {
        this.spec = spec;
        this.window = window;
        this.runId = spec.id() + "@" + window.start();
        this.store = store;
        Map<String, TargetState> saved = store.load(runId);
        for (BmcTarget t : spec.targets()) {
            states.put(t.nodeId(), saved.getOrDefault(t.nodeId(), TargetState.pending(t.nodeId())));
        }
    }

    /**
     * Spreads the first attempts over the window in batches of what the campaign's pace can send in one verify
     * interval, so each round reads only the batch it is about to wake (a fresh already-on check right before the
     * power-on) and verification of early batches is not held up by reading the whole fleet first.
     */
    void staggerFirstAttempts(Instant from) {
        long batch = Math.max(1, (long) Math.ceil(spec.powerOnsPerSecond() * spec.verifyInterval().toNanos() / 1e9));
        long k = 0;
        for (BmcTarget t : spec.targets()) {
            TargetState s = state(t);
            if (!s.terminal() && s.attempts() == 0) {
                nextCheck.put(t.nodeId(), from.plus(spec.verifyInterval().multipliedBy(k++ / batch)));
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

    void save(TargetState state) {
        saveAll(List.of(state));
    }

    /** Saves the results of one step together (one commit), before the engine acts on any of them. */
    void saveAll(List<TargetState> batch) {
        store.saveAll(runId, batch);
        for (TargetState state : batch) {
            states.put(state.nodeId(), state);
            if (state.terminal()) {
                nextCheck.remove(state.nodeId());
            }
        }
    }

    /** Targets not yet settled whose next check is due; after a (re)start every such target is due at once. */
    List<BmcTarget> due(Instant now) {
        List<BmcTarget> due = new ArrayList<>();
        for (BmcTarget t : spec.targets()) {
            Instant at = nextCheck.get(t.nodeId());
            if (!state(t).terminal() && (at == null || !at.isAfter(now))) {
                due.add(t);
            }
        }
        return due;
    }

    boolean allTerminal() {
        return states.values().stream().allMatch(TargetState::terminal);
    }

    Optional<Instant> nextDue() {
        return nextCheck.values().stream().min(Instant::compareTo);
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
        nextCheck.put(target.nodeId(), next);
    }

    void deferTo(BmcTarget target, Instant at) {
        nextCheck.put(target.nodeId(), at);
    }

    /** At the deadline every target still waiting fails, with the most specific reason known. */
    void closeWindow(Instant now) {
        for (BmcTarget t : spec.targets()) {
            TargetState s = state(t);
            if (s.terminal()) {
                continue;
            }
            if (s.status() == TargetStatus.SENT) {
                save(s.failed(FailureReason.NOT_VERIFIED_BY_DEADLINE, now, "power-on accepted " + s.attempts()
                        + " time(s) but not seen on by the deadline; last: " + s.detail()));
            } else if (s.attempts() == 0) {
                save(s.failed(FailureReason.NOT_VERIFIED_BY_DEADLINE, now, "not reached before the deadline"));
            } else {
                FailureReason reason = s.lastError().filter(e -> e == BmcException.Reason.BMC_ERROR).isPresent()
                        ? FailureReason.BMC_ERROR : FailureReason.NO_ANSWER;
                save(s.failed(reason, now, s.detail()));
            }
        }
    }

    /** States in target order. */
    List<TargetState> states() {
        return spec.targets().stream().map(this::state).toList();
    }
}

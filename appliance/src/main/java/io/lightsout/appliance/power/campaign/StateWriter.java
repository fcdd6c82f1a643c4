package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.PowerReading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's recorded transitions to the store behind the engine, so that a slow commit (a busy disk, a
 * contended database) never holds up the paced sender: one write at a time, everything recorded meanwhile
 * coalesced into the next one (the latest state per target). The engine waits only where it must: before it acts
 * again on a target whose last transition is not written yet, and at the end of the window. A failed write is
 * final: every later call throws, and nothing recorded after it is written (as after a crash). The power readings
 * the engine notes for the nodes go along with the writes (at most every {@link #READINGS_EVERY}, and at every
 * flush), after the states, to the {@link ReadingSink}; a failure there is only logged. Used by the engine's own thread only; the writes themselves run on the given
 * executor.
 */
final class StateWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);
    /** How often the noted power readings are written along with the states, at most (all of them at a flush). */
    static final java.time.Duration READINGS_EVERY = java.time.Duration.ofSeconds(1);

    private final CampaignStore store;
    private final String runId;
    private final ReadingSink sink;
    private final Executor writes;
    private final Map<String, TargetState> pending = new LinkedHashMap<>();
    private final Map<String, PowerReading> readings = new LinkedHashMap<>();
    private Set<String> writing = Set.of();
    private CompletableFuture<Void> write = CompletableFuture.completedFuture(null);
    /** When readings were last handed to a write ({@link System#nanoTime}). */
    private long readingsWrittenAt = System.nanoTime();

    StateWriter(CampaignStore store, String runId, ReadingSink sink, Executor writes) {
        this.store = store;
        this.runId = runId;
        this.sink = sink;
        this.writes = writes;
    }

    void record(TargetState state) {
        pending.put(state.nodeId(), state);
    }

    /** Notes a node's power reading for the sink; the latest per node goes with the next write. */
    void reading(String nodeId, PowerReading reading) {
        readings.put(nodeId, reading);
    }

    /** Whether the target's last recorded transition is not known to be written yet. */
    boolean unwritten(String nodeId) {
        return pending.containsKey(nodeId) || !write.isDone() && writing.contains(nodeId);
    }

    /** Starts writing what is recorded, in one commit, unless a write is still under way; never waits. */
    void start() {
        start(false);
    }

    /**
     * Starts a write unless one is under way. The readings go along at most every {@link #READINGS_EVERY}, or now
     * with {@code allReadings}: they only refresh what the node list shows, and each write of them is a commit of its
     * own that a run sending hundreds of power-ons a second is better off without.
     */
    private void start(boolean allReadings) {
        throwIfFailed();
        long now = System.nanoTime();
        boolean withReadings = !readings.isEmpty()
                && (allReadings || now - readingsWrittenAt >= READINGS_EVERY.toNanos());
        if (!write.isDone() || pending.isEmpty() && !withReadings) {
            return;
        }
        List<TargetState> batch = List.copyOf(pending.values());
        Map<String, PowerReading> read = withReadings ? Map.copyOf(readings) : Map.of();
        writing = Set.copyOf(pending.keySet());
        pending.clear();
        if (withReadings) {
            readings.clear();
            readingsWrittenAt = now;
        }
        write = CompletableFuture.runAsync(() -> {
            if (!batch.isEmpty()) {
                store.saveAll(runId, batch);
            }
            if (!read.isEmpty()) {
                recordReadings(read);
            }
        }, writes);
        throwIfFailed(); // an executor that writes on this thread has already failed
    }

    private void recordReadings(Map<String, PowerReading> read) {
        try {
            sink.recordAll(read);
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: the power states it read were not recorded on {} node(s): {}", runId, read.size(),
                    e.toString());
        }
    }

    /** Waits until everything recorded so far, readings included, is written. */
    void flush() throws InterruptedException {
        await();
        start(true);
        await();
    }

    private void await() throws InterruptedException {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
    }

    private void throwIfFailed() {
        if (write.isCompletedExceptionally()) {
            throw failed(write.exceptionNow());
        }
    }

    private static IllegalStateException failed(Throwable cause) {
        return new IllegalStateException("campaign state not saved: " + cause.getMessage(), cause);
    }
}

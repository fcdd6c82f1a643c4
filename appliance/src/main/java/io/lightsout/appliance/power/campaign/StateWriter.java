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
 * the engine notes for the nodes go along with the same writes, after the states, to the {@link ReadingSink}; a
 * failure there is only logged. Used by the engine's own thread only; the writes themselves run on the given
 * executor.
 */
final class StateWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);

    private final CampaignStore store;
    private final String runId;
    private final ReadingSink sink;
    private final Executor writes;
    private final Map<String, TargetState> pending = new LinkedHashMap<>();
    private final Map<String, PowerReading> readings = new LinkedHashMap<>();
    private Set<String> writing = Set.of();
    private CompletableFuture<Void> write = CompletableFuture.completedFuture(null);

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
        throwIfFailed();
        if (!write.isDone() || pending.isEmpty() && readings.isEmpty()) {
            return;
        }
        List<TargetState> batch = List.copyOf(pending.values());
        Map<String, PowerReading> read = Map.copyOf(readings);
        writing = Set.copyOf(pending.keySet());
        pending.clear();
        readings.clear();
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

    /** Waits until everything recorded so far is written. */
    void flush() throws InterruptedException {
        await();
        start();
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

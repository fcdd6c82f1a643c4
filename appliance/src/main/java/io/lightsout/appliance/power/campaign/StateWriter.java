package io.lightsout.appliance.power.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Writes a run's recorded transitions to the store behind the engine, so that a slow commit (a busy disk, a
 * contended database) never holds up the paced sender: one write at a time, everything recorded meanwhile
 * coalesced into the next one (the latest state per target). The engine waits only where it must: before it acts
 * again on a target whose last transition is not written yet, and at the end of the window. A failed write is
 * final: every later call throws, and nothing recorded after it is written (as after a crash). Used by the
 * engine's own thread only; the writes themselves run on the given executor.
 */
final class StateWriter {

    private final CampaignStore store;
    private final String runId;
    private final Executor writes;
    private final Map<String, TargetState> pending = new LinkedHashMap<>();
    private Set<String> writing = Set.of();
    private CompletableFuture<Void> write = CompletableFuture.completedFuture(null);

    StateWriter(CampaignStore store, String runId, Executor writes) {
        this.store = store;
        this.runId = runId;
        this.writes = writes;
    }

    void record(TargetState state) {
        pending.put(state.nodeId(), state);
    }

    /** Whether the target's last recorded transition is not known to be written yet. */
    boolean unwritten(String nodeId) {
        return pending.containsKey(nodeId) || !write.isDone() && writing.contains(nodeId);
    }

    /** Starts writing what is recorded, in one commit, unless a write is still under way; never waits. */
    void start() {
        throwIfFailed();
        if (!write.isDone() || pending.isEmpty()) {
            return;
        }
        List<TargetState> batch = List.copyOf(pending.values());
        writing = Set.copyOf(pending.keySet());
        pending.clear();
        write = CompletableFuture.runAsync(() -> store.saveAll(runId, batch), writes);
        throwIfFailed(); // an executor that writes on this thread has already failed
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

package io.lightsout.appliance.nodes;

import io.lightsout.appliance.store.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes certificates pinned on first use, many pins to one commit. A campaign's first minute contacts hundreds of
 * BMCs a second for the first time, and each handshake pins: written one commit each, the commits cost the appliance
 * more CPU than anything it does for the BMC call itself (docs/performance.md). So the first pin waits
 * {@link #LINGER} for others, and its caller writes them all in one transaction while the others wait (group
 * commit); pins that arrive during that write are the next batch. A pin is stored before its handshake goes on.
 *
 * <p>A pin is only written over no pin ({@code cert_sha256 IS NULL}): when another connection pinned the node first,
 * the pin stands only if it is the same certificate.
 */
final class PinWriter {

    /** What became of a pin. */
    enum Outcome {
        /** Stored, or the node was pinned to this very certificate already. */
        PINNED,
        /** The node is pinned to another certificate (pinned first by another connection). */
        PINNED_OTHERWISE,
        /** The node is not in the registry (deleted meanwhile). */
        NO_NODE
    }

    private static final class Pin {
        final String nodeId;
        final String sha256;
        Outcome outcome;
        RuntimeException failure;

        Pin(String nodeId, String sha256) {
            this.nodeId = nodeId;
            this.sha256 = sha256;
        }

        boolean done() {
            return outcome != null || failure != null;
        }
    }

    /**
     * How long the first pin of a batch waits for others before the batch is written. Each commit writes a chunk
     * to the database file ({@code WRITE_DELAY=0}), which is most of what a pin costs; against the hundreds of
     * milliseconds of a first call to a BMC this wait is not seen, and at hundreds of first contacts a second it
     * puts several pins in each commit.
     */
    static final java.time.Duration LINGER = java.time.Duration.ofMillis(20);

    private final Jdbc jdbc;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Pins waiting for the next write (guarded by {@link #lock}). */
    private List<Pin> waiting = new ArrayList<>();
    /** A caller is writing a batch (guarded by {@link #lock}). */
    private boolean writing;

    PinWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the pin with whatever other pins are waiting, and returns once it is committed.
     *
     * @throws io.lightsout.appliance.store.StoreException when the database fails the write
     */
    Outcome pin(String nodeId, String sha256) {
        Pin pin = new Pin(nodeId, sha256);
        lock.lock();
        try {
            waiting.add(pin);
            while (!pin.done()) {
                if (!writing) {
                    writeWaiting();
                } else {
                    written.awaitUninterruptibly(); // a handshake thread: it has nothing else to do until stored
                }
            }
        } finally {
            lock.unlock();
        }
        if (pin.failure != null) {
            throw pin.failure;
        }
        return pin.outcome;
    }

    /**
     * Lets the pins arriving within {@link #LINGER} join, then takes the waiting pins and writes them outside the
     * lock; called with the lock held, returns with it held.
     */
    private void writeWaiting() {
        writing = true;
        lock.unlock();
        List<Pin> batch;
        try {
            Thread.sleep(LINGER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // write now; the caller's thread keeps its interrupt
        } finally {
            lock.lock();
            batch = waiting;
            waiting = new ArrayList<>();
            lock.unlock();
        }
        try {
            write(batch);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = e);
        } finally {
            lock.lock();
            writing = false;
            written.signalAll(); // the written pins' callers return; one of the others writes the next batch
        }
    }

    private void write(List<Pin> batch) {
        List<Outcome> outcomes = jdbc.transaction(tx -> {
            List<Outcome> inOrder = new ArrayList<>(batch.size());
            for (Pin p : batch) {
                int n = tx.update("UPDATE nodes SET cert_sha256 = ? WHERE id = ? AND cert_sha256 IS NULL", p.sha256,
                        p.nodeId);
                inOrder.add(n == 1 ? Outcome.PINNED : tx.queryOne("SELECT cert_sha256 FROM nodes WHERE id = ?",
                                rs -> rs.getString(1), p.nodeId)
                        .map(stored -> stored.equalsIgnoreCase(p.sha256) ? Outcome.PINNED : Outcome.PINNED_OTHERWISE)
                        .orElse(Outcome.NO_NODE));
            }
            return inOrder;
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome = outcomes.get(i);
        }
    }
}

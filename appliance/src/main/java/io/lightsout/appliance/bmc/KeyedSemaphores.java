package io.lightsout.appliance.bmc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One fair semaphore per key, created on first use and dropped when nobody holds or waits for it, so a fleet of
 * 10,000 BMCs does not keep 10,000 semaphores alive between jobs.
 */
final class KeyedSemaphores {

    private static final class Entry {
        final Semaphore semaphore;
        int users;

        Entry(int permits) {
            semaphore = new Semaphore(permits, true);
        }
    }

    private final int permits;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    KeyedSemaphores(int permits) {
        this.permits = permits;
    }

    boolean tryAcquire(String key, long timeoutNanos) throws InterruptedException {
        Entry entry = entries.compute(key, (k, e) -> {
            Entry result = e == null ? new Entry(permits) : e;
            result.users++;
            return result;
        });
        boolean acquired = false;
        try {
            acquired = entry.semaphore.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            return acquired;
        } finally {
            if (!acquired) {
                leave(key);
            }
        }
    }

    void release(String key) {
        Entry entry = entries.get(key);
        entry.semaphore.release();
        leave(key);
    }

    /** Keys currently held or waited for (for tests and metrics). */
    int activeKeys() {
        return entries.size();
    }

    private void leave(String key) {
        entries.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
}

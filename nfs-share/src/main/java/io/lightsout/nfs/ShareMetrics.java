package io.lightsout.nfs;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counters the share keeps while it runs; read through {@link NfsShare#metrics()}. */
final class ShareMetrics implements io.lightsout.nfs.rpc.CallCounters {
    private static final int WINDOW_SECONDS = 10;
    private static final int RECENT_MOUNTS = 50;

    private final Clock clock;
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder operations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLongArray perSecond = new AtomicLongArray(WINDOW_SECONDS + 1);
    private final AtomicLongArray secondOf = new AtomicLongArray(WINDOW_SECONDS + 1);
    private final Deque<MountEvent> mounts = new ArrayDeque<>();

    ShareMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void operation(boolean failed) {
        operations.increment();
        if (failed) {
            errors.increment();
        }
        long second = clock.millis() / 1000;
        int slot = (int) (second % perSecond.length());
        long seen = secondOf.get(slot);
        if (seen != second && secondOf.compareAndSet(slot, seen, second)) {
            perSecond.set(slot, 0);
        }
        perSecond.incrementAndGet(slot);
    }

    @Override
    public void read(long bytes) {
        bytesRead.add(bytes);
    }

    void mounted(MountEvent e) {
        synchronized (mounts) {
            mounts.addFirst(e);
            while (mounts.size() > RECENT_MOUNTS) {
                mounts.removeLast();
            }
        }
    }

    /** Operations per second over the last {@value #WINDOW_SECONDS} complete seconds. */
    double opsPerSecond() {
        long now = clock.millis() / 1000;
        long sum = 0;
        for (int i = 0; i < perSecond.length(); i++) {
            long s = secondOf.get(i);
            if (s < now && s >= now - WINDOW_SECONDS) {
                sum += perSecond.get(i);
            }
        }
        return sum / (double) WINDOW_SECONDS;
    }

    long bytesRead() {
        return bytesRead.sum();
    }

    long operations() {
        return operations.sum();
    }

    long errors() {
        return errors.sum();
    }

    List<MountEvent> recentMounts() {
        synchronized (mounts) {
            return List.copyOf(mounts);
        }
    }
}

package io.lightsout.appliance.bmc;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds calls in flight per BMC, per site and overall. Slots are taken in that fixed order (most specific first)
 * so two callers can never hold each other's next slot. Blocking is cheap on virtual threads: 10,000 waiting
 * campaign targets are 10,000 parked virtual threads, not 10,000 platform threads.
 */
public final class CallLimiter {

    /** Held slots; release exactly once. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final KeyedSemaphores perBmc;
    private final KeyedSemaphores perSite;
    private final Semaphore global;

    public CallLimiter(CallLimits limits) {
        this.perBmc = new KeyedSemaphores(limits.perBmc());
        this.perSite = new KeyedSemaphores(limits.perSite());
        this.global = new Semaphore(limits.global(), true);
    }

    /**
     * Waits up to {@code wait} for a slot at all three levels ({@code site} null: no per-site slot).
     *
     * @throws BmcException {@code BUSY} naming the level that stayed full
     */
    public Permit acquire(String bmcKey, String site, Duration wait) throws BmcException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (!perBmc.tryAcquire(bmcKey, deadline - System.nanoTime())) {
            throw busy("this BMC already has its maximum of calls in flight", wait);
        }
        if (site != null && !perSite.tryAcquire(site, deadline - System.nanoTime())) {
            perBmc.release(bmcKey);
            throw busy("site " + site + " has its maximum of calls in flight", wait);
        }
        if (!global.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (site != null) {
                perSite.release(site);
            }
            perBmc.release(bmcKey);
            throw busy("the appliance has its maximum of BMC calls in flight", wait);
        }
        return new Permit() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    global.release();
                    if (site != null) {
                        perSite.release(site);
                    }
                    perBmc.release(bmcKey);
                }
            }
        };
    }

    int activeKeys() {
        return perBmc.activeKeys() + perSite.activeKeys();
    }

    private static BmcException busy(String what, Duration wait) {
        return new BmcException(BmcException.Reason.BUSY, what + " (waited " + wait + ")");
    }
}

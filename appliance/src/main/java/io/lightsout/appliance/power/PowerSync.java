package io.lightsout.appliance.power;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.appliance.nodes.Node;
import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.nodes.NodeTargets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every node's power state fresh: a sweep reads each node (only reads: it never changes hardware state) within
 * the BMC call limits, every interval plus a random jitter. One failed read keeps the last known state (a BMC busy
 * for a moment is not news); {@code failuresBeforeUnknown} in a row make it UNKNOWN. A 401 makes it AUTH_FAILED at
 * once, and is written to the audit log once when the node enters that state, not on every sweep.
 */
public final class PowerSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PowerSync.class);
    private final NodeRegistry nodes;
    private final NodeTargets targets;
    private final PowerService power;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration firstDelay;
    private final Duration interval;
    private final Duration jitter;
    private final int failuresBeforeUnknown;
    private final int concurrency;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("power-sync").factory());
    private volatile Duration lastSweep = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicLong sweeps = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong overruns = new java.util.concurrent.atomic.AtomicLong();

    public PowerSync(NodeRegistry nodes, NodeTargets targets, PowerService power, AuditLog audit, Clock clock,
                     Duration firstDelay, Duration interval, Duration jitter, int failuresBeforeUnknown,
                     int concurrency) {
        if (firstDelay.isNegative() || !interval.isPositive() || jitter.isNegative() || failuresBeforeUnknown < 1
                || concurrency < 1) {
            throw new IllegalArgumentException("power sync: first delay >= 0, interval > 0, jitter >= 0,"
                    + " failures >= 1, concurrency >= 1");
        }
        this.firstDelay = firstDelay;
        this.nodes = nodes;
        this.targets = targets;
        this.power = power;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
        this.jitter = jitter;
        this.failuresBeforeUnknown = failuresBeforeUnknown;
        this.concurrency = concurrency;
    }

    /**
     * Schedules sweeps: the first after the first delay (so that nodes read NOT READ only briefly after a start),
     * each next one an interval (plus jitter) after the last ends.
     */
    public void start() {
        schedule(firstDelay.toMillis());
    }

    private void schedule(long delay) {
        timer.schedule(() -> {
            try {
                sweep();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("power sync sweep failed: {}", e.toString());
            }
            schedule(interval.toMillis() + (jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(
                    jitter.toMillis() + 1)));
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Reads every node once; returns how long it took. */
    public Duration sweep() throws InterruptedException {
        long t0 = System.nanoTime();
        List<String> ids = nodes.ids(NodeFilter.ALL);
        Semaphore slots = new Semaphore(concurrency);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ids) {
                slots.acquire();
                Future<?> ignored = threads.submit(() -> {
                    try {
                        syncOne(id);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.warn("power sync of node {} failed: {}", id, e.toString());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        lastSweep = took;
        sweeps.incrementAndGet();
        if (took.compareTo(interval) > 0) {
            overruns.incrementAndGet();
            LOG.warn("power sync: the sweep over {} nodes took {} s, longer than the interval of {} s; raise"
                    + " power.sync-interval or the BMC limits", ids.size(), took.toSeconds(), interval.toSeconds());
        }
        return took;
    }

    private void syncOne(String id) throws InterruptedException {
        Node node = nodes.find(id).orElse(null);
        if (node == null) {
            return;
        }
        PowerReading r = power.read(targets.target(node));
        PowerState before = node.powerState();
        if (r.state() == PowerState.UNKNOWN) {
            int n = failures.merge(id, 1, Integer::sum);
            if (n < failuresBeforeUnknown && before != PowerState.UNKNOWN) {
                return; // keep the last known state for now
            }
        } else {
            failures.remove(id);
        }
        nodes.recordPower(id, r);
        if (r.state() == PowerState.AUTH_FAILED && before != PowerState.AUTH_FAILED) {
            audit.failure("power-sync", "node.auth-failed", node.name(), r.detail(), null);
        } else if (r.state() == PowerState.UNKNOWN && before != PowerState.UNKNOWN) {
            LOG.info("node {} is UNKNOWN after {} failed reads: {}", node.name(), failuresBeforeUnknown, r.detail());
        }
    }

    /** Prometheus lines: the last sweep's duration and counts. */
    public void render(StringBuilder out) {
        out.append("# HELP lightsout_power_sync_sweep_seconds Duration of the last power-state sweep.\n")
                .append("# TYPE lightsout_power_sync_sweep_seconds gauge\nlightsout_power_sync_sweep_seconds ")
                .append(lastSweep.toMillis() / 1000.0).append('\n')
                .append("# HELP lightsout_power_sync_sweeps_total Sweeps done.\n")
                .append("# TYPE lightsout_power_sync_sweeps_total counter\nlightsout_power_sync_sweeps_total ")
                .append(sweeps.get()).append('\n')
                .append("# HELP lightsout_power_sync_overruns_total Sweeps that took longer than the interval.\n")
                .append("# TYPE lightsout_power_sync_overruns_total counter\nlightsout_power_sync_overruns_total ")
                .append(overruns.get()).append('\n');
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

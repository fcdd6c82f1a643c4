package io.lightsout.appliance.bmc;

import io.lightsout.appliance.error.ErrorReference;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to reach a driver: picks it from the registry, checks that it supports the command, takes a slot
 * from the {@link CallLimiter} and runs the call on its own virtual thread with the configured timeout. A call
 * that times out is interrupted; its slot is released only when the driver really returns, so a stuck BMC
 * never gets more than its share of calls in flight.
 */
public final class BmcExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(BmcExecutor.class);

    private final DriverRegistry registry;
    private final CallLimiter limiter;
    private final CallLimits limits;

    public BmcExecutor(DriverRegistry registry, CallLimits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.limiter = new CallLimiter(limits);
    }

    /** The bounds every call is made within. */
    public CallLimits limits() {
        return limits;
    }

    /** Whether the node's driver exists and supports {@code command} (no I/O). */
    public boolean supports(BmcTarget target, BmcCommand<?> command) {
        try {
            return registry.driverFor(target.type()).supports(command);
        } catch (BmcException e) {
            return false;
        }
    }

    /**
     * Executes {@code command} on {@code target}'s driver within the limits and the call timeout.
     *
     * @throws BmcException         {@code UNSUPPORTED}, {@code BUSY}, {@code TIMEOUT} or whatever the driver threw
     * @throws InterruptedException when the caller is interrupted while waiting
     */
    public <R> R execute(BmcTarget target, BmcCommand<R> command) throws BmcException, InterruptedException {
        BmcDriver driver = registry.driverFor(target.type());
        if (!driver.supports(command)) {
            throw new BmcException(BmcException.Reason.UNSUPPORTED,
                    target.type() + " driver does not support " + command);
        }
        // Probes and magic packets of BMC-less nodes are not BMC calls: no per-site share (packets are paced per
        // subnet by the sender), so a site's off desktops, whose probes wait out their timeout, cannot starve it.
        CallLimiter.Permit permit = limiter.acquire(target.bmcKey(),
                target.type().hasBmc() ? target.site() : null, limits.queueTimeout());
        FutureTask<R> call = new FutureTask<>(() -> {
            try {
                return driver.execute(target, command);
            } finally {
                permit.close();
            }
        });
        try {
            Thread.ofVirtual().name("bmc-call-" + target.nodeId()).start(call);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        try {
            return call.get(limits.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new BmcException(BmcException.Reason.TIMEOUT, command + " on node " + target.nodeId()
                    + " did not finish within " + limits.callTimeout(), null, null);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), command + " on node " + target.nodeId());
        }
    }

    private static BmcException unwrap(Throwable cause, String what) {
        if (cause instanceof BmcException b) {
            return b;
        }
        if (cause instanceof InterruptedException) {
            return new BmcException(BmcException.Reason.TIMEOUT, "call interrupted", null, cause);
        }
        if (cause instanceof Error err) {
            throw err;
        }
        // a driver bug, not a device answer: its text stays in the log, the caller gets a reference to it
        return new BmcException(BmcException.Reason.BMC_ERROR, "driver failed: " + ErrorReference.log(LOG, what,
                cause), null, cause);
    }
}

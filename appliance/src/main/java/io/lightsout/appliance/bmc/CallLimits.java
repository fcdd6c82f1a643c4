package io.lightsout.appliance.bmc;

import java.time.Duration;

/**
 * Concurrency and time bounds for BMC calls.
 *
 * @param perBmc       calls in flight to one BMC (1 or 2: BMCs are small computers and drop sessions under load)
 * @param perSite      BMC calls in flight to one site (a remote site's WAN link and its BMCs' switch); probes and
 *                     magic packets of BMC-less nodes do not count here
 * @param global       calls in flight overall
 * @param callTimeout  the longest one call may take; never disabled
 * @param queueTimeout the longest a call waits for a free slot before failing as BUSY
 */
public record CallLimits(int perBmc, int perSite, int global, Duration callTimeout, Duration queueTimeout) {

    public static final CallLimits DEFAULT = new CallLimits(2, 64, 512, Duration.ofSeconds(60), Duration.ofMinutes(10));

    public CallLimits {
        if (perBmc < 1 || perBmc > 2) {
            throw new IllegalArgumentException("bmc.limit.per-bmc must be 1 or 2, was " + perBmc);
        }
        if (perSite < 1 || global < 1 || perSite > global) {
            throw new IllegalArgumentException("bmc.limit.per-site and bmc.limit.global must be >= 1 and per-site"
                    + " <= global, were " + perSite + " and " + global);
        }
        if (callTimeout == null || !callTimeout.isPositive()) {
            throw new IllegalArgumentException("bmc.call-timeout must be positive, was " + callTimeout);
        }
        if (queueTimeout == null || queueTimeout.isNegative()) {
            throw new IllegalArgumentException("bmc.queue-timeout must not be negative, was " + queueTimeout);
        }
    }
}

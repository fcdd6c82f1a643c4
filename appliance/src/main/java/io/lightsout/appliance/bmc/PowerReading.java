package io.lightsout.appliance.bmc;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of {@link BmcCommand.GetPowerState}.
 *
 * @param state  the state read
 * @param source where it came from: the BMC itself, or an OS reachability probe (WoL-only nodes)
 * @param detail why the state is what it is, for UNKNOWN/AUTH_FAILED (e.g. "no answer on tcp/445 within 2s"),
 *               else a short description; never a credential
 * @param readAt when it was read (the executor's clock)
 */
public record PowerReading(PowerState state, Source source, String detail, Instant readAt) {

    /** Where a reading comes from. */
    public enum Source { BMC, PROBE }

    public PowerReading {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(readAt, "readAt");
    }
}

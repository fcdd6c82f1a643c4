package io.lightsout.wsman.profile;

import io.lightsout.wsman.WsmanAuthException;
import io.lightsout.wsman.WsmanException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One reading of a power state.
 *
 * @param state the state
 * @param rawValue the CIM value the device reported, if it reported one
 * @param detail why the state is UNKNOWN/AUTH_FAILED, or which property was read; never a secret
 */
public record PowerReading(PowerState state, OptionalInt rawValue, String detail) {

    public PowerReading {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rawValue, "rawValue");
        Objects.requireNonNull(detail, "detail");
    }

    /** A reading from a device value. */
    public static PowerReading of(PowerState state, int raw, String property) {
        return new PowerReading(state, OptionalInt.of(raw), property + "=" + raw);
    }

    /** The reading for a call that failed: AUTH_FAILED for refused credentials, UNKNOWN otherwise. */
    public static PowerReading failed(WsmanException e) {
        return new PowerReading(e instanceof WsmanAuthException ? PowerState.AUTH_FAILED : PowerState.UNKNOWN,
                OptionalInt.empty(), e.getMessage());
    }
}

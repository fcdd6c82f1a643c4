package io.lightsout.appliance.power;

import io.lightsout.appliance.bmc.BootDevice;
import java.util.Objects;
import java.util.Optional;

/**
 * A power operation, optionally preceded by a one-time boot override ("boot once to PXE, then power on" is
 * {@code new PowerRequest(ON, Optional.of(PXE))}; "... then cycle" is {@code (CYCLE, PXE)}).
 */
public record PowerRequest(PowerOperation operation, Optional<BootDevice> bootOnce) {

    public PowerRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(bootOnce, "bootOnce");
    }

    public static PowerRequest of(PowerOperation operation) {
        return new PowerRequest(operation, Optional.empty());
    }

    public String describe() {
        return bootOnce.map(d -> "boot once to " + d + ", then " + operation.label()).orElse(operation.label());
    }
}

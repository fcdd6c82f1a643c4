package io.lightsout.wsman;

import java.util.Optional;

/**
 * One item of an enumeration: the instance, its reference, or both (per {@link EnumerateOptions.Mode}).
 *
 * @param instance the instance, {@code null} in EPR mode
 * @param reference the instance's EPR, {@code null} in OBJECT mode
 */
public record EnumeratedItem(CimInstance instance, EndpointReference reference) {

    public Optional<CimInstance> instanceIfAny() {
        return Optional.ofNullable(instance);
    }

    public Optional<EndpointReference> referenceIfAny() {
        return Optional.ofNullable(reference);
    }
}

package io.lightsout.appliance.power.wol;

import java.util.Objects;
import java.util.Optional;

/** One node to wake: its NIC's MAC, the SecureOn password if the NIC requires one, and where to send. */
public record WakeRequest(MacAddress mac, Optional<SecureOnPassword> secureOn, WolDestination destination) {

    public WakeRequest {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(secureOn, "secureOn");
        Objects.requireNonNull(destination, "destination");
    }
}

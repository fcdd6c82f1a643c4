package io.lightsout.appliance.bmc;

import java.util.Optional;

/**
 * The result of a command that changes something: the BMC (or the network, for WoL) accepted it. It does not
 * mean the change has happened; callers verify by reading the state.
 *
 * @param detail what was done ("magic packet sent 3 times to 10.1.2.255:9", "iDRAC ReturnValue 0")
 * @param jobId  a BMC-side job id when the BMC created one (iDRAC JID_...)
 */
public record Accepted(String detail, Optional<String> jobId) {

    public static Accepted of(String detail) {
        return new Accepted(detail, Optional.empty());
    }
}

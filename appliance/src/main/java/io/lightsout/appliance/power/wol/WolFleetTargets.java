package io.lightsout.appliance.power.wol;

import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.ReachabilityProbe;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The lab's simulated BMC-less machines as campaign targets (for {@code demo}, integration tests and benchmarks):
 * unicast to each machine's own loopback address, verified by TCP connect to the fleet's verification port. The
 * appliance's WoL sender must use the fleet's UDP port.
 */
public final class WolFleetTargets {

    private WolFleetTargets() {
    }

    public static List<BmcTarget> of(WolFleet fleet, String site, Duration probeTimeout) {
        return fleet.machines().stream().map(m -> target(m, fleet.verifyPort(), site, probeTimeout)).toList();
    }

    private static BmcTarget target(WolMachine m, int verifyPort, String site, Duration probeTimeout) {
        var wol = new BmcTarget.WolEndpoint(MacAddress.parse(m.mac()), m.secureOn().map(SecureOnPassword::parse),
                new WolDestination.Unicast(m.address(), 24),
                new ReachabilityProbe.TcpConnect(m.address(), verifyPort, probeTimeout));
        return new BmcTarget("lab-" + m.address().getHostAddress(), NodeType.WOL_ONLY, site, Optional.empty(),
                Optional.of(wol));
    }
}

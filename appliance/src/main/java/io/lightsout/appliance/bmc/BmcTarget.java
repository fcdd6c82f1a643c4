package io.lightsout.appliance.bmc;

import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.SecureOnPassword;
import io.lightsout.appliance.power.wol.WolDestination;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as drivers see it: what manages it, where its BMC is, and how to wake it without one. Credentials are
 * not here: drivers that need them get them from the vault by {@link #nodeId()} when they call.
 *
 * @param nodeId     the appliance's stable id of the node
 * @param type       picks the driver
 * @param site       the site (remote location) the node belongs to, for per-site limits
 * @param bmcAddress host or host:port of the BMC, when the node has one
 * @param wol        how to wake it with a magic packet and check its OS, when known
 */
public record BmcTarget(String nodeId, NodeType type, String site, Optional<String> bmcAddress,
                        Optional<WolEndpoint> wol) {

    public BmcTarget {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(bmcAddress, "bmcAddress");
        Objects.requireNonNull(wol, "wol");
        if (type.hasBmc() && bmcAddress.isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + " of type " + type + " needs a BMC address");
        }
    }

    /** The key of the per-BMC limit: the BMC's address, or the node itself when it has none. */
    public String bmcKey() {
        return bmcAddress.orElse("node:" + nodeId);
    }

    /** The same node addressed as WoL-only, for campaigns that force wake-on-LAN on nodes with a BMC. */
    public BmcTarget asWolOnly() {
        return new BmcTarget(nodeId, NodeType.WOL_ONLY, site, Optional.empty(), wol);
    }

    /**
     * Wake-on-LAN facts of a node.
     *
     * @param mac         the NIC's MAC
     * @param secureOn    the NIC's SecureOn password, if it requires one (never printed)
     * @param destination where magic packets go
     * @param probe       how to check that the OS came up
     */
    public record WolEndpoint(MacAddress mac, Optional<SecureOnPassword> secureOn, WolDestination destination,
                              ReachabilityProbe probe) {
        public WolEndpoint {
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(secureOn, "secureOn");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(probe, "probe");
        }
    }
}

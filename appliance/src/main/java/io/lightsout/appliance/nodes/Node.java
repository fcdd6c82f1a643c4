package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.PowerState;
import java.time.Instant;
import java.util.List;

/**
 * A managed machine as stored. A BMC node is reached at {@code bmcAddress:bmcPort} over {@code bmcScheme} with
 * either a device credential profile or its own account (password in the vault); a BMC-less node is woken at
 * {@code mac} through {@code ip/prefixLength}. Secrets are only vault ids here.
 *
 * @param certSha256 the BMC certificate pinned on first use (null until the first TLS call)
 */
public record Node(String id, String name, NodeType type, String site, String bmcAddress, Integer bmcPort,
                   String bmcScheme, String credentialProfileId, String username, String passwordSecretId,
                   String certSha256, String mac, String ip, Integer prefixLength, Integer verifyPort,
                   String secureOnSecretId, List<String> tags, String serviceTag, PowerState powerState,
                   String powerDetail, Instant powerReadAt, Instant createdAt, Instant updatedAt) {

    /** {@code host:port} of the BMC, or null for a BMC-less node. */
    public String bmcEndpoint() {
        return bmcAddress == null ? null : bmcAddress + ":" + bmcPort;
    }

    /** This node as pinned to the BMC certificate {@code sha256}. */
    public Node withCertSha256(String sha256) {
        return new Node(id, name, type, site, bmcAddress, bmcPort, bmcScheme, credentialProfileId, username,
                passwordSecretId, sha256, mac, ip, prefixLength, verifyPort, secureOnSecretId, tags, serviceTag,
                powerState, powerDetail, powerReadAt, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Node[" + id + ", " + name + ", " + type + "]";
    }
}

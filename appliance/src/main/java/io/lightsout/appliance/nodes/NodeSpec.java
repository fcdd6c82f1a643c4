package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.NodeType;
import java.util.List;

/** A validated, normalised {@link NodeInput}: what the registry stores (secrets still in the clear, never logged). */
record NodeSpec(String name, NodeType type, String site, String address, Integer port, String scheme,
                String credentialProfileId, String username, String password, String mac, String ip,
                Integer prefixLength, Long ipNum, Integer verifyPort, String secureOn, List<String> tags,
                String serviceTag) {

    @Override
    public String toString() {
        return "NodeSpec[" + name + ", " + type + "]";
    }

    String tagColumn() {
        return "," + String.join(",", tags) + ",";
    }
}

package io.lightsout.appliance.nodes;

/**
 * A node as a caller describes it (a CSV row or a JSON body): text fields, validated by {@link NodeValidator}.
 * {@code toString} leaves the password and the SecureOn password out.
 *
 * @param type              IDRAC, AMT, DASH or WOL (no BMC)
 * @param address           the BMC's IPv4 address or host name (BMC nodes)
 * @param port              the BMC's WS-Man port (default 443 for iDRAC, 16993 for AMT/DASH)
 * @param scheme            https or http (default https, http for port 16992)
 * @param credentialProfile name or id of a device credential profile; or give username and password
 * @param mac               the NIC to wake (required without a BMC)
 * @param ip                last known IPv4 of the host (unicast wake-on-LAN and reachability checks)
 * @param prefixLength      the host's subnet prefix length (default 24)
 * @param verifyPort        TCP port that answers when the OS is up (BMC-less nodes; default 445)
 * @param secureOn          the NIC's SecureOn password, 6 bytes as {@code 11:22:33:44:55:66}
 * @param tags              tags separated by {@code ;} or spaces
 */
public record NodeInput(String name, String type, String site, String address, String port, String scheme,
                        String credentialProfile, String username, String password, String mac, String ip,
                        String prefixLength, String verifyPort, String secureOn, String tags, String serviceTag) {

    @Override
    public String toString() {
        return "NodeInput[" + name + ", " + type + ", " + (address != null ? address : mac) + "]";
    }
}

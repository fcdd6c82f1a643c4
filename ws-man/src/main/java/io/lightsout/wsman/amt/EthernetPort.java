package io.lightsout.wsman.amt;

/**
 * AMT_EthernetPortSettings.
 *
 * @param instanceId e.g. {@code Intel(r) AMT Ethernet Port Settings 0} (0 wired, 1 wireless)
 * @param mac the MAC as {@code 00:be:43:d8:22:a4} (AMT reports dashes; normalised to colons, upper case like iDRAC's:
 *            {@code 00:BE:43:D8:22:A4})
 * @param ipAddress the static/shared IP if reported, else {@code ""}
 * @param dhcpEnabled DHCPEnabled
 * @param linkUp LinkIsUp
 */
public record EthernetPort(String instanceId, String mac, String ipAddress, boolean dhcpEnabled, boolean linkUp) {

    /** Whether the port reports a real MAC (AMT lists an unused wireless port as {@code 00-00-00-00-00-00}). */
    public boolean hasMac() {
        return !mac.isEmpty() && !mac.chars().allMatch(c -> c == '0' || c == ':');
    }
}

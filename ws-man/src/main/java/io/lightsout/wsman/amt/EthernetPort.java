package io.lightsout.wsman.amt;

/**
 * AMT_EthernetPortSettings.
 *
 * @param instanceId e.g. {@code Intel(r) AMT Ethernet Port Settings 0} (0 wired, 1 wireless)
 * @param mac the MAC as {@code 00:be:43:d8:22:a4} (AMT reports dashes; normalized to colons, lower case)
 * @param ipAddress the static/shared IP if reported, else {@code ""}
 * @param dhcpEnabled DHCPEnabled
 * @param linkUp LinkIsUp
 */
public record EthernetPort(String instanceId, String mac, String ipAddress, boolean dhcpEnabled, boolean linkUp) {
}

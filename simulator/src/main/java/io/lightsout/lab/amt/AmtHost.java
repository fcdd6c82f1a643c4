package io.lightsout.lab.amt;

/**
 * The fixed identity of a simulated AMT client.
 *
 * @param hostName  host name reported in AMT_GeneralSettings
 * @param mac       wired NIC MAC, {@code AA:BB:CC:DD:EE:FF}
 * @param realm     Digest realm, {@code Digest:<32 hex>}
 * @param uuid      platform UUID
 * @param serial    chassis serial number (the lab's service tag for the host)
 */
public record AmtHost(String hostName, String mac, String realm, String uuid, String serial) {

    /** AMT writes MACs lower-case with dashes ({@code 00-be-43-d8-22-a4}). */
    public String amtMac() {
        return mac.toLowerCase().replace(':', '-');
    }
}

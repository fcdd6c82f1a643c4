package io.lightsout.wsman.idrac;

/**
 * {@code GetNetworkISOImageConnectionInfo}: what network ISO is attached.
 *
 * @param attached HostAttachedStatus = 1
 * @param bootedFromIso HostBootedFromISO = 1
 * @param ipAddress the share server (IPAddr), {@code ""} when none
 * @param shareName the share, {@code ""} when none
 * @param imageName the ISO file, {@code ""} when none
 */
public record IsoConnection(boolean attached, boolean bootedFromIso, String ipAddress, String shareName,
                            String imageName) {
}

package io.lightsout.wsman.idrac;

import java.util.Objects;

/**
 * An ISO on a network share, for BootToNetworkISO / ConnectNetworkISOImage.
 *
 * @param address the share server's IP address
 * @param shareName the export path (NFS) or share name (CIFS)
 * @param shareType NFS or CIFS
 * @param imageName the ISO file name within the share
 * @param userName CIFS user, or {@code null}
 * @param password CIFS password, or {@code null}; never logged
 * @param exposeDuration how long the ISO stays attached, as a CIM interval ({@code ddddddddhhmmss.mmmmmm:000}), or
 *     {@code null} for the device default
 */
public record NetworkIso(String address, String shareName, ShareType shareType, String imageName, String userName,
                         String password, String exposeDuration) {

    /** DCIM ShareType values. */
    public enum ShareType {
        NFS(0), CIFS(2);

        private final int code;

        ShareType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public NetworkIso {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(shareName, "shareName");
        Objects.requireNonNull(shareType, "shareType");
        Objects.requireNonNull(imageName, "imageName");
    }

    /** An anonymous NFS share, as the appliance exports. */
    public static NetworkIso nfs(String address, String exportPath, String imageName) {
        return new NetworkIso(address, exportPath, ShareType.NFS, imageName, null, null, null);
    }

    @Override
    public String toString() {
        return "NetworkIso[" + shareType + " " + address + ":" + shareName + "/" + imageName + "]";
    }
}

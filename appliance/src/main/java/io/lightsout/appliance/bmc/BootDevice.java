package io.lightsout.appliance.bmc;

/** Targets of a one-time boot override. */
public enum BootDevice {
    PXE,
    /** The virtual CD/ISO attached by the BMC (iDRAC BootToNetworkISO, AMT IDE-R). */
    ISO,
    /** Firmware setup. */
    BIOS,
    /** The first local disk. */
    DISK
}

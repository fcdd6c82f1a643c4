package io.lightsout.wsman.amt;

/** A one-time boot override through AMT. */
public enum BootTarget {
    /** Network boot: ChangeBootOrder to "Intel(r) AMT: Force PXE Boot". */
    PXE("Intel(r) AMT: Force PXE Boot"),
    /** Local hard drive: "Intel(r) AMT: Force Hard-drive Boot". */
    HARD_DRIVE("Intel(r) AMT: Force Hard-drive Boot"),
    /** Local CD/DVD: "Intel(r) AMT: Force CD/DVD Boot". */
    CD_DVD("Intel(r) AMT: Force CD/DVD Boot"),
    /** IDE-R CD (the console streams the ISO over the redirection port): UseIDER, IDERBootDevice 1. */
    IDER_CD(null),
    /** IDE-R floppy: UseIDER, IDERBootDevice 0. */
    IDER_FLOPPY(null),
    /** Enter BIOS setup: BIOSSetup true. */
    BIOS_SETUP(null);

    private final String bootSource;

    BootTarget(String bootSource) {
        this.bootSource = bootSource;
    }

    /** The CIM_BootSourceSetting InstanceID for ChangeBootOrder, or {@code null} when no boot order is forced. */
    public String bootSource() {
        return bootSource;
    }
}

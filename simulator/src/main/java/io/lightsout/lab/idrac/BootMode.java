package io.lightsout.lab.idrac;

/** The BIOS attribute {@code BootMode} of a simulated PowerEdge: legacy BIOS or UEFI (python-dracclient golden data). */
public enum BootMode {
    BIOS("Bios"), UEFI("Uefi");

    private final String value;

    BootMode(String value) {
        this.value = value;
    }

    /** The attribute value as an iDRAC reports it. */
    public String value() {
        return value;
    }
}

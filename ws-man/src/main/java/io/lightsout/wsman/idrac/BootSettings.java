package io.lightsout.wsman.idrac;

import java.util.List;
import java.util.Locale;

/**
 * The host's boot mode and the devices its one-time boot attributes accept, read from DCIM_BIOSEnumeration
 * ({@code BootMode}, and the PossibleValues of {@code OneTimeBootSeqDev} and {@code OneTimeUefiBootSeqDev}).
 *
 * @param mode        the BIOS attribute {@code BootMode}
 * @param biosDevices the legacy boot sequence devices (OneTimeBootSeqDev), in the BIOS's order
 * @param uefiDevices the UEFI boot sequence devices (OneTimeUefiBootSeqDev), in the BIOS's order
 */
public record BootSettings(Mode mode, List<String> biosDevices, List<String> uefiDevices) {

    /** BIOS attribute {@code BootMode}: {@code Bios} (legacy) or {@code Uefi}. */
    public enum Mode {
        BIOS, UEFI;

        /** The attribute value as an iDRAC spells it; null when it is neither. */
        public static Mode of(String value) {
            return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
                case "bios" -> BIOS;
                case "uefi" -> UEFI;
                default -> null;
            };
        }
    }

    public BootSettings {
        biosDevices = List.copyOf(biosDevices);
        uefiDevices = List.copyOf(uefiDevices);
    }

    /** The devices of the sequence the host boots in its current mode. */
    public List<String> devices() {
        return mode == Mode.UEFI ? uefiDevices : biosDevices;
    }
}

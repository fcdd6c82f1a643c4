package io.lightsout.wsman.idrac;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A one-time boot through the BIOS attributes: {@code OneTimeBootMode} and the device attribute that goes with
 * it. In legacy mode that is {@code OneTimeBootSeq} + {@code OneTimeBootSeqDev}; in UEFI mode
 * {@code OneTimeUefiBootSeq} + {@code OneTimeUefiBootSeqDev}. An iDRAC refuses the other mode's pair, and the
 * device FQDDs differ between the two lists (a UEFI PXE entry is e.g. {@code NIC.PxeDevice.1-1} on 14G servers),
 * so the device is always taken from the host's own list.
 *
 * @param mode            the OneTimeBootMode value
 * @param deviceAttribute the attribute naming the device
 * @param device          the boot device FQDD
 */
public record OneTimeBoot(String mode, String deviceAttribute, String device) {

    public OneTimeBoot {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("boot device FQDD is required");
        }
    }

    /** Legacy (BIOS mode) one-time boot from {@code device}. */
    public static OneTimeBoot bios(String device) {
        return new OneTimeBoot("OneTimeBootSeq", "OneTimeBootSeqDev", device);
    }

    /** UEFI mode one-time boot from {@code device}. */
    public static OneTimeBoot uefi(String device) {
        return new OneTimeBoot("OneTimeUefiBootSeq", "OneTimeUefiBootSeqDev", device);
    }

    /** The first network (NIC.*) device of the host's current boot list, in its mode. */
    public static Optional<OneTimeBoot> network(BootSettings s) {
        return pick(s, d -> d.startsWith("NIC."));
    }

    /**
     * The first local-disk device of the host's current boot list: the legacy hard-disk list
     * ({@code HardDisk.List.1-1}), a disk or controller ({@code Disk.*}, {@code RAID.*}, {@code AHCI.*}), or in UEFI
     * mode an OS boot manager entry, which Dell names {@code Unknown.Unknown.N-1} ("Windows Boot Manager").
     */
    public static Optional<OneTimeBoot> disk(BootSettings s) {
        return pick(s, d -> d.startsWith("HardDisk.") || d.startsWith("Disk.") || d.startsWith("RAID.")
                || d.startsWith("AHCI.") || (s.mode() == BootSettings.Mode.UEFI && d.startsWith("Unknown.")));
    }

    private static Optional<OneTimeBoot> pick(BootSettings s, Predicate<String> kind) {
        List<String> devices = s.devices();
        return devices.stream().filter(kind).findFirst()
                .map(d -> s.mode() == BootSettings.Mode.UEFI ? uefi(d) : bios(d));
    }
}

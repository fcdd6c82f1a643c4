package io.lightsout.wsman.amt;

import java.util.List;

/**
 * The host hardware an AMT/DASH device reports through the DMTF physical-asset, CPU, memory and BIOS classes.
 * Values the firmware leaves out are {@code ""} (text) or {@code 0} (numbers).
 *
 * @param system identity of the machine (CIM_Chassis + the primary CIM_BIOSElement)
 * @param cpus one per CIM_Processor, joined with its CIM_Chip
 * @param memory one per CIM_PhysicalMemory module
 * @param disks one per CIM_MediaAccessDevice
 */
public record Hardware(SystemIdentity system, List<Cpu> cpus, List<MemoryModule> memory, List<Disk> disks) {

    public Hardware {
        cpus = List.copyOf(cpus);
        memory = List.copyOf(memory);
        disks = List.copyOf(disks);
    }

    /** Total installed memory in MiB. */
    public long memoryMib() {
        return memory.stream().mapToLong(MemoryModule::sizeMib).sum();
    }

    /**
     * @param manufacturer CIM_Chassis.Manufacturer
     * @param model CIM_Chassis.Model
     * @param serialNumber CIM_Chassis.SerialNumber (the service tag / system serial)
     * @param biosVersion CIM_BIOSElement.Version of the primary BIOS
     */
    public record SystemIdentity(String manufacturer, String model, String serialNumber, String biosVersion) {
    }

    /**
     * @param deviceId CIM_Processor.DeviceID, e.g. {@code CPU 0}
     * @param model CIM_Chip.Version of the chip whose Tag is the DeviceID (the brand string)
     * @param manufacturer CIM_Chip.Manufacturer
     * @param maxMhz CIM_Processor.MaxClockSpeed
     * @param currentMhz CIM_Processor.CurrentClockSpeed
     */
    public record Cpu(String deviceId, String model, String manufacturer, long maxMhz, long currentMhz) {
    }

    /**
     * @param bank CIM_PhysicalMemory.BankLabel
     * @param sizeMib Capacity (bytes) in MiB
     * @param speedMhz ConfiguredMemoryClockSpeed, else MaxMemorySpeed
     * @param manufacturer Manufacturer (often a JEDEC id such as {@code 859B})
     * @param partNumber PartNumber, trimmed (AMT pads it with spaces)
     * @param serialNumber SerialNumber
     */
    public record MemoryModule(String bank, long sizeMib, long speedMhz, String manufacturer, String partNumber,
            String serialNumber) {
    }

    /**
     * @param deviceId CIM_MediaAccessDevice.DeviceID, e.g. {@code MEDIA DEV 0}
     * @param sizeKb MaxMediaSize, in kilobytes of 1000 bytes (DSP1011 / CIM_MediaAccessDevice)
     * @param model the realizing package's Model when the firmware exposes one, else {@code ""}
     */
    public record Disk(String deviceId, long sizeKb, String model) {

        /** Size in decimal gigabytes, as drives are sold (960197124 KB is a 960 GB drive). */
        public long sizeGb() {
            return Math.round(sizeKb / 1_000_000.0);
        }
    }
}

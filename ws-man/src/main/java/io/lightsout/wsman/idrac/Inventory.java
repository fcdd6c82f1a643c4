package io.lightsout.wsman.idrac;

import java.util.List;

/**
 * A server's hardware and firmware inventory from the DCIM views.
 *
 * @param system DCIM_SystemView
 * @param cpus DCIM_CPUView
 * @param memory DCIM_MemoryView
 * @param nics DCIM_NICView
 * @param disks DCIM_PhysicalDiskView
 * @param firmware DCIM_SoftwareIdentity
 */
public record Inventory(SystemInfo system, List<Cpu> cpus, List<Memory> memory, List<Nic> nics,
                        List<PhysicalDisk> disks, List<Firmware> firmware) {

    public Inventory {
        cpus = List.copyOf(cpus);
        memory = List.copyOf(memory);
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
        firmware = List.copyOf(firmware);
    }

    /** DCIM_SystemView; absent properties are {@code ""}. */
    public record SystemInfo(String serviceTag, String model, String uuid, String hostName, String biosVersion,
                             String lifecycleControllerVersion, String systemGeneration) {
    }

    /** DCIM_CPUView; speeds in MHz, -1 when absent. */
    public record Cpu(String fqdd, String model, String manufacturer, int cores, int threads, int currentSpeedMhz,
                      int maxSpeedMhz) {
    }

    /** DCIM_MemoryView; size in MiB, speed in MHz. */
    public record Memory(String fqdd, String bankLabel, long sizeMib, int speedMhz, String manufacturer,
                         String partNumber, String serialNumber) {
    }

    /** DCIM_NICView. */
    public record Nic(String fqdd, String currentMac, String permanentMac, String productName, String vendorName,
                      int linkSpeed) {
    }

    /** DCIM_PhysicalDiskView; MediaType 0 HDD, 1 SSD; BusProtocol 6 SAS, 5 SATA, 7 PCIe. */
    public record PhysicalDisk(String fqdd, String model, String serialNumber, long sizeBytes, int mediaType,
                               int busProtocol, String manufacturer) {
    }

    /**
     * DCIM_SoftwareIdentity.
     *
     * @param instanceId e.g. {@code DCIM:INSTALLED#iDRAC.Embedded.1-1#IDRACinfo}: the InstallFromURI target
     * @param status {@code Installed}, {@code Available}, ...
     */
    public record Firmware(String instanceId, String fqdd, String name, String version, String componentType,
                           String status, boolean updateable) {
    }
}

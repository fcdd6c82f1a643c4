package io.lightsout.lab.idrac;

import io.lightsout.lab.PowerState;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.Ns;
import java.util.ArrayList;
import java.util.List;

/** The DCIM instances of a simulated iDRAC, with the property names and codes of protocols.md 3.3. */
final class IdracInventory {
    private static final String INVENTORY_TIME = "20260101120000.000000+000";

    private IdracInventory() {
    }

    private static CimInstance.Builder of(String cls) {
        return CimInstance.builder(Ns.DCIM + cls, cls);
    }

    static CimInstance systemView(IdracService s) {
        IdracHost h = s.host;
        boolean on = s.power.state() == PowerState.ON;
        return of("DCIM_SystemView")
                .p("BIOSVersionString", s.firmware.get("BIOS.Setup.1-1").version())
                .p("HostName", h.hostName())
                .p("InstanceID", "System.Embedded.1")
                .p("LifecycleControllerVersion", s.firmware.get("iDRAC.Embedded.1-1").version())
                .p("Manufacturer", "Dell Inc.")
                .p("Model", h.model())
                .p("PowerState", on ? 2 : 8)
                .p("PrimaryStatus", 1)
                .p("ServiceTag", h.serviceTag())
                .p("SystemGeneration", "14G Monolithic")
                .p("SysMemTotalSize", 65536)
                .p("UUID", h.uuid())
                .build();
    }

    static List<CimInstance> cpus(IdracHost h) {
        List<CimInstance> out = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            out.add(of("DCIM_CPUView")
                    .p("Characteristics", 4)
                    .p("CurrentClockSpeed", 2100)
                    .p("DeviceDescription", "CPU " + i)
                    .p("FQDD", "CPU.Socket." + i)
                    .p("HyperThreadingEnabled", 1)
                    .p("InstanceID", "CPU.Socket." + i)
                    .p("LastSystemInventoryTime", INVENTORY_TIME)
                    .p("Manufacturer", "Intel")
                    .p("MaxClockSpeed", 4000)
                    .p("Model", "Intel(R) Xeon(R) Silver 4110 CPU @ 2.10GHz")
                    .p("NumberOfEnabledCores", 8)
                    .p("NumberOfEnabledThreads", 16)
                    .p("NumberOfProcessorCores", 8)
                    .p("PrimaryStatus", 1)
                    .p("TurboModeEnabled", 1)
                    .p("VirtualizationTechnologyEnabled", 1)
                    .build());
        }
        return out;
    }

    static List<CimInstance> memory(IdracHost h) {
        List<CimInstance> out = new ArrayList<>();
        String[] slots = {"A1", "A2", "B1", "B2"};
        for (int i = 0; i < slots.length; i++) {
            out.add(of("DCIM_MemoryView")
                    .p("BankLabel", slots[i].substring(0, 1))
                    .p("DeviceDescription", "DIMM " + slots[i])
                    .p("FQDD", "DIMM.Socket." + slots[i])
                    .p("InstanceID", "DIMM.Socket." + slots[i])
                    .p("Manufacturer", "Samsung")
                    .p("MemoryType", 26)
                    .p("Model", "DDR4 DIMM")
                    .p("PartNumber", "M393A2K40CB2-CTD")
                    .p("PrimaryStatus", 1)
                    .p("SerialNumber", h.serviceTag() + i)
                    .p("Size", 16384)
                    .p("Speed", 2666)
                    .build());
        }
        return out;
    }

    static List<CimInstance> nics(IdracHost h) {
        List<CimInstance> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String mac = h.macPlus(i);
            String fqdd = "NIC.Integrated.1-" + (i + 1) + "-1";
            out.add(of("DCIM_NICView")
                    .p("CurrentMACAddress", mac)
                    .p("DeviceDescription", "Integrated NIC 1 Port " + (i + 1) + " Partition 1")
                    .p("FQDD", fqdd)
                    .p("InstanceID", fqdd)
                    .p("LinkDuplex", i == 0 ? 1 : 0)
                    .p("LinkSpeed", i == 0 ? 3 : 0)
                    .p("MediaType", "Base T")
                    .p("PermanentMACAddress", mac)
                    .p("PrimaryStatus", 1)
                    .p("ProductName", "Broadcom Gigabit Ethernet BCM5720 - " + mac)
                    .p("VendorName", "Broadcom Corp")
                    .p("WWN", null)
                    .build());
        }
        return out;
    }

    static List<CimInstance> disks(IdracHost h) {
        List<CimInstance> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String fqdd = "Disk.Bay." + i + ":Enclosure.Internal.0-1:RAID.Integrated.1-1";
            out.add(of("DCIM_PhysicalDiskView")
                    .p("BusProtocol", 6)
                    .p("DeviceDescription", "Disk " + i + " in Backplane 1 of Integrated RAID Controller 1")
                    .p("FQDD", fqdd)
                    .p("FreeSizeInBytes", 0)
                    .p("InstanceID", fqdd)
                    .p("Manufacturer", "SEAGATE")
                    .p("MediaType", 0)
                    .p("Model", "ST600MM0006")
                    .p("PrimaryStatus", 1)
                    .p("RaidStatus", 2)
                    .p("Revision", "LS0A")
                    .p("SASAddress", "5000C50077" + String.format("%06X", (h.serviceTag().hashCode() + i) & 0xFFFFFF))
                    .p("SerialNumber", "S0M" + h.serviceTag() + i)
                    .p("SizeInBytes", 599550590976L)
                    .build());
        }
        return out;
    }

    /**
     * Installed firmware, plus AVAILABLE identities for packages downloaded but not yet applied and PREVIOUS
     * ones for versions an update replaced (rollback), as Lifecycle Controller lists them.
     */
    static List<CimInstance> software(Firmware fw, List<Firmware.Component> available,
                                      List<Firmware.Component> previous) {
        List<CimInstance> out = new ArrayList<>();
        for (Firmware.Component c : fw.all()) {
            out.add(identity(c, "INSTALLED", "Installed"));
        }
        for (Firmware.Component c : available) {
            out.add(identity(c, "AVAILABLE", "Available"));
        }
        for (Firmware.Component c : previous) {
            out.add(identity(c, "PREVIOUS", "Available"));
        }
        return out;
    }

    private static CimInstance identity(Firmware.Component c, String kind, String status) {
        return of("DCIM_SoftwareIdentity")
                .p("ComponentID", c.componentId())
                .p("ComponentType", c.type())
                .p("ElementName", c.name())
                .p("FQDD", c.fqdd())
                .p("IdentityInfoType", "OrgID:ComponentType:ComponentID")
                .p("IdentityInfoValue", "DCIM:firmware:" + c.componentId())
                .p("InstallationDate", "INSTALLED".equals(kind) ? "2026-01-01T12:00:00Z" : "NA")
                .p("InstanceID", identityId(kind, c))
                .p("IsEntity", "true")
                .p("Status", status)
                .p("Updateable", "true")
                .p("VersionString", c.version())
                .build();
    }

    /** Dell's installed-identity form, e.g. {@code DCIM:INSTALLED#701__NIC.Slot.2-2-1}. */
    static String installedId(Firmware.Component c) {
        return identityId("INSTALLED", c);
    }

    /** {@code DCIM:<KIND>#<componentId>__<FQDD>}; iDRAC's own is {@code DCIM:<KIND>#iDRAC.Embedded.1-1#IDRACinfo}. */
    static String identityId(String kind, Firmware.Component c) {
        return c.fqdd().startsWith("iDRAC.")
                ? "DCIM:" + kind + "#iDRAC.Embedded.1-1#IDRACinfo"
                : "DCIM:" + kind + "#" + c.componentId() + "__" + c.fqdd();
    }

    static CimInstance computerSystem(PowerModel power) {
        return of("DCIM_ComputerSystem")
                .p("CreationClassName", "DCIM_ComputerSystem")
                .p("ElementName", "Computer System")
                .p("EnabledState", power.state() == PowerState.ON ? 2 : 3)
                .p("Name", "srv:system")
                .p("RequestedState", 0)
                .build();
    }

    static CimInstance associatedPower(PowerModel power) {
        return of("DCIM_CSAssociatedPowerManagementService")
                .p("PowerState", power.state() == PowerState.ON ? 2 : 13)
                .ref("ServiceProvided", Ns.DCIM + "DCIM_CSPowerManagementService",
                        "CreationClassName", "DCIM_CSPowerManagementService", "Name", "pwrmgtsvc:1",
                        "SystemCreationClassName", "DCIM_SPComputerSystem", "SystemName", "systemmc")
                .ref("UserOfService", Ns.DCIM + "DCIM_ComputerSystem",
                        "CreationClassName", "DCIM_ComputerSystem", "Name", "srv:system")
                .build();
    }

    static List<CimInstance> lifecycleJobs(List<JobQueue.View> jobs) {
        List<CimInstance> out = new ArrayList<>();
        for (JobQueue.View j : jobs) {
            if (j.kind() == JobQueue.Kind.OSD) {
                continue;
            }
            out.add(of("DCIM_LifecycleJob")
                    .p("InstanceID", j.id())
                    .p("JobStartTime", j.startTime())
                    .p("JobStatus", j.status())
                    .p("JobUntilTime", "TIME_NA")
                    .p("Message", j.message())
                    .p("MessageID", j.messageId())
                    .p("Name", j.name())
                    .p("PercentComplete", j.percent())
                    .build());
        }
        return out;
    }

    static List<CimInstance> osdJobs(List<JobQueue.View> jobs) {
        List<CimInstance> out = new ArrayList<>();
        for (JobQueue.View j : jobs) {
            if (j.kind() != JobQueue.Kind.OSD) {
                continue;
            }
            out.add(of("DCIM_OSDConcreteJob")
                    .p("DeleteOnCompletion", "false")
                    .p("InstanceID", j.id())
                    .p("JobName", j.name())
                    .p("JobStatus", j.status())
                    .p("Message", j.message())
                    .p("MessageID", j.messageId())
                    .p("Name", j.name())
                    .build());
        }
        return out;
    }

    static CimInstance idracCard(IdracHost h, Firmware fw) {
        return of("DCIM_iDRACCardView")
                .p("FQDD", "iDRAC.Embedded.1-1")
                .p("FirmwareVersion", fw.get("iDRAC.Embedded.1-1").version())
                .p("InstanceID", "iDRAC.Embedded.1-1#IDRACinfo")
                .p("Model", "Enterprise")
                .p("PermanentMACAddress", h.macPlus(16))
                .build();
    }

    /** The singleton instance of a service class, with the selectors of protocols.md 3.1. */
    static List<CimInstance> service(String cls) {
        CimInstance.Builder b = of(cls).p("CreationClassName", cls);
        switch (cls) {
            case "DCIM_CSPowerManagementService" -> b.p("Name", "pwrmgtsvc:1")
                    .p("SystemCreationClassName", "DCIM_SPComputerSystem").p("SystemName", "systemmc");
            case "DCIM_SoftwareInstallationService" -> b.p("Name", "SoftwareUpdate")
                    .p("SystemCreationClassName", "DCIM_ComputerSystem").p("SystemName", "IDRAC:ID");
            case "DCIM_JobService" -> b.p("Name", "JobService")
                    .p("SystemCreationClassName", "DCIM_ComputerSystem").p("SystemName", "Idrac");
            default -> b.p("Name", "DCIM:" + cls.substring(5))
                    .p("SystemCreationClassName", "DCIM_ComputerSystem").p("SystemName", "DCIM:ComputerSystem");
        }
        return List.of(b.build());
    }
}

package io.lightsout.lab.amt;

import io.lightsout.lab.PowerState;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.Ns;
import java.util.ArrayList;
import java.util.List;

/** The CIM/AMT instances of a simulated AMT device, shaped like the go-wsman-messages recordings. */
final class AmtInventory {
    private AmtInventory() {
    }

    static CimInstance associatedPower(PowerModel power) {
        boolean on = power.state() == PowerState.ON;
        CimInstance.Builder b = CimInstance.builder(Ns.CIM + "CIM_AssociatedPowerManagementService",
                "CIM_AssociatedPowerManagementService");
        if (on) {
            b.array("AvailableRequestedPowerStates", 10, 8, 5, 12, 14);
        } else {
            b.array("AvailableRequestedPowerStates", 2);
        }
        return b.p("PowerState", on ? 2 : 8)
                .ref("ServiceProvided", Ns.CIM + "CIM_PowerManagementService",
                        "CreationClassName", "CIM_PowerManagementService",
                        "Name", "Intel(r) AMT Power Management Service",
                        "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT")
                .ref("UserOfService", Ns.CIM + "CIM_ComputerSystem",
                        "CreationClassName", "CIM_ComputerSystem", "Name", "ManagedSystem")
                .build();
    }

    static CimInstance powerService() {
        return CimInstance.builder(Ns.CIM + "CIM_PowerManagementService", "CIM_PowerManagementService")
                .p("CreationClassName", "CIM_PowerManagementService")
                .p("ElementName", "Intel(r) AMT Power Management Service")
                .p("EnabledState", 5)
                .p("Name", "Intel(r) AMT Power Management Service")
                .p("RequestedState", 12)
                .p("SystemCreationClassName", "CIM_ComputerSystem")
                .p("SystemName", "Intel(r) AMT")
                .build();
    }

    static CimInstance computerSystem(PowerModel power) {
        return CimInstance.builder(Ns.CIM + "CIM_ComputerSystem", "CIM_ComputerSystem")
                .p("CreationClassName", "CIM_ComputerSystem")
                .p("ElementName", "Managed System")
                .p("EnabledState", power.state() == PowerState.ON ? 2 : 3)
                .p("Name", "ManagedSystem")
                .build();
    }

    static CimInstance generalSettings(AmtHost h) {
        return CimInstance.builder(Ns.AMT + "AMT_GeneralSettings", "AMT_GeneralSettings")
                .p("AMTNetworkEnabled", 1)
                .p("DHCPSyncRequiresHostname", 1)
                .p("DigestRealm", h.realm())
                .p("DomainName", "lab.lightsout.test")
                .p("ElementName", "Intel(r) AMT: General Settings")
                .p("HostName", h.hostName())
                .p("IdleWakeTimeout", 65535)
                .p("InstanceID", "Intel(r) AMT: General Settings")
                .p("NetworkInterfaceEnabled", true)
                .p("PingResponseEnabled", true)
                .p("PowerSource", 0)
                .p("PreferredAddressFamily", 0)
                .p("PresenceNotificationInterval", 0)
                .p("PrivacyLevel", 0)
                .p("RmcpPingResponseEnabled", true)
                .p("SharedFQDN", true)
                .p("WsmanOnlyMode", false)
                .build();
    }

    static List<CimInstance> ethernetPorts(AmtHost h) {
        String ns = Ns.AMT + "AMT_EthernetPortSettings";
        return List.of(
                CimInstance.builder(ns, "AMT_EthernetPortSettings")
                        .p("DHCPEnabled", true)
                        .p("ElementName", "Intel(r) AMT Ethernet Port Settings")
                        .p("InstanceID", "Intel(r) AMT Ethernet Port Settings 0")
                        .p("IpSyncEnabled", true)
                        .p("LinkIsUp", true)
                        .array("LinkPolicy", 1, 14)
                        .p("MACAddress", h.amtMac())
                        .p("PhysicalConnectionType", 0)
                        .p("SharedDynamicIP", true)
                        .p("SharedMAC", true)
                        .p("SharedStaticIp", false)
                        .build(),
                CimInstance.builder(ns, "AMT_EthernetPortSettings")
                        .p("DHCPEnabled", true)
                        .p("ElementName", "Intel(r) AMT Ethernet Port Settings")
                        .p("InstanceID", "Intel(r) AMT Ethernet Port Settings 1")
                        .p("LinkIsUp", false)
                        .p("MACAddress", "00-00-00-00-00-00")
                        .p("PhysicalConnectionType", 3)
                        .p("SharedMAC", true)
                        .build());
    }

    /** Lab models: a NUC, a desktop and a laptop, each with its own CPU, memory and disks (chosen from the MAC). */
    private record Model(String manufacturer, String model, String bios, String cpu, int maxMhz, int dimms,
            long dimmGib, long[] diskKb) {
    }

    private static final Model[] MODELS = {
        new Model("Intel(R) Client Systems", "NUC9V7QNX", "QNCFLX70.0054.2020.0810.2227",
                "Intel(R) Core(TM) i7-9850H CPU @ 2.60GHz", 4600, 2, 16, new long[] {960_197_124L, 500_107_862L}),
        new Model("Dell Inc.", "OptiPlex 7090", "2.21.0", "11th Gen Intel(R) Core(TM) i7-11700 @ 2.50GHz", 4900,
                4, 8, new long[] {512_110_190L}),
        new Model("LENOVO", "20XW00GWUS", "N32ET86W (1.62 )", "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz",
                4400, 2, 8, new long[] {256_060_514L}),
    };

    private static Model model(AmtHost h) {
        return MODELS[Math.floorMod(h.mac().hashCode(), MODELS.length)];
    }


    static List<CimInstance> chassis(AmtHost h) {
        Model m = model(h);
        return List.of(CimInstance.builder(Ns.CIM + "CIM_Chassis", "CIM_Chassis")
                .p("ChassisPackageType", 0)
                .p("CreationClassName", "CIM_Chassis")
                .p("ElementName", "Managed System Chassis")
                .p("Manufacturer", m.manufacturer())
                .p("Model", m.model())
                .p("OperationalStatus", 0)
                .p("PackageType", 3)
                .p("SerialNumber", h.serial())
                .p("Tag", "CIM_Chassis")
                .p("Version", "K47174-402")
                .build());
    }

    static List<CimInstance> bios(AmtHost h) {
        Model m = model(h);
        return List.of(CimInstance.builder(Ns.CIM + "CIM_BIOSElement", "CIM_BIOSElement")
                .p("ElementName", "Primary BIOS")
                .p("Manufacturer", m.manufacturer())
                .p("Name", "Primary BIOS")
                .p("OperationalStatus", 0)
                .p("PrimaryBIOS", true)
                .p("SoftwareElementID", m.bios())
                .p("SoftwareElementState", 2)
                .p("TargetOperatingSystem", 66)
                .p("Version", m.bios())
                .build());
    }

    static List<CimInstance> processors(AmtHost h) {
        return List.of(CimInstance.builder(Ns.CIM + "CIM_Processor", "CIM_Processor")
                .p("CPUStatus", 1)
                .p("CreationClassName", "CIM_Processor")
                .p("CurrentClockSpeed", 2400)
                .p("DeviceID", "CPU 0")
                .p("ElementName", "Managed System CPU")
                .p("EnabledState", 2)
                .p("ExternalBusClockSpeed", 100)
                .p("Family", 198)
                .p("MaxClockSpeed", model(h).maxMhz())
                .p("Role", "Central")
                .p("SystemCreationClassName", "CIM_ComputerSystem")
                .p("SystemName", "ManagedSystem")
                .build());
    }

    static List<CimInstance> chips(AmtHost h) {
        return List.of(CimInstance.builder(Ns.CIM + "CIM_Chip", "CIM_Chip")
                .p("CanBeFRUed", true)
                .p("CreationClassName", "CIM_Chip")
                .p("ElementName", "Managed System Processor Chip")
                .p("Manufacturer", "Intel(R) Corporation")
                .p("OperationalStatus", 0)
                .p("Tag", "CPU 0")
                .p("Version", model(h).cpu())
                .build());
    }

    static List<CimInstance> memory(AmtHost h) {
        Model m = model(h);
        List<CimInstance> out = new ArrayList<>();
        for (int i = 0; i < m.dimms(); i++) {
            out.add(CimInstance.builder(Ns.CIM + "CIM_PhysicalMemory", "CIM_PhysicalMemory")
                    .p("BankLabel", "BANK " + (i * 2))
                    .p("Capacity", m.dimmGib() << 30)
                    .p("ConfiguredMemoryClockSpeed", 3200)
                    .p("CreationClassName", "CIM_PhysicalMemory")
                    .p("ElementName", "Managed System Memory Chip")
                    .p("FormFactor", 13)
                    .p("Manufacturer", "859B")
                    .p("MaxMemorySpeed", 3200)
                    .p("MemoryType", 26)
                    .p("PartNumber", "CT" + m.dimmGib() + "G4SFRA32A.C8FE ")
                    .p("SerialNumber", h.serial() + "M" + i)
                    .p("Tag", "9876543210" + (i == 0 ? "" : " (#" + i + ")"))
                    .build());
        }
        return out;
    }

    static List<CimInstance> disks(AmtHost h) {
        long[] sizes = model(h).diskKb();
        List<CimInstance> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(CimInstance.builder(Ns.CIM + "CIM_MediaAccessDevice", "CIM_MediaAccessDevice")
                    .p("Capabilities", 4)
                    .p("CreationClassName", "CIM_MediaAccessDevice")
                    .p("DeviceID", "MEDIA DEV " + i)
                    .p("ElementName", "Managed System Media Access Device")
                    .p("EnabledDefault", 2)
                    .p("EnabledState", 0)
                    .p("MaxMediaSize", sizes[i])
                    .p("OperationalStatus", 0)
                    .p("RequestedState", 12)
                    .p("Security", 2)
                    .p("SystemCreationClassName", "CIM_ComputerSystem")
                    .p("SystemName", "ManagedSystem")
                    .build());
        }
        return out;
    }

    static List<CimInstance> software(Firmware fw) {
        List<CimInstance> out = new ArrayList<>();
        for (Firmware.Component c : fw.all()) {
            out.add(CimInstance.builder(Ns.CIM + "CIM_SoftwareIdentity", "CIM_SoftwareIdentity")
                    .p("InstanceID", c.fqdd())
                    .p("IsEntity", true)
                    .p("VersionString", c.version())
                    .build());
        }
        return out;
    }

    static List<CimInstance> bootSources() {
        List<CimInstance> out = new ArrayList<>();
        String[][] rows = {{AmtService.HDD, "Intel(r) AMT: Hard-drive Boot"},
            {AmtService.CD, "Intel(r) AMT: CD/DVD Boot"}, {AmtService.PXE, "Intel(r) AMT: PXE Boot"}};
        for (String[] r : rows) {
            out.add(CimInstance.builder(Ns.CIM + "CIM_BootSourceSetting", "CIM_BootSourceSetting")
                    .p("ElementName", r[1])
                    .p("FailThroughSupported", 2)
                    .p("InstanceID", r[0])
                    .p("StructuredBootString", "CIM:" + r[1].substring(r[1].indexOf(' ', 10) + 1))
                    .build());
        }
        return out;
    }

    static CimInstance bootConfig() {
        return CimInstance.builder(Ns.CIM + "CIM_BootConfigSetting", "CIM_BootConfigSetting")
                .p("ElementName", "Intel(r) AMT: Boot Configuration")
                .p("InstanceID", "Intel(r) AMT: Boot Configuration 0")
                .build();
    }

    static CimInstance bootService() {
        return CimInstance.builder(Ns.CIM + "CIM_BootService", "CIM_BootService")
                .p("CreationClassName", "CIM_BootService")
                .p("ElementName", "Intel(r) AMT Boot Service")
                .p("EnabledState", 2)
                .p("Name", "Intel(r) AMT Boot Service")
                .p("SystemCreationClassName", "CIM_ComputerSystem")
                .p("SystemName", "Intel(r) AMT")
                .build();
    }
}

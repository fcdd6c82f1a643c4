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

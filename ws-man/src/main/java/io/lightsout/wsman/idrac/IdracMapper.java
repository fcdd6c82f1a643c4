package io.lightsout.wsman.idrac;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.InvokeResult;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** iDRAC responses to records (pure). */
public final class IdracMapper {

    private IdracMapper() {
    }

    public static LcStatus lcStatus(InvokeResult r) {
        CimInstance o = r.output();
        return new LcStatus(o.intValue("Status"), o.intValue("LCStatus"), o.intValue("ServerStatus"),
                o.intValue("RTStatus"), o.text("MessageID"), o.text("Message"));
    }

    /** DCIM_ComputerSystem EnabledState: 2 on, 3 off (python-dracclient; Dell LC best practices). */
    public static PowerReading powerState(List<CimInstance> computerSystems) {
        if (computerSystems.isEmpty()) {
            return new PowerReading(PowerState.UNKNOWN, OptionalInt.empty(), "no DCIM_ComputerSystem instance");
        }
        CimInstance cs = computerSystems.getFirst();
        int v = cs.intValue("EnabledState");
        PowerState s = switch (v) {
            case 2 -> PowerState.ON;
            case 3 -> PowerState.OFF;
            default -> PowerState.UNKNOWN;
        };
        return v < 0 ? new PowerReading(PowerState.UNKNOWN, OptionalInt.empty(), "EnabledState missing")
                : PowerReading.of(s, v, "EnabledState");
    }

    public static Inventory.SystemInfo system(CimInstance i) {
        return new Inventory.SystemInfo(i.text("ServiceTag"), i.text("Model"), i.text("UUID"), i.text("HostName"),
                i.text("BIOSVersionString"), i.text("LifecycleControllerVersion"), i.text("SystemGeneration"));
    }

    public static Inventory.Cpu cpu(CimInstance i) {
        return new Inventory.Cpu(i.text("FQDD"), i.text("Model"), i.text("Manufacturer"),
                i.intValue("NumberOfEnabledCores"), i.intValue("NumberOfEnabledThreads"), i.intValue("CurrentClockSpeed"),
                i.intValue("MaxClockSpeed"));
    }

    public static Inventory.Memory memory(CimInstance i) {
        return new Inventory.Memory(i.text("FQDD"), i.text("BankLabel"), i.number("Size").orElse(-1L),
                i.intValue("Speed"), i.text("Manufacturer"), i.text("PartNumber"), i.text("SerialNumber"));
    }

    public static Inventory.Nic nic(CimInstance i) {
        return new Inventory.Nic(i.text("FQDD"), i.text("CurrentMACAddress"), i.text("PermanentMACAddress"),
                i.text("ProductName"), i.text("VendorName"), i.intValue("LinkSpeed"));
    }

    public static Inventory.PhysicalDisk disk(CimInstance i) {
        return new Inventory.PhysicalDisk(i.text("FQDD"), i.text("Model"), i.text("SerialNumber"),
                i.number("SizeInBytes").orElse(-1L), i.intValue("MediaType"), i.intValue("BusProtocol"),
                i.text("Manufacturer"));
    }

    public static Inventory.Firmware firmware(CimInstance i) {
        return new Inventory.Firmware(i.text("InstanceID"), i.text("FQDD"), i.text("ElementName"),
                i.text("VersionString"), i.text("ComponentType"), i.text("Status"),
                i.flag("Updateable"));
    }

    public static LifecycleJob job(CimInstance i) {
        String raw = i.text("JobStatus");
        return new LifecycleJob(i.text("InstanceID"), i.text("Name"), JobStatus.of(raw), raw,
                i.intValue("PercentComplete"), i.text("MessageID"), i.text("Message"));
    }

    public static IsoConnection isoConnection(CimInstance o) {
        return new IsoConnection(o.intValue("HostAttachedStatus") == 1, o.intValue("HostBootedFromISO") == 1,
                o.text("IPAddr"), o.text("ShareName"), o.text("ImageName"));
    }

    /** The job id ({@code InstanceID} selector of the returned job EPR), if the method started a job. */
    public static Optional<String> jobId(InvokeResult r) {
        return r.job().flatMap(j -> j.selectors().text("InstanceID"));
    }

    /**
     * The boot mode and one-time boot device lists from DCIM_BIOSEnumeration instances. A BIOS without a
     * {@code BootMode} attribute (before UEFI support) boots legacy.
     */
    public static BootSettings bootSettings(List<CimInstance> enumerations) {
        BootSettings.Mode mode = BootSettings.Mode.BIOS;
        List<String> bios = List.of();
        List<String> uefi = List.of();
        for (CimInstance i : enumerations) {
            switch (i.text("AttributeName")) {
                case "BootMode" -> {
                    BootSettings.Mode m = BootSettings.Mode.of(i.text("CurrentValue"));
                    mode = m == null ? mode : m;
                }
                case "OneTimeBootSeqDev" -> bios = i.values("PossibleValues");
                case "OneTimeUefiBootSeqDev" -> uefi = i.values("PossibleValues");
                default -> { }
            }
        }
        return new BootSettings(mode, bios, uefi);
    }
}

package io.lightsout.wsman.amt;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** AMT/DASH responses to records (pure). */
public final class AmtMapper {

    private AmtMapper() {
    }

    /**
     * CIM_AssociatedPowerManagementService.PowerState (DSP1027 values): 2 on; 3/4 sleep; 7 hibernate; 6, 8, 12, 13
     * off. Transitional values (5, 9, 10, 11, 14–17) are not states to act on: UNKNOWN.
     */
    public static PowerReading powerState(CimInstance apms) {
        OptionalInt raw = apms.number("PowerState").map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        if (raw.isEmpty()) {
            return new PowerReading(PowerState.UNKNOWN, OptionalInt.empty(), "PowerState missing");
        }
        int v = raw.getAsInt();
        PowerState s = switch (v) {
            case 2 -> PowerState.ON;
            case 3, 4 -> PowerState.SLEEP;
            case 7 -> PowerState.HIBERNATE;
            case 6, 8, 12, 13 -> PowerState.OFF;
            default -> PowerState.UNKNOWN;
        };
        return PowerReading.of(s, v, "PowerState");
    }

    public static GeneralSettings generalSettings(CimInstance i) {
        return new GeneralSettings(i.text("HostName"), i.text("DomainName"), i.text("DigestRealm"),
                "1".equals(i.text("AMTNetworkEnabled")), i.flag("PingResponseEnabled"), i.intValue("PowerSource"),
                i.intValue("PrivacyLevel"));
    }

    /** AMT writes MACs as {@code 00-be-43-d8-22-a4}; normalised to {@code 00:BE:43:D8:22:A4} like iDRAC's. */
    public static EthernetPort ethernetPort(CimInstance i) {
        String mac = i.text("MACAddress").trim().replace('-', ':').toUpperCase(Locale.ROOT);
        return new EthernetPort(i.text("InstanceID"), mac, i.text("IPAddress"), i.flag("DHCPEnabled"),
                i.flag("LinkIsUp"));
    }

    public static SoftwareComponent softwareComponent(CimInstance i) {
        return new SoftwareComponent(i.text("InstanceID"), i.text("VersionString"));
    }

    /** System identity: the chassis (DSP1011 physical asset) and the primary BIOS element (DSP1061). */
    public static Hardware.SystemIdentity system(List<CimInstance> chassis, List<CimInstance> bios) {
        CimInstance c = chassis.isEmpty() ? null : chassis.getFirst();
        String biosVersion = bios.stream().filter(b -> b.flag("PrimaryBIOS")).findFirst()
                .or(() -> bios.stream().findFirst()).map(b -> b.text("Version").trim()).orElse("");
        return new Hardware.SystemIdentity(c == null ? "" : c.text("Manufacturer").trim(),
                c == null ? "" : c.text("Model").trim(), c == null ? "" : c.text("SerialNumber").trim(), biosVersion);
    }

    /**
     * CPUs: CIM_Processor carries the clock speeds, the brand string is the Version of the CIM_Chip whose Tag is the
     * processor's DeviceID (AMT SDK CPU asset: both are "CPU 0", "CPU 1"...).
     */
    public static List<Hardware.Cpu> cpus(List<CimInstance> processors, List<CimInstance> chips) {
        Map<String, CimInstance> byTag = new HashMap<>();
        chips.forEach(c -> byTag.putIfAbsent(c.text("Tag").trim(), c));
        return processors.stream().map(p -> {
            String id = p.text("DeviceID").trim();
            CimInstance chip = byTag.get(id);
            return new Hardware.Cpu(id, chip == null ? "" : chip.text("Version").trim(),
                    chip == null ? "" : chip.text("Manufacturer").trim(), number(p, "MaxClockSpeed"),
                    number(p, "CurrentClockSpeed"));
        }).toList();
    }

    /** Memory modules; Capacity is in bytes. */
    public static List<Hardware.MemoryModule> memory(List<CimInstance> modules) {
        return modules.stream().map(m -> {
            long speed = number(m, "ConfiguredMemoryClockSpeed");
            return new Hardware.MemoryModule(m.text("BankLabel").trim(), number(m, "Capacity") / (1024 * 1024),
                    speed > 0 ? speed : number(m, "MaxMemorySpeed"), m.text("Manufacturer").trim(),
                    m.text("PartNumber").trim(), m.text("SerialNumber").trim());
        }).toList();
    }

    /** Disks: CIM_MediaAccessDevice.MaxMediaSize is in KB; AMT gives no model on the device itself. */
    public static List<Hardware.Disk> disks(List<CimInstance> devices) {
        return devices.stream().map(d -> new Hardware.Disk(d.text("DeviceID").trim(), number(d, "MaxMediaSize"),
                d.text("Model").trim())).toList();
    }

    private static long number(CimInstance i, String property) {
        return i.number(property).orElse(0L);
    }

    /** The boot settings for a target, from the current ones (Get–modify–Put keeps every other property). */
    public static CimInstance bootSettingsFor(CimInstance current, BootTarget target) {
        boolean ider = target == BootTarget.IDER_CD || target == BootTarget.IDER_FLOPPY;
        CimInstance s = current.with("UseIDER", Boolean.toString(ider))
                .with("BIOSSetup", Boolean.toString(target == BootTarget.BIOS_SETUP))
                .with("BIOSPause", "false")
                .with("UseSOL", "false");
        if (ider) {
            s = s.with("IDERBootDevice", target == BootTarget.IDER_CD ? "1" : "0");
        }
        return s;
    }

}

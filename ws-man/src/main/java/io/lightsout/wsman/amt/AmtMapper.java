package io.lightsout.wsman.amt;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import java.util.Locale;
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

    public static EthernetPort ethernetPort(CimInstance i) {
        String mac = i.text("MACAddress").replace('-', ':').toLowerCase(Locale.ROOT);
        return new EthernetPort(i.text("InstanceID"), mac, i.text("IPAddress"), i.flag("DHCPEnabled"),
                i.flag("LinkIsUp"));
    }

    public static SoftwareComponent softwareComponent(CimInstance i) {
        return new SoftwareComponent(i.text("InstanceID"), i.text("VersionString"));
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

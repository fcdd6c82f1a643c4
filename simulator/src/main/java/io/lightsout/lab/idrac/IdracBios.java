package io.lightsout.lab.idrac;

import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.Ns;
import io.lightsout.lab.wsman.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DCIM_BIOSService and DCIM_BIOSEnumeration of the simulated iDRAC, limited to the boot mode and the one-time boot
 * attributes (protocols.md 3): SetAttribute(s) store pending values, CreateTargetedConfigJob(Target=BIOS.Setup.1-1)
 * commits them to the next boot and, with a RebootJobType, reboots the host when the job starts. Without
 * RebootJobType the job waits for a reboot the client asks for, as on a real iDRAC.
 *
 * <p>The host's {@link BootMode} decides which one-time pair is writable, as on a real BIOS: the legacy lists
 * ({@code OneTimeBootSeq}, {@code OneTimeHddSeq}) do not exist in UEFI mode and the UEFI list does not exist in BIOS
 * mode, and a device attribute is read-only unless {@code OneTimeBootMode} selects its list (the Dependency
 * {@code ROIf OneTimeBootMode NOT ...} of the recorded enumeration). Device values must be in the attribute's
 * PossibleValues, which differ between the lists (a UEFI PXE entry is {@code NIC.PxeDevice.1-1}).
 */
final class IdracBios {
    static final String TARGET = "BIOS.Setup.1-1";
    /** Legacy boot list of an R640: FQDD and description, as in the recorded BIOS enumeration. */
    static final Map<String, String> BIOS_DEVICES = devices("HardDisk.List.1-1", "Hard drive C:",
            "NIC.Integrated.1-1-1", "Integrated NIC 1 Port 1 Partition 1: BRCM MBA Slot 0100 v21.6.0",
            "Optical.SATAEmbedded.J-1", "Embedded SATA Port Optical Drive J: DVD-ROM");
    /** UEFI boot list; Dell names an OS boot manager entry Unknown.Unknown.N-1. */
    static final Map<String, String> UEFI_DEVICES = devices("NIC.PxeDevice.1-1",
            "PXE Device 1: Integrated NIC 1 Port 1 Partition 1", "Optical.SATAEmbedded.J-1",
            "Embedded SATA Port Optical Drive J: DVD-ROM", "Unknown.Unknown.3-1", "Windows Boot Manager");
    static final Map<String, String> HDD_DEVICES = devices("RAID.Integrated.1-1",
            "Integrated RAID Controller 1: PERC H730P Mini");
    private static final Set<String> MODES = Set.of("Disabled", "OneTimeBootSeq", "OneTimeUefiBootSeq",
            "OneTimeHddSeq");
    /** Each device attribute, the OneTimeBootMode value that makes it writable, and its list. */
    private record DeviceAttribute(String mode, Map<String, String> devices, BootMode bootMode) {
    }

    /** In the order the BIOS lists them. */
    private static final Map<String, DeviceAttribute> DEVICE_ATTRIBUTES = deviceAttributes();

    private static Map<String, DeviceAttribute> deviceAttributes() {
        Map<String, DeviceAttribute> m = new LinkedHashMap<>();
        m.put("OneTimeBootSeqDev", new DeviceAttribute("OneTimeBootSeq", BIOS_DEVICES, BootMode.BIOS));
        m.put("OneTimeHddSeqDev", new DeviceAttribute("OneTimeHddSeq", HDD_DEVICES, BootMode.BIOS));
        m.put("OneTimeUefiBootSeqDev", new DeviceAttribute("OneTimeUefiBootSeq", UEFI_DEVICES, BootMode.UEFI));
        return java.util.Collections.unmodifiableMap(m);
    }

    private final IdracService s;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private volatile BootMode mode;

    IdracBios(IdracService s, BootMode mode) {
        this.s = s;
        this.mode = mode;
    }

    BootMode mode() {
        return mode;
    }

    void setMode(BootMode mode) {
        this.mode = mode;
    }

    List<CimInstance.Property> setAttributes(XmlElement in) {
        List<String> names = IdracMethods.values(in, "AttributeName");
        List<String> vals = IdracMethods.values(in, "AttributeValue");
        if (names.isEmpty() || names.size() != vals.size()) {
            return IdracMethods.error("AttributeName and AttributeValue must be given in pairs.", "BIOS002");
        }
        synchronized (pending) {
            Map<String, String> next = new LinkedHashMap<>(pending);
            for (int i = 0; i < names.size(); i++) {
                next.put(names.get(i), vals.get(i));
            }
            for (int i = 0; i < names.size(); i++) {
                String problem = check(names.get(i), vals.get(i), next);
                if (problem != null) {
                    return IdracMethods.error(problem, "BIOS014");
                }
            }
            pending.putAll(next);
        }
        return List.of(IdracMethods.v("Message", "The command was successful."),
                IdracMethods.v("MessageID", "BIOS001"), IdracMethods.v("RebootRequired", "Yes"),
                IdracMethods.v("ReturnValue", "0"), IdracMethods.v("SetResult", "Set PendingValue"));
    }

    /** Why the iDRAC refuses {@code name=value} given the values being set, or null when it accepts it. */
    private String check(String name, String value, Map<String, String> next) {
        String invalid = "Invalid AttributeValue for AttributeName " + name;
        if (name.equals("OneTimeBootMode")) {
            if (!MODES.contains(value)) {
                return invalid;
            }
            boolean legacy = value.equals("OneTimeBootSeq") || value.equals("OneTimeHddSeq");
            boolean uefi = value.equals("OneTimeUefiBootSeq");
            return (legacy && mode == BootMode.UEFI) || (uefi && mode == BootMode.BIOS)
                    ? invalid + ": not available in BootMode " + mode.value() : null;
        }
        DeviceAttribute d = DEVICE_ATTRIBUTES.get(name);
        if (d == null) {
            return "Invalid AttributeName: " + name;
        }
        if (!d.mode().equals(next.getOrDefault("OneTimeBootMode", "Disabled")) || d.bootMode() != mode) {
            return "AttributeName " + name + " is read-only (OneTimeBootMode is not " + d.mode() + ", BootMode is "
                    + mode.value() + ")";
        }
        return d.devices().containsKey(value) ? null : invalid;
    }

    /** DeletePendingConfiguration: drops the pending values (recorded answer BIOS001). */
    List<CimInstance.Property> deletePendingConfiguration(XmlElement in) {
        if (!TARGET.equals(IdracMethods.param(in, "Target"))) {
            return IdracMethods.error("Invalid Target: " + IdracMethods.param(in, "Target") + ".", "SUP024");
        }
        synchronized (pending) {
            pending.clear();
        }
        return List.of(IdracMethods.v("Message", "The command was successful."),
                IdracMethods.v("MessageID", "BIOS001"), IdracMethods.v("ReturnValue", "0"));
    }

    List<CimInstance.Property> createTargetedConfigJob(XmlElement in) {
        if (!TARGET.equals(IdracMethods.param(in, "Target"))) {
            return IdracMethods.error("Invalid Target: " + IdracMethods.param(in, "Target") + ".", "SUP024");
        }
        String reboot = IdracMethods.param(in, "RebootJobType");
        if (reboot != null && !Set.of("1", "2", "3").contains(reboot)) {
            return IdracMethods.error("Invalid RebootJobType.", "SUP015");
        }
        String source;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return IdracMethods.error("No pending data present to create a Configuration job.", "BIOS017");
            }
            source = bootSource(pending);
            pending.clear();
        }
        // the job runs during the next POST; the lab commits its values to that boot now
        s.power.setBootOverride(source);
        String id = s.jobs.addConfig("ConfigBIOS:" + TARGET, reboot == null ? null : () -> {
            if (!s.power.request(PowerModel.Action.CYCLE)) {
                s.power.request(PowerModel.Action.ON);
            }
        });
        return IdracMethods.job(id, "DCIM_LifecycleJob");
    }

    /** The lab's boot source for the pending one-time boot, or null when none is set. */
    private static String bootSource(Map<String, String> attrs) {
        String mode = attrs.getOrDefault("OneTimeBootMode", "Disabled");
        String dev = switch (mode) {
            case "OneTimeBootSeq" -> attrs.getOrDefault("OneTimeBootSeqDev", BIOS_DEVICES.keySet().iterator().next());
            case "OneTimeUefiBootSeq" -> attrs.getOrDefault("OneTimeUefiBootSeqDev",
                    UEFI_DEVICES.keySet().iterator().next());
            case "OneTimeHddSeq" -> "HardDisk";
            default -> null;
        };
        if (dev == null) {
            return null;
        }
        // Dell boot device FQDDs: NIC.Integrated.1-1-1 / NIC.PxeDevice.1-1 (PXE), Optical.SATAEmbedded.J-1, ...
        if (dev.startsWith("NIC.")) {
            return "PXE";
        }
        if (dev.startsWith("Optical.")) {
            return "CD";
        }
        return "HDD";
    }

    /** DCIM_BIOSEnumeration: BootMode and the one-time boot attributes, with pending values. */
    List<CimInstance> enumerations() {
        Map<String, String> p;
        synchronized (pending) {
            p = Map.copyOf(pending);
        }
        List<CimInstance> out = new ArrayList<>();
        out.add(enumeration("BootMode", "Boot Mode", mode.value(), p, "BootSettings", "Boot Settings", false,
                devices("Bios", "BIOS", "Uefi", "UEFI")));
        out.add(enumeration("OneTimeBootMode", "One-Time Boot Device List", "Disabled", p, "OneTimeBoot",
                "One-Time Boot", false, devices("Disabled", "Disabled", "OneTimeBootSeq", "BIOS Boot Sequence Device",
                        "OneTimeHddSeq", "BIOS Hard-Disk Drive Sequence Device", "OneTimeUefiBootSeq",
                        "UEFI Boot Sequence Device")));
        String oneTime = p.getOrDefault("OneTimeBootMode", "Disabled");
        DEVICE_ATTRIBUTES.forEach((name, d) -> out.add(enumeration(name, name, d.devices().keySet().iterator().next(),
                p, "OneTimeBoot", "One-Time Boot", !d.mode().equals(oneTime) || d.bootMode() != mode, d.devices())));
        return out;
    }

    private static CimInstance enumeration(String name, String display, String current, Map<String, String> pending,
                                           String group, String groupDisplay, boolean readOnly,
                                           Map<String, String> possible) {
        CimInstance.Builder b = CimInstance.builder(Ns.DCIM + "DCIM_BIOSEnumeration", "DCIM_BIOSEnumeration")
                .p("AttributeDisplayName", display)
                .p("AttributeName", name)
                .p("CurrentValue", current)
                .p("Dependency", null)
                .p("FQDD", TARGET)
                .p("GroupDisplayName", groupDisplay)
                .p("GroupID", group)
                .p("InstanceID", TARGET + ":" + name)
                .p("IsReadOnly", readOnly)
                .p("PendingValue", pending.get(name))
                .array("PossibleValues", possible.keySet().toArray())
                .array("PossibleValuesDescription", possible.values().toArray());
        return b.build();
    }

    private static Map<String, String> devices(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}

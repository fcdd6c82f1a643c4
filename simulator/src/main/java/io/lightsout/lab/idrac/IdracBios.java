package io.lightsout.lab.idrac;

import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.XmlElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DCIM_BIOSService of the simulated iDRAC, limited to the one-time boot attributes (protocols.md 3): SetAttribute(s)
 * store pending values, CreateTargetedConfigJob(Target=BIOS.Setup.1-1) commits them to the next boot and, with a
 * RebootJobType, reboots the host when the job starts. Without RebootJobType the job waits for a reboot the
 * client asks for, as on a real iDRAC.
 */
final class IdracBios {
    static final String TARGET = "BIOS.Setup.1-1";
    private static final Set<String> ATTRIBUTES = Set.of("OneTimeBootMode", "OneTimeBootSeqDev",
            "OneTimeUefiBootSeqDev", "OneTimeHddSeqDev");
    private static final Set<String> MODES = Set.of("Disabled", "OneTimeBootSeq", "OneTimeUefiBootSeq",
            "OneTimeHddSeq");

    private final IdracService s;
    private final Map<String, String> pending = new LinkedHashMap<>();

    IdracBios(IdracService s) {
        this.s = s;
    }

    List<CimInstance.Property> setAttributes(XmlElement in) {
        List<String> names = IdracMethods.values(in, "AttributeName");
        List<String> vals = IdracMethods.values(in, "AttributeValue");
        if (names.isEmpty() || names.size() != vals.size()) {
            return IdracMethods.error("AttributeName and AttributeValue must be given in pairs.", "BIOS002");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!ATTRIBUTES.contains(names.get(i))) {
                return IdracMethods.error("Invalid AttributeName: " + names.get(i) + ".", "BIOS014");
            }
            if (names.get(i).equals("OneTimeBootMode") && !MODES.contains(vals.get(i))) {
                return IdracMethods.error("Invalid AttributeValue for OneTimeBootMode.", "BIOS015");
            }
        }
        synchronized (pending) {
            for (int i = 0; i < names.size(); i++) {
                pending.put(names.get(i), vals.get(i));
            }
        }
        return List.of(IdracMethods.v("Message", "The command was successful."),
                IdracMethods.v("MessageID", "BIOS001"), IdracMethods.v("RebootRequired", "Yes"),
                IdracMethods.v("ReturnValue", "0"), IdracMethods.v("SetResult", "Set PendingValue"));
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
            case "OneTimeBootSeq" -> attrs.get("OneTimeBootSeqDev");
            case "OneTimeUefiBootSeq" -> attrs.get("OneTimeUefiBootSeqDev");
            case "OneTimeHddSeq" -> "HardDisk";
            default -> null;
        };
        if (dev == null) {
            return null;
        }
        // Dell boot device FQDDs: NIC.Integrated.1-1-1 (PXE), HardDisk.List.1-1, Optical.SATAEmbedded.J-1, ...
        if (dev.startsWith("NIC.")) {
            return "PXE";
        }
        if (dev.startsWith("Optical.")) {
            return "CD";
        }
        return "HDD";
    }
}

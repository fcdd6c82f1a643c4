package io.lightsout.lab.idrac;

import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.Ns;
import io.lightsout.lab.wsman.XmlElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DCIM_iDRACCardService of the simulated iDRAC, limited to the server-boot group ({@code racadm set
 * iDRAC.ServerBoot.FirstBootDevice BIOS}): SetAttribute(s) on Target iDRAC.Embedded.1 store pending values named
 * {@code Group#Attribute}; CreateTargetedConfigJob commits them at once (iDRAC settings need no host reboot). With
 * {@code ServerBoot.1#BootOnce=Enabled} the first boot device applies to the next boot only, after which the iDRAC
 * reports {@code FirstBootDevice=Normal} again. The lab models only the boot-once form: with BootOnce Disabled the
 * value is stored but boots are not affected.
 */
final class IdracCard {
    static final String TARGET = "iDRAC.Embedded.1";
    private static final String BOOT_ONCE = "ServerBoot.1#BootOnce";
    private static final String FIRST_BOOT = "ServerBoot.1#FirstBootDevice";
    /** FirstBootDevice values of the RACADM reference (iDRAC.ServerBoot.FirstBootDevice). */
    private static final Set<String> FIRST_BOOT_DEVICES = Set.of("Normal", "PXE", "HDD", "CD-DVD", "BIOS", "vFDD",
            "VCD-DVD", "iSCSI", "FDD", "SD", "F10", "F11");

    private final IdracService s;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final Map<String, String> current = new LinkedHashMap<>(Map.of(BOOT_ONCE, "Enabled",
            FIRST_BOOT, "Normal"));
    private int committedAtBoot = -1;

    IdracCard(IdracService s) {
        this.s = s;
    }

    synchronized List<CimInstance.Property> setAttributes(XmlElement in) {
        String target = IdracMethods.param(in, "Target");
        if (!TARGET.equals(target)) {
            return IdracMethods.error("Invalid Target: " + target + ".", "RAC024");
        }
        List<String> names = IdracMethods.values(in, "AttributeName");
        List<String> vals = IdracMethods.values(in, "AttributeValue");
        if (names.isEmpty() || names.size() != vals.size()) {
            return IdracMethods.error("AttributeName and AttributeValue must be given in pairs.", "RAC002");
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String v = vals.get(i);
            boolean ok = switch (n) {
                case BOOT_ONCE -> v.equals("Enabled") || v.equals("Disabled");
                case FIRST_BOOT -> FIRST_BOOT_DEVICES.contains(v);
                default -> false;
            };
            if (!ok) {
                return IdracMethods.error(current.containsKey(n) ? "Invalid AttributeValue for AttributeName " + n
                        : "Invalid AttributeName: " + n, "RAC014");
            }
        }
        for (int i = 0; i < names.size(); i++) {
            pending.put(names.get(i), vals.get(i));
        }
        // the recorded iDRAC answer (idrac_service-invoke-set_attributes-ok.xml)
        return List.of(IdracMethods.v("Message", "The command was successful"), IdracMethods.v("MessageID", "RAC001"),
                IdracMethods.v("RebootRequired", "No"), IdracMethods.v("ReturnValue", "0"),
                IdracMethods.v("SetResult", "Set PendingValue"));
    }

    synchronized List<CimInstance.Property> createTargetedConfigJob(XmlElement in) {
        String target = IdracMethods.param(in, "Target");
        if (!TARGET.equals(target)) {
            return IdracMethods.error("Invalid Target: " + target + ".", "SUP024");
        }
        if (pending.isEmpty()) {
            return IdracMethods.error("No pending data present to create a Configuration job.", "RAC017");
        }
        settle();
        current.putAll(pending);
        pending.clear();
        committedAtBoot = s.power.boots();
        if (current.get(BOOT_ONCE).equals("Enabled") && !current.get(FIRST_BOOT).equals("Normal")) {
            s.power.setBootOverride(source(current.get(FIRST_BOOT)));
        }
        return IdracMethods.job(s.jobs.addConfig("ConfigRAC:" + TARGET, null), "DCIM_LifecycleJob");
    }

    private static String source(String firstBootDevice) {
        return switch (firstBootDevice) {
            case "CD-DVD", "VCD-DVD" -> "CD";
            case "F10" -> "LifecycleController";
            case "F11" -> "BootManager";
            default -> firstBootDevice;
        };
    }

    /** A boot since the commit consumed a boot-once first device: the iDRAC shows Normal again. */
    private void settle() {
        if (committedAtBoot >= 0 && current.get(BOOT_ONCE).equals("Enabled") && s.power.boots() > committedAtBoot) {
            current.put(FIRST_BOOT, "Normal");
            committedAtBoot = -1;
        }
    }

    /** DCIM_iDRACCardEnumeration: the ServerBoot.1 BootOnce attribute. */
    synchronized List<CimInstance> enumerations() {
        settle();
        return List.of(attribute("DCIM_iDRACCardEnumeration", "BootOnce", "Boot Once")
                .array("PossibleValues", "Enabled", "Disabled").build());
    }

    /** DCIM_iDRACCardString: the ServerBoot.1 FirstBootDevice attribute. */
    synchronized List<CimInstance> strings() {
        settle();
        return List.of(attribute("DCIM_iDRACCardString", "FirstBootDevice", "First Boot Device")
                .p("MaxLength", 65).p("MinLength", 0).build());
    }

    private CimInstance.Builder attribute(String cls, String name, String display) {
        String key = "ServerBoot.1#" + name;
        return CimInstance.builder(Ns.DCIM + cls, cls)
                .p("AttributeDisplayName", display)
                .p("AttributeName", name)
                .p("CurrentValue", current.get(key))
                .p("Dependency", null)
                .p("FQDD", TARGET)
                .p("GroupDisplayName", "Server Boot")
                .p("GroupID", "ServerBoot.1")
                .p("InstanceID", TARGET + "#" + key)
                .p("IsReadOnly", false)
                .p("PendingValue", pending.get(key));
    }
}

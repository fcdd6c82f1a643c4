package io.lightsout.lab.amt;

import io.lightsout.lab.PowerState;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.CimProvider;
import io.lightsout.lab.wsman.Ns;
import io.lightsout.lab.wsman.SoapParser;
import io.lightsout.lab.wsman.WsmanFault;
import io.lightsout.lab.wsman.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated Intel AMT device (protocols.md 2.2 and 5): power through CIM_PowerManagementService, state
 * through CIM_AssociatedPowerManagementService, boot override through AMT_BootSettingData +
 * CIM_BootConfigSetting.ChangeBootOrder + CIM_BootService.SetBootConfigRole.
 */
public final class AmtService implements CimProvider {
    static final String PXE = "Intel(r) AMT: Force PXE Boot";
    static final String CD = "Intel(r) AMT: Force CD/DVD Boot";
    static final String HDD = "Intel(r) AMT: Force Hard-drive Boot";

    final AmtHost host;
    final PowerModel power;
    final Firmware firmware;
    private final Map<String, String> bootSettings = new LinkedHashMap<>();
    private String forcedSource;
    private boolean nextSingleUse;

    public AmtService(AmtHost host, PowerModel power, Firmware firmware) {
        this.host = host;
        this.power = power;
        this.firmware = firmware;
        for (String k : new String[] {"BIOSPause", "BIOSSetup", "UseIDER", "UseSOL", "UseSafeMode",
            "LockKeyboard", "LockPowerButton", "LockResetButton", "LockSleepButton", "ReflashBIOS",
            "SecureErase", "UserPasswordBypass", "ConfigurationDataReset", "EnforceSecureBoot",
            "ForcedProgressEvents"}) {
            bootSettings.put(k, "false");
        }
        bootSettings.put("BootMediaIndex", "0");
        bootSettings.put("FirmwareVerbosity", "0");
        bootSettings.put("IDERBootDevice", "0");
    }

    /** Fills a new AMT's firmware inventory (CIM_SoftwareIdentity). */
    public static void defaultFirmware(Firmware fw) {
        fw.add(new Firmware.Component("AMT", "AMT", "AMT", "FRMW", "16.1.27"));
        fw.add(new Firmware.Component("Flash", "Flash", "Flash", "FRMW", "16.1.27"));
        fw.add(new Firmware.Component("Netstack", "Netstack", "Netstack", "FRMW", "16.1.27"));
        fw.add(new Firmware.Component("AMTApps", "AMTApps", "AMTApps", "FRMW", "16.1.27"));
        fw.add(new Firmware.Component("Build Number", "Build Number", "Build Number", "FRMW", "2008"));
        fw.add(new Firmware.Component("Sku", "Sku", "Sku", "FRMW", "16392"));
        fw.add(new Firmware.Component("VendorID", "VendorID", "VendorID", "FRMW", "8086"));
    }

    @Override
    public String classNamespace(String uri) {
        String cls = uri.substring(uri.lastIndexOf('/') + 1);
        String ns = uri.startsWith(Ns.AMT) ? Ns.AMT : uri.startsWith(Ns.CIM) ? Ns.CIM : null;
        if (ns == null) {
            return null;
        }
        return switch (cls) {
            case "CIM_AssociatedPowerManagementService", "CIM_PowerManagementService", "CIM_BootConfigSetting",
                 "CIM_BootService", "CIM_SoftwareIdentity", "CIM_ComputerSystem", "CIM_BootSourceSetting",
                 "CIM_Chassis", "CIM_BIOSElement", "CIM_Processor", "CIM_Chip", "CIM_PhysicalMemory",
                 "CIM_MediaAccessDevice" ->
                    ns == Ns.CIM ? uri : null;
            case "AMT_GeneralSettings", "AMT_BootSettingData", "AMT_EthernetPortSettings" ->
                    ns == Ns.AMT ? uri : null;
            default -> null;
        };
    }

    @Override
    public List<CimInstance> instances(String classNs) {
        String cls = classNs.substring(classNs.lastIndexOf('/') + 1);
        return switch (cls) {
            case "CIM_AssociatedPowerManagementService" -> List.of(AmtInventory.associatedPower(power));
            case "CIM_PowerManagementService" -> List.of(AmtInventory.powerService());
            case "CIM_ComputerSystem" -> List.of(AmtInventory.computerSystem(power));
            case "AMT_GeneralSettings" -> List.of(AmtInventory.generalSettings(host));
            case "AMT_BootSettingData" -> List.of(bootSettingData());
            case "AMT_EthernetPortSettings" -> AmtInventory.ethernetPorts(host);
            case "CIM_SoftwareIdentity" -> AmtInventory.software(firmware);
            case "CIM_BootSourceSetting" -> AmtInventory.bootSources();
            case "CIM_BootConfigSetting" -> List.of(AmtInventory.bootConfig());
            case "CIM_BootService" -> List.of(AmtInventory.bootService());
            case "CIM_Chassis" -> AmtInventory.chassis(host);
            case "CIM_BIOSElement" -> AmtInventory.bios(host);
            case "CIM_Processor" -> AmtInventory.processors(host);
            case "CIM_Chip" -> AmtInventory.chips(host);
            case "CIM_PhysicalMemory" -> AmtInventory.memory(host);
            case "CIM_MediaAccessDevice" -> AmtInventory.disks(host);
            default -> List.of();
        };
    }

    private synchronized CimInstance bootSettingData() {
        CimInstance.Builder b = CimInstance.builder(Ns.AMT + "AMT_BootSettingData", "AMT_BootSettingData")
                .array("BIOSLastStatus", 2, 0);
        for (Map.Entry<String, String> e : bootSettings.entrySet()) {
            b.p(e.getKey(), e.getValue());
        }
        return b.p("ElementName", "Intel(r) AMT Boot Configuration Settings")
                .p("InstanceID", "Intel(r) AMT:BootSettingData 0")
                .p("OptionsCleared", forcedSource == null)
                .p("OwningEntity", "Intel(r) AMT")
                .build();
    }

    @Override
    public synchronized CimInstance put(String classNs, Map<String, String> selectors, XmlElement body) {
        if (!classNs.endsWith("/AMT_BootSettingData")) {
            throw WsmanFault.actionNotSupported(Ns.PUT + " on " + classNs);
        }
        if (!body.name().equals("AMT_BootSettingData")
                || !"Intel(r) AMT:BootSettingData 0".equals(body.childText("InstanceID"))) {
            throw WsmanFault.invalidRepresentation("AMT_BootSettingData with InstanceID "
                    + "'Intel(r) AMT:BootSettingData 0' expected");
        }
        if ("true".equals(body.childText("UseIDER")) && forcedSource != null) {
            // pitfall 10: a forced boot order left over makes AMT refuse an IDE-R Put
            throw WsmanFault.invalidRepresentation("A boot source is still forced; clear it with ChangeBootOrder.");
        }
        for (String k : bootSettings.keySet()) {
            String v = body.childText(k);
            if (v != null) {
                bootSettings.put(k, v);
            }
        }
        updateOverride();
        return bootSettingData();
    }

    @Override
    public synchronized List<CimInstance.Property> invoke(String classNs, String method,
                                                          Map<String, String> selectors, XmlElement in) {
        String cls = classNs.substring(classNs.lastIndexOf('/') + 1);
        return switch (cls + "." + method) {
            case "CIM_PowerManagementService.RequestPowerStateChange" -> requestPowerStateChange(in);
            case "CIM_BootConfigSetting.ChangeBootOrder" -> changeBootOrder(in);
            case "CIM_BootService.SetBootConfigRole" -> setBootConfigRole(in);
            default -> throw WsmanFault.actionNotSupported(classNs + "/" + method);
        };
    }

    private List<CimInstance.Property> requestPowerStateChange(XmlElement in) {
        String ps = in == null ? null : in.childText("PowerState");
        PowerModel.Action a = switch (ps == null ? "" : ps) {
            case "2" -> PowerModel.Action.ON;
            case "6", "8" -> PowerModel.Action.OFF_HARD;
            case "12", "13" -> PowerModel.Action.OFF_GRACEFUL;
            case "5", "9", "15", "16" -> PowerModel.Action.CYCLE;
            case "10", "14" -> PowerModel.Action.RESET;
            default -> null;
        };
        if (a == null) {
            // 3/4/7 need an OS agent (AMT > 9), 11/17 are interrupts: not modelled
            return rv(ps == null || ps.isEmpty() ? 5 : 1);
        }
        return rv(power.request(a) ? 0 : 2);
    }

    private List<CimInstance.Property> changeBootOrder(XmlElement in) {
        XmlElement source = in == null ? null : in.childIgnoreCase("Source");
        if (source == null || source.children().isEmpty()) {
            forcedSource = null;
        } else {
            Map<String, String> sel = new LinkedHashMap<>();
            XmlElement set = source.find("SelectorSet");
            if (set != null) {
                SoapParser.readSelectors(set, sel);
            }
            String id = sel.get("InstanceID");
            if (!PXE.equals(id) && !CD.equals(id) && !HDD.equals(id)) {
                return rv(5);
            }
            forcedSource = id;
        }
        updateOverride();
        return rv(0);
    }

    private List<CimInstance.Property> setBootConfigRole(XmlElement in) {
        String role = in == null ? null : in.childText("Role");
        if (role == null || !(role.equals("0") || role.equals("1") || role.equals("32768"))) {
            return rv(5);
        }
        nextSingleUse = role.equals("1");
        updateOverride();
        return rv(0);
    }

    /** Translates AMT's boot settings into the one-time override the next boot consumes. */
    private void updateOverride() {
        String o = null;
        if (nextSingleUse) {
            if (PXE.equals(forcedSource)) {
                o = "PXE";
            } else if (CD.equals(forcedSource)) {
                o = "CD";
            } else if (HDD.equals(forcedSource)) {
                o = "HDD";
            } else if ("true".equals(bootSettings.get("UseIDER"))) {
                o = "1".equals(bootSettings.get("IDERBootDevice")) ? "IDER-CD" : "IDER-FLOPPY";
            } else if ("true".equals(bootSettings.get("BIOSSetup"))) {
                o = "BIOS";
            }
        }
        power.setBootOverride(o);
    }

    /** The pending forced boot source InstanceID, or null. */
    public synchronized String forcedSource() {
        return forcedSource;
    }

    private static List<CimInstance.Property> rv(int v) {
        List<CimInstance.Property> out = new ArrayList<>();
        out.add(new CimInstance.Value("ReturnValue", String.valueOf(v)));
        return out;
    }

    @Override
    public String[] identity() {
        return new String[] {"Intel Corporation", "AMT " + firmware.get("AMT").version()};
    }

    boolean on() {
        return power.state() == PowerState.ON;
    }
}

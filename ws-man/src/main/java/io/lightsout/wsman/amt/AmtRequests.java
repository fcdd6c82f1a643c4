package io.lightsout.wsman.amt;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EndpointReference;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.Envelopes;
import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.Parameter;
import io.lightsout.wsman.Request;
import io.lightsout.wsman.SelectorSet;
import java.util.List;

/**
 * The AMT/DASH requests (pure), shaped like those Intel's own toolkit sends (same actions, resources, selectors
 * and bodies as {@code @device-management-toolkit/wsman-messages}; checked against its generated envelopes).
 */
public final class AmtRequests {

    public static final String POWER_SERVICE = Namespaces.CIM_PREFIX + "CIM_PowerManagementService";
    public static final String ASSOCIATED_POWER = Namespaces.CIM_PREFIX + "CIM_AssociatedPowerManagementService";
    public static final String COMPUTER_SYSTEM = Namespaces.CIM_PREFIX + "CIM_ComputerSystem";
    public static final String BOOT_CONFIG = Namespaces.CIM_PREFIX + "CIM_BootConfigSetting";
    public static final String BOOT_SERVICE = Namespaces.CIM_PREFIX + "CIM_BootService";
    public static final String BOOT_SOURCE = Namespaces.CIM_PREFIX + "CIM_BootSourceSetting";
    public static final String SOFTWARE_IDENTITY = Namespaces.CIM_PREFIX + "CIM_SoftwareIdentity";
    public static final String CHASSIS = Namespaces.CIM_PREFIX + "CIM_Chassis";
    public static final String BIOS_ELEMENT = Namespaces.CIM_PREFIX + "CIM_BIOSElement";
    public static final String PROCESSOR = Namespaces.CIM_PREFIX + "CIM_Processor";
    public static final String CHIP = Namespaces.CIM_PREFIX + "CIM_Chip";
    public static final String PHYSICAL_MEMORY = Namespaces.CIM_PREFIX + "CIM_PhysicalMemory";
    public static final String MEDIA_ACCESS_DEVICE = Namespaces.CIM_PREFIX + "CIM_MediaAccessDevice";
    public static final String GENERAL_SETTINGS = Namespaces.AMT_PREFIX + "AMT_GeneralSettings";
    public static final String BOOT_SETTING_DATA = Namespaces.AMT_PREFIX + "AMT_BootSettingData";
    public static final String ETHERNET_PORT = Namespaces.AMT_PREFIX + "AMT_EthernetPortSettings";

    /** The EPR address AMT tooling puts in REF parameters (the WS-Addressing namespace itself). */
    static final String REF_ADDRESS = Namespaces.WSA;

    private AmtRequests() {
    }

    /** Get of the (single) CIM_AssociatedPowerManagementService: PowerState is the host's power state. */
    public static Request powerState() {
        return Envelopes.get(ASSOCIATED_POWER, SelectorSet.EMPTY);
    }

    /** RequestPowerStateChange(PowerState, ManagedElement = CIM_ComputerSystem "ManagedSystem"). */
    public static Request requestPowerStateChange(int powerState) {
        EndpointReference managed = new EndpointReference(REF_ADDRESS, COMPUTER_SYSTEM,
                SelectorSet.of("CreationClassName", "CIM_ComputerSystem", "Name", "ManagedSystem"));
        return Envelopes.invoke(POWER_SERVICE, "RequestPowerStateChange", SelectorSet.EMPTY, List.of(
                Parameter.text("PowerState", Integer.toString(powerState)), Parameter.ref("ManagedElement", managed)));
    }

    public static Request generalSettings() {
        return Envelopes.get(GENERAL_SETTINGS, SelectorSet.EMPTY);
    }

    public static Request bootSettingData() {
        return Envelopes.get(BOOT_SETTING_DATA, SelectorSet.EMPTY);
    }

    /** Put of the whole AMT_BootSettingData (AMT rejects partial representations). */
    public static Request putBootSettingData(CimInstance settings) {
        return Envelopes.put(BOOT_SETTING_DATA, SelectorSet.EMPTY, settings);
    }

    /** SetBootConfigRole(BootConfigSetting = "Intel(r) AMT: Boot Configuration 0", Role); 1 = next boot only. */
    public static Request setBootConfigRole(int role) {
        EndpointReference config = new EndpointReference(REF_ADDRESS, BOOT_CONFIG,
                SelectorSet.of("InstanceID", "Intel(r) AMT: Boot Configuration 0"));
        return Envelopes.invoke(BOOT_SERVICE, "SetBootConfigRole", SelectorSet.EMPTY,
                List.of(Parameter.ref("BootConfigSetting", config), Parameter.text("Role", Integer.toString(role))));
    }

    /** ChangeBootOrder(Source = the boot source), or with no Source to clear a previous forced order. */
    public static Request changeBootOrder(String bootSourceInstanceId) {
        List<Parameter> params = bootSourceInstanceId == null ? List.of()
                : List.of(Parameter.ref("Source", new EndpointReference(REF_ADDRESS, BOOT_SOURCE,
                        SelectorSet.of("InstanceID", bootSourceInstanceId))));
        return Envelopes.invoke(BOOT_CONFIG, "ChangeBootOrder", SelectorSet.EMPTY, params);
    }

    public static Request enumerate(String resourceUri) {
        return Envelopes.enumerate(resourceUri, EnumerateOptions.amtStyle());
    }

    public static Request pull(String resourceUri, String context) {
        return Envelopes.pull(resourceUri, context, EnumerateOptions.amtStyle());
    }
}

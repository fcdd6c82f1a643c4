package io.lightsout.wsman.idrac;

import io.lightsout.wsman.EndpointReference;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.Envelopes;
import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.Parameter;
import io.lightsout.wsman.Request;
import io.lightsout.wsman.SelectorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;

/**
 * The iDRAC requests (pure). Resource URIs use Dell's {@code schemas.dell.com} form; service selectors are the
 * four keys the Lifecycle Controller requires (Dell LC Web Services Interface Guide; python-dracclient).
 */
public final class IdracRequests {

    public static final String LC_SERVICE = uri("DCIM_LCService");
    public static final String COMPUTER_SYSTEM = uri("DCIM_ComputerSystem");
    public static final String POWER_SERVICE = uri("DCIM_CSPowerManagementService");
    public static final String OSD_SERVICE = uri("DCIM_OSDeploymentService");
    public static final String SWI_SERVICE = uri("DCIM_SoftwareInstallationService");
    public static final String JOB_SERVICE = uri("DCIM_JobService");
    public static final String BIOS_SERVICE = uri("DCIM_BIOSService");
    public static final String BIOS_ENUMERATION = uri("DCIM_BIOSEnumeration");
    public static final String IDRAC_CARD_SERVICE = uri("DCIM_iDRACCardService");
    public static final String LIFECYCLE_JOB = uri("DCIM_LifecycleJob");
    public static final String OSD_JOB = uri("DCIM_OSDConcreteJob");
    public static final String SOFTWARE_IDENTITY = uri("DCIM_SoftwareIdentity");

    static final SelectorSet LC = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "DCIM:ComputerSystem", "CreationClassName", "DCIM_LCService", "Name", "DCIM:LCService");
    static final SelectorSet OSD = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "DCIM:ComputerSystem", "CreationClassName", "DCIM_OSDeploymentService",
            "Name", "DCIM:OSDeploymentService");
    static final SelectorSet SWI = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "IDRAC:ID", "CreationClassName", "DCIM_SoftwareInstallationService",
            "Name", "SoftwareUpdate");
    static final SelectorSet JOBS = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "Idrac", "CreationClassName", "DCIM_JobService", "Name", "JobService");
    static final SelectorSet POWER = SelectorSet.of("SystemCreationClassName", "DCIM_SPComputerSystem",
            "SystemName", "systemmc", "CreationClassName", "DCIM_CSPowerManagementService", "Name", "pwrmgtsvc:1");
    static final SelectorSet BIOS = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "DCIM:ComputerSystem", "CreationClassName", "DCIM_BIOSService", "Name", "DCIM:BIOSService");
    static final SelectorSet IDRAC_CARD = SelectorSet.of("SystemCreationClassName", "DCIM_ComputerSystem",
            "SystemName", "DCIM:ComputerSystem", "CreationClassName", "DCIM_iDRACCardService",
            "Name", "DCIM:iDRACCardService");
    static final SelectorSet SYSTEM = SelectorSet.of("CreationClassName", "DCIM_ComputerSystem",
            "Name", "srv:system");

    /** The BIOS FQDD that BIOS configuration jobs target. */
    public static final String BIOS_TARGET = "BIOS.Setup.1-1";
    /** The iDRAC FQDD that iDRAC attribute (DCIM_iDRACCardService) configuration jobs target. */
    public static final String IDRAC_TARGET = "iDRAC.Embedded.1";

    private IdracRequests() {
    }

    /** The Dell resource URI of a DCIM class. */
    public static String uri(String dcimClass) {
        return Namespaces.DCIM_PREFIX + dcimClass;
    }

    public static Request remoteServicesStatus() {
        return Envelopes.invoke(LC_SERVICE, "GetRemoteServicesAPIStatus", LC, List.of());
    }

    /** Enumerates DCIM_ComputerSystem (EnabledState is the power state); one instance, so one round trip. */
    public static Request computerSystem() {
        return Envelopes.enumerate(COMPUTER_SYSTEM, EnumerateOptions.defaults());
    }

    public static Request requestPowerStateChange(int powerState) {
        return Envelopes.invoke(POWER_SERVICE, "RequestPowerStateChange", POWER,
                List.of(Parameter.text("PowerState", Integer.toString(powerState))));
    }

    /** DCIM_ComputerSystem.RequestStateChange: 2 on, 3 off, 11 reset. */
    public static Request requestStateChange(int requestedState) {
        return Envelopes.invoke(COMPUTER_SYSTEM, "RequestStateChange", SYSTEM,
                List.of(Parameter.text("RequestedState", Integer.toString(requestedState))));
    }

    public static Request bootToNetworkIso(NetworkIso iso) {
        return Envelopes.invoke(OSD_SERVICE, "BootToNetworkISO", OSD, isoParameters(iso));
    }

    public static Request connectNetworkIso(NetworkIso iso) {
        return Envelopes.invoke(OSD_SERVICE, "ConnectNetworkISOImage", OSD, isoParameters(iso));
    }

    /** An OSD method without parameters: DetachISOImage, DisconnectNetworkISOImage, GetNetworkISOImageConnectionInfo. */
    public static Request osdMethod(String method) {
        return Envelopes.invoke(OSD_SERVICE, method, OSD, List.of());
    }

    private static List<Parameter> isoParameters(NetworkIso iso) {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.text("IPAddress", iso.address()));
        p.add(Parameter.text("ShareName", iso.shareName()));
        p.add(Parameter.text("ShareType", Integer.toString(iso.shareType().code())));
        p.add(Parameter.text("ImageName", iso.imageName()));
        if (iso.userName() != null) {
            p.add(Parameter.text("UserName", iso.userName()));
        }
        if (iso.password() != null) {
            p.add(Parameter.text("Password", iso.password()));
        }
        if (iso.exposeDuration() != null) {
            p.add(Parameter.text("ExposeDuration", iso.exposeDuration()));
        }
        return p;
    }

    /** InstallFromURI with Target = EPR to the SoftwareIdentity being updated (never a bare FQDD). */
    public static Request installFromUri(String uri, String softwareIdentityInstanceId) {
        EndpointReference target = EndpointReference.of(SOFTWARE_IDENTITY,
                SelectorSet.of("InstanceID", softwareIdentityInstanceId));
        return Envelopes.invoke(SWI_SERVICE, "InstallFromURI", SWI,
                List.of(Parameter.text("URI", uri), Parameter.ref("Target", target)));
    }

    /** CreateRebootJob: 1 power cycle, 2 graceful without forced shutdown, 3 graceful with forced shutdown. */
    public static Request createRebootJob(int rebootJobType) {
        return Envelopes.invoke(SWI_SERVICE, "CreateRebootJob", SWI,
                List.of(Parameter.text("RebootJobType", Integer.toString(rebootJobType))));
    }

    /** SetupJobQueue(JobArray, StartTimeInterval) — {@code TIME_NOW} or {@code yyyymmddhhmmss}. */
    public static Request setupJobQueue(List<String> jobIds, String startTime) {
        return Envelopes.invoke(JOB_SERVICE, "SetupJobQueue", JOBS, List.of(
                Parameter.text("JobArray", jobIds.toArray(String[]::new)),
                Parameter.text("StartTimeInterval", startTime)));
    }

    public static Request job(String jobId) {
        String cls = jobId.startsWith("DCIM_OSDConcreteJob") ? OSD_JOB : LIFECYCLE_JOB;
        return Envelopes.get(cls, SelectorSet.of("InstanceID", jobId));
    }

    /** DCIM_BIOSService.SetAttributes: pending values, applied by a BIOS config job at the next POST. */
    public static Request setBiosAttributes(SequencedMap<String, String> attributes) {
        return setAttributes(BIOS_SERVICE, BIOS, BIOS_TARGET, attributes);
    }

    /**
     * DCIM_iDRACCardService.SetAttributes on iDRAC.Embedded.1; names are {@code Group#Attribute}, e.g.
     * {@code ServerBoot.1#FirstBootDevice} (the InstanceID of DCIM_iDRACCardEnumeration without the FQDD).
     */
    public static Request setIdracAttributes(SequencedMap<String, String> attributes) {
        return setAttributes(IDRAC_CARD_SERVICE, IDRAC_CARD, IDRAC_TARGET, attributes);
    }

    private static Request setAttributes(String service, SelectorSet selectors, String target,
                                         SequencedMap<String, String> attributes) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("at least one attribute is required");
        }
        return Envelopes.invoke(service, "SetAttributes", selectors, List.of(
                Parameter.text("Target", target),
                Parameter.text("AttributeName", attributes.keySet().toArray(String[]::new)),
                Parameter.text("AttributeValue", attributes.values().toArray(String[]::new))));
    }

    /**
     * DCIM_BIOSService.CreateTargetedConfigJob on BIOS.Setup.1-1, scheduled TIME_NOW; {@code rebootJobType} 1 power
     * cycle, 2 graceful, 3 graceful then forced, or 0 to leave the reboot to the caller.
     */
    public static Request createBiosConfigJob(int rebootJobType) {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.text("Target", BIOS_TARGET));
        if (rebootJobType != 0) {
            p.add(Parameter.text("RebootJobType", Integer.toString(rebootJobType)));
        }
        p.add(Parameter.text("ScheduledStartTime", "TIME_NOW"));
        return Envelopes.invoke(BIOS_SERVICE, "CreateTargetedConfigJob", BIOS, p);
    }

    /** DCIM_iDRACCardService.CreateTargetedConfigJob on iDRAC.Embedded.1, TIME_NOW: iDRAC settings need no reboot. */
    public static Request createIdracConfigJob() {
        return Envelopes.invoke(IDRAC_CARD_SERVICE, "CreateTargetedConfigJob", IDRAC_CARD, List.of(
                Parameter.text("Target", IDRAC_TARGET), Parameter.text("ScheduledStartTime", "TIME_NOW")));
    }
}

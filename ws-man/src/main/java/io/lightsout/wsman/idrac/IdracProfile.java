package io.lightsout.wsman.idrac;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.InvokeResult;
import io.lightsout.wsman.Request;
import io.lightsout.wsman.Responses;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.profile.MethodFailedException;
import io.lightsout.wsman.profile.PowerAction;
import io.lightsout.wsman.profile.PowerReading;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Function;

/**
 * Dell iDRAC through the Lifecycle Controller's DCIM classes. Methods throw {@link WsmanException} for transport
 * and protocol failures and {@link MethodFailedException} when the device ran a method and reported failure;
 * {@link #powerState()} alone never throws, since UNKNOWN and AUTH_FAILED are states.
 */
public final class IdracProfile {

    /** The CIM power values DCIM_CSPowerManagementService accepts (Dell omsdk iDRACEnums). */
    public static final Set<PowerAction> SUPPORTED = EnumSet.of(PowerAction.ON, PowerAction.CYCLE_SOFT,
            PowerAction.OFF_SOFT, PowerAction.CYCLE_HARD, PowerAction.RESET, PowerAction.NMI,
            PowerAction.OFF_GRACEFUL);

    /** The first integrated NIC port, the usual PXE device in the legacy (BIOS mode) boot list. */
    public static final String PXE_DEVICE = "NIC.Integrated.1-1-1";
    /** The first hard disk in the legacy (BIOS mode) boot list. */
    public static final String DISK_DEVICE = "HardDisk.List.1-1";

    private final WsmanSession session;

    public IdracProfile(WsmanSession session) {
        this.session = session;
    }

    /** GetRemoteServicesAPIStatus: gate every command on {@link LcStatus#ready()}. */
    public LcStatus remoteServicesStatus() {
        return IdracMapper.lcStatus(invoke(IdracRequests.remoteServicesStatus(), "GetRemoteServicesAPIStatus"));
    }

    /** The host's power state from DCIM_ComputerSystem; failures become UNKNOWN or AUTH_FAILED. */
    public PowerReading powerState() {
        try {
            return IdracMapper.powerState(session.instances(IdracRequests.COMPUTER_SYSTEM, EnumerateOptions.defaults()));
        } catch (WsmanException e) {
            return PowerReading.failed(e);
        }
    }

    /** DCIM_CSPowerManagementService.RequestPowerStateChange. */
    public InvokeResult requestPowerState(PowerAction action) {
        if (!SUPPORTED.contains(action)) {
            throw new IllegalArgumentException("iDRAC does not support power action " + action);
        }
        return MethodFailedException.check(invoke(IdracRequests.requestPowerStateChange(action.cimValue()),
                "RequestPowerStateChange"));
    }

    /** DCIM_ComputerSystem.RequestStateChange: 2 on, 3 off, 11 reset. */
    public InvokeResult requestStateChange(int requestedState) {
        return MethodFailedException.check(invoke(IdracRequests.requestStateChange(requestedState),
                "RequestStateChange"));
    }

    /** Hardware and firmware inventory: six enumerations. */
    public Inventory inventory() {
        List<Inventory.SystemInfo> system = view("DCIM_SystemView", IdracMapper::system);
        return new Inventory(system.isEmpty() ? new Inventory.SystemInfo("", "", "", "", "", "", "") : system.getFirst(),
                view("DCIM_CPUView", IdracMapper::cpu), view("DCIM_MemoryView", IdracMapper::memory),
                view("DCIM_NICView", IdracMapper::nic), view("DCIM_PhysicalDiskView", IdracMapper::disk),
                view("DCIM_SoftwareIdentity", IdracMapper::firmware));
    }

    private <T> List<T> view(String cls, Function<CimInstance, T> mapper) {
        return session.instances(IdracRequests.uri(cls), EnumerateOptions.defaults()).stream().map(mapper).toList();
    }

    /** BootToNetworkISO: attach the ISO and boot from it once; returns the OSD job id. */
    public String bootToNetworkIso(NetworkIso iso) {
        return jobOf(invoke(IdracRequests.bootToNetworkIso(iso), "BootToNetworkISO"));
    }

    /** ConnectNetworkISOImage: attach without forcing a boot; returns the OSD job id. */
    public String connectNetworkIso(NetworkIso iso) {
        return jobOf(invoke(IdracRequests.connectNetworkIso(iso), "ConnectNetworkISOImage"));
    }

    /** DetachISOImage: undo BootToNetworkISO. */
    public InvokeResult detachIso() {
        return MethodFailedException.check(invoke(IdracRequests.osdMethod("DetachISOImage"), "DetachISOImage"));
    }

    /** DisconnectNetworkISOImage: undo ConnectNetworkISOImage. */
    public InvokeResult disconnectNetworkIso() {
        return MethodFailedException.check(invoke(IdracRequests.osdMethod("DisconnectNetworkISOImage"),
                "DisconnectNetworkISOImage"));
    }

    /** GetNetworkISOImageConnectionInfo: the attached image's share, name and state. */
    public IsoConnection networkIsoConnectionInfo() {
        return IdracMapper.isoConnection(MethodFailedException.check(invoke(
                IdracRequests.osdMethod("GetNetworkISOImageConnectionInfo"), "GetNetworkISOImageConnectionInfo"))
                .output());
    }

    /** InstallFromURI of {@code uri} onto the SoftwareIdentity {@code instanceId}; returns the update job id. */
    public String installFromUri(String uri, String instanceId) {
        return jobOf(invoke(IdracRequests.installFromUri(uri, instanceId), "InstallFromURI"));
    }

    /** CreateRebootJob (1 power cycle, 2 graceful, 3 graceful then forced); returns the reboot job id. */
    public String createRebootJob(int rebootJobType) {
        return jobOf(invoke(IdracRequests.createRebootJob(rebootJobType), "CreateRebootJob"));
    }

    /** SetupJobQueue: run these jobs at {@code TIME_NOW} or {@code yyyymmddhhmmss}. */
    public InvokeResult setupJobQueue(List<String> jobIds, String startTime) {
        return MethodFailedException.check(invoke(IdracRequests.setupJobQueue(jobIds, startTime), "SetupJobQueue"));
    }

    /** The host's boot mode and one-time boot device lists (one enumeration of DCIM_BIOSEnumeration). */
    public BootSettings bootSettings() {
        return IdracMapper.bootSettings(session.instances(IdracRequests.BIOS_ENUMERATION, EnumerateOptions.defaults()));
    }

    /** {@link #bootOnce(OneTimeBoot, int)} for a host in legacy BIOS mode. */
    public String bootOnce(String device, int rebootJobType) {
        return bootOnce(OneTimeBoot.bios(device), rebootJobType);
    }

    /**
     * One-time boot through the BIOS attributes OneTimeBootMode and its device attribute (choose with
     * {@link OneTimeBoot#network} / {@link OneTimeBoot#disk} from {@link #bootSettings()}: an iDRAC refuses the
     * legacy pair on a UEFI host and the reverse), then a BIOS config job scheduled TIME_NOW (the way OpenStack
     * Ironic does it). The job runs at the next POST: pass {@code rebootJobType} 1/2/3 for the iDRAC to reboot the
     * host, or 0 when the caller powers the host on or cycles it itself. Returns the job id.
     */
    public String bootOnce(OneTimeBoot boot, int rebootJobType) {
        requireRebootJobType(rebootJobType);
        SequencedMap<String, String> attrs = new LinkedHashMap<>();
        attrs.put("OneTimeBootMode", boot.mode());
        attrs.put(boot.deviceAttribute(), boot.device());
        MethodFailedException.check(invoke(IdracRequests.setBiosAttributes(attrs), "SetAttributes"));
        return jobOf(invoke(IdracRequests.createBiosConfigJob(rebootJobType), "CreateTargetedConfigJob"));
    }

    /**
     * Boot once into BIOS setup (F2 System Setup). Setup is not a boot-sequence device, so this goes through the
     * iDRAC's own server-boot attributes, as {@code racadm set iDRAC.ServerBoot.FirstBootDevice BIOS} does:
     * {@code ServerBoot.1#BootOnce=Enabled} and {@code ServerBoot.1#FirstBootDevice=BIOS} on iDRAC.Embedded.1
     * through DCIM_iDRACCardService, committed by an iDRAC config job (no host reboot). Works in both boot modes;
     * the caller powers the host on or cycles it. Returns the job id.
     */
    public String bootOnceToSetup() {
        SequencedMap<String, String> attrs = new LinkedHashMap<>();
        attrs.put("ServerBoot.1#BootOnce", "Enabled");
        attrs.put("ServerBoot.1#FirstBootDevice", "BIOS");
        MethodFailedException.check(invoke(IdracRequests.setIdracAttributes(attrs), "SetAttributes"));
        return jobOf(invoke(IdracRequests.createIdracConfigJob(), "CreateTargetedConfigJob"));
    }

    private static void requireRebootJobType(int rebootJobType) {
        if (rebootJobType < 0 || rebootJobType > 3) {
            throw new IllegalArgumentException("RebootJobType must be 0 (none), 1, 2 or 3: " + rebootJobType);
        }
    }

    /** One Lifecycle Controller (or OSD) job, for polling. */
    public LifecycleJob job(String jobId) {
        return IdracMapper.job(Responses.instance(session.endpoint().display(),
                session.exchange(IdracRequests.job(jobId))));
    }

    private String jobOf(InvokeResult r) {
        MethodFailedException.check(r);
        return IdracMapper.jobId(r).orElseThrow(() -> new MethodFailedException(r.method(),
                r.returnValue().orElse(-1), r.messageId().orElse(null), "no job reference returned"));
    }

    private InvokeResult invoke(Request request, String method) {
        return Responses.invoke(session.endpoint().display(), method, session.exchange(request));
    }
}

package io.lightsout.wsman.amt;

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
import java.util.List;
import java.util.Set;

/**
 * Intel AMT and DMTF DASH through CIM and AMT classes. Methods throw {@link WsmanException} for transport and
 * protocol failures and {@link MethodFailedException} when the firmware reports a method failure;
 * {@link #powerState()} alone never throws.
 */
public final class AmtProfile {

    /** Power values AMT accepts (AvailableRequestedPowerStates on AMT 12+; 4 and 7 need OS cooperation). */
    public static final Set<PowerAction> SUPPORTED = EnumSet.of(PowerAction.ON, PowerAction.SLEEP,
            PowerAction.CYCLE_SOFT, PowerAction.HIBERNATE, PowerAction.OFF_SOFT, PowerAction.RESET, PowerAction.NMI,
            PowerAction.OFF_GRACEFUL, PowerAction.RESET_GRACEFUL);

    private final WsmanSession session;

    public AmtProfile(WsmanSession session) {
        this.session = session;
    }

    /** The host's power state (one Get); failures become UNKNOWN or AUTH_FAILED. */
    public PowerReading powerState() {
        try {
            return AmtMapper.powerState(instance(AmtRequests.powerState()));
        } catch (WsmanException e) {
            return PowerReading.failed(e);
        }
    }

    /** CIM_PowerManagementService.RequestPowerStateChange on the managed system. */
    public InvokeResult requestPowerState(PowerAction action) {
        if (!SUPPORTED.contains(action)) {
            throw new IllegalArgumentException("AMT does not support power action " + action);
        }
        return invoke(AmtRequests.requestPowerStateChange(action.cimValue()), "RequestPowerStateChange");
    }

    public GeneralSettings generalSettings() {
        return AmtMapper.generalSettings(instance(AmtRequests.generalSettings()));
    }

    /** The current AMT_BootSettingData. */
    public CimInstance bootSettings() {
        return instance(AmtRequests.bootSettingData());
    }

    /**
     * Sets a one-time boot override; power on (2) or reset (10) afterwards to use it. Sequence of Intel's console:
     * clear any forced boot order first (else a Put with UseIDER fails with InvalidRepresentation), Put the boot
     * settings, make the boot configuration next-boot-only, then force the boot source if the target has one.
     */
    public void bootOverride(BootTarget target) {
        invoke(AmtRequests.changeBootOrder(null), "ChangeBootOrder");
        CimInstance settings = AmtMapper.bootSettingsFor(bootSettings(), target);
        session.exchange(AmtRequests.putBootSettingData(settings));
        invoke(AmtRequests.setBootConfigRole(1), "SetBootConfigRole");
        if (target.bootSource() != null) {
            invoke(AmtRequests.changeBootOrder(target.bootSource()), "ChangeBootOrder");
        }
    }

    /** Firmware components (CIM_SoftwareIdentity). */
    public List<SoftwareComponent> software() {
        return instances(AmtRequests.SOFTWARE_IDENTITY).stream().map(AmtMapper::softwareComponent).toList();
    }

    /** Network ports with their MAC addresses (AMT_EthernetPortSettings). */
    public List<EthernetPort> ethernetPorts() {
        return instances(AmtRequests.ETHERNET_PORT).stream().map(AmtMapper::ethernetPort).toList();
    }

    /**
     * The host's hardware: six enumerations (CIM_Chassis, CIM_BIOSElement, CIM_Processor, CIM_Chip,
     * CIM_PhysicalMemory, CIM_MediaAccessDevice), each Enumerate + Pull.
     */
    public Hardware hardware() {
        return new Hardware(
                AmtMapper.system(instances(AmtRequests.CHASSIS), instances(AmtRequests.BIOS_ELEMENT)),
                AmtMapper.cpus(instances(AmtRequests.PROCESSOR), instances(AmtRequests.CHIP)),
                AmtMapper.memory(instances(AmtRequests.PHYSICAL_MEMORY)),
                AmtMapper.disks(instances(AmtRequests.MEDIA_ACCESS_DEVICE)));
    }

    private List<CimInstance> instances(String resourceUri) {
        return session.instances(resourceUri, EnumerateOptions.amtStyle());
    }

    private CimInstance instance(Request request) {
        return Responses.instance(session.endpoint().display(), session.exchange(request));
    }

    private InvokeResult invoke(Request request, String method) {
        return MethodFailedException.check(Responses.invoke(session.endpoint().display(), method,
                session.exchange(request)));
    }
}

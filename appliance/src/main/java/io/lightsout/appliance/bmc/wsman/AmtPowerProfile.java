package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.Inventory;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.amt.AmtProfile;
import io.lightsout.wsman.amt.BootTarget;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Intel AMT (and DMTF DASH) over CIM_PowerManagementService and AMT_BootSettingData. */
public final class AmtPowerProfile extends WsmanPowerProfile {

    public AmtPowerProfile(WsmanClient client, BmcEndpoints endpoints, Clock clock) {
        super(client, endpoints, clock);
    }

    @Override
    public Set<BootDevice> bootDevices() {
        return EnumSet.of(BootDevice.PXE, BootDevice.BIOS, BootDevice.DISK);
    }

    @Override
    io.lightsout.wsman.profile.PowerReading read(WsmanSession session) {
        return new AmtProfile(session).powerState();
    }

    @Override
    io.lightsout.wsman.profile.PowerAction cim(PowerAction action) {
        // AMT values (Open AMT): 2 up, 8 power down, 12 soft-off (needs OS cooperation), 5 cycle, 10 reset
        return switch (action) {
            case ON -> io.lightsout.wsman.profile.PowerAction.ON;
            case OFF_HARD -> io.lightsout.wsman.profile.PowerAction.OFF_SOFT;
            case OFF_GRACEFUL -> io.lightsout.wsman.profile.PowerAction.OFF_GRACEFUL;
            case CYCLE -> io.lightsout.wsman.profile.PowerAction.CYCLE_SOFT;
            case RESET -> io.lightsout.wsman.profile.PowerAction.RESET;
        };
    }

    @Override
    void request(WsmanSession session, io.lightsout.wsman.profile.PowerAction cim) {
        new AmtProfile(session).requestPowerState(cim);
    }

    @Override
    public Accepted setBootOnce(BmcTarget target, BootDevice device) throws BmcException, InterruptedException {
        BootTarget boot = switch (device) {
            case PXE -> BootTarget.PXE;
            case BIOS -> BootTarget.BIOS_SETUP;
            case DISK -> BootTarget.HARD_DRIVE;
            case ISO -> throw new BmcException(BmcException.Reason.UNSUPPORTED, "AMT boots an ISO through IDE-R,"
                    + " which needs the redirection port");
        };
        call(target, s -> {
            new AmtProfile(s).bootOverride(boot);
            return null;
        });
        return Accepted.of("one-time boot to " + device + " set");
    }

    @Override
    public Inventory inventory(BmcTarget target) throws BmcException, InterruptedException {
        Map<String, String> facts = new LinkedHashMap<>();
        call(target, s -> {
            AmtProfile amt = new AmtProfile(s);
            var ports = amt.ethernetPorts();
            for (int i = 0; i < ports.size(); i++) {
                put(facts, "nic." + i + ".mac", ports.get(i).mac());
            }
            amt.software().forEach(c -> put(facts, "firmware." + c.instanceId(), c.version()));
            return null;
        });
        return new Inventory(facts);
    }
}

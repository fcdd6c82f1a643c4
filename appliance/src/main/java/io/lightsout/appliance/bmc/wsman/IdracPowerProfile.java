package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.Inventory;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.idrac.IdracProfile;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Dell iDRAC over the DCIM profile: power through DCIM_CSPowerManagementService, inventory from the DCIM views. */
public final class IdracPowerProfile extends WsmanPowerProfile {

    public IdracPowerProfile(WsmanClient client, BmcEndpoints endpoints, Clock clock) {
        super(client, endpoints, clock);
    }

    @Override
    public Set<BootDevice> bootDevices() {
        return Set.of(BootDevice.PXE, BootDevice.DISK);
    }

    @Override
    io.lightsout.wsman.profile.PowerReading read(WsmanSession session) {
        return new IdracProfile(session).powerState();
    }

    @Override
    io.lightsout.wsman.profile.PowerAction cim(PowerAction action) {
        // DCIM values (omsdk iDRACEnums): 2 on, 8 off (no OS involvement), 12 graceful, 9 hard cycle, 10 reset
        return switch (action) {
            case ON -> io.lightsout.wsman.profile.PowerAction.ON;
            case OFF_HARD -> io.lightsout.wsman.profile.PowerAction.OFF_SOFT;
            case OFF_GRACEFUL -> io.lightsout.wsman.profile.PowerAction.OFF_GRACEFUL;
            case CYCLE -> io.lightsout.wsman.profile.PowerAction.CYCLE_HARD;
            case RESET -> io.lightsout.wsman.profile.PowerAction.RESET;
        };
    }

    @Override
    void request(WsmanSession session, io.lightsout.wsman.profile.PowerAction cim) {
        new IdracProfile(session).requestPowerState(cim);
    }

    @Override
    public Accepted setBootOnce(BmcTarget target, BootDevice device) throws BmcException, InterruptedException {
        String fqdd = switch (device) {
            case PXE -> IdracProfile.PXE_DEVICE;
            case DISK -> IdracProfile.DISK_DEVICE;
            case BIOS, ISO -> throw new BmcException(BmcException.Reason.UNSUPPORTED, "iDRAC one-time boot to "
                    + device + " is not supported (PXE and DISK are; an ISO boots through the NFS share)");
        };
        // no RebootJobType: the power policy powers the host on or cycles it next, and the job runs at that POST
        String job = call(target, s -> new IdracProfile(s).bootOnce(fqdd, 0));
        return new Accepted("one-time boot to " + device + " set (BIOS config job " + job + ")",
                java.util.Optional.of(job));
    }

    @Override
    public Inventory inventory(BmcTarget target) throws BmcException, InterruptedException {
        io.lightsout.wsman.idrac.Inventory inv = call(target, s -> new IdracProfile(s).inventory());
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "serviceTag", inv.system().serviceTag());
        put(facts, "model", inv.system().model());
        put(facts, "biosVersion", inv.system().biosVersion());
        put(facts, "cpus", String.valueOf(inv.cpus().size()));
        put(facts, "memoryMib", String.valueOf(inv.memory().stream().mapToLong(m -> m.sizeMib()).sum()));
        for (int i = 0; i < inv.nics().size(); i++) {
            put(facts, "nic." + i + ".mac", inv.nics().get(i).currentMac());
        }
        put(facts, "disks", String.valueOf(inv.disks().size()));
        inv.firmware().forEach(f -> put(facts, "firmware." + f.fqdd(), f.version()));
        return new Inventory(facts);
    }
}

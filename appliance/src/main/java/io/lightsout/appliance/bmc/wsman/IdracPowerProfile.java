package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.Inventory;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.idrac.BootSettings;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.idrac.OneTimeBoot;
import io.lightsout.wsman.profile.MethodFailedException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dell iDRAC over the DCIM profile: power through DCIM_CSPowerManagementService, inventory from the DCIM views. */
public final class IdracPowerProfile extends WsmanPowerProfile {

    public IdracPowerProfile(WsmanClient client, BmcEndpoints endpoints, Clock clock) {
        super(client, endpoints, clock);
    }

    @Override
    public Set<BootDevice> bootDevices() {
        return Set.of(BootDevice.PXE, BootDevice.BIOS, BootDevice.DISK);
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
    Optional<Accepted> alreadyThere(PowerAction action, MethodFailedException refused) {
        // SYS021 "Server is already powered ON/OFF." (protocols.md 2.3): iDRAC judges by where the host is heading,
        // so a power-on to a host still starting (its state still reads off) gets it; for on and off that is the
        // request done, while for a cycle or reset of a host that is off it stays an error
        if (!refused.messageId().filter("SYS021"::equals).isPresent()) {
            return Optional.empty();
        }
        return switch (action) {
            case ON -> Optional.of(Accepted.of("already on (iDRAC SYS021: the host is on or starting)"));
            case OFF_HARD, OFF_GRACEFUL -> Optional.of(Accepted.of(
                    "already off (iDRAC SYS021: the host is off or shutting down)"));
            case CYCLE, RESET -> Optional.empty();
        };
    }

    @Override
    public Accepted setBootOnce(BmcTarget target, BootDevice device) throws BmcException, InterruptedException {
        // no RebootJobType: the power policy powers the host on or cycles it next, and the job runs at that POST
        return switch (device) {
            case BIOS -> {
                String job = call(target, s -> new IdracProfile(s).bootOnceToSetup());
                yield new Accepted("one-time boot to BIOS setup set (iDRAC config job " + job + ")", Optional.of(job));
            }
            case PXE, DISK -> bootFromList(target, device);
            case ISO -> throw new BmcException(BmcException.Reason.UNSUPPORTED, "iDRAC one-time boot to ISO is not"
                    + " a boot-once target here (an ISO boots through the NFS share)");
        };
    }

    /** The host's BootMode decides the attribute pair and its boot list the device (IdracProfile.bootOnce). */
    private Accepted bootFromList(BmcTarget target, BootDevice device) throws BmcException, InterruptedException {
        record Outcome(BootSettings settings, Optional<OneTimeBoot> boot, String job) {
        }
        Outcome o = call(target, s -> {
            IdracProfile p = new IdracProfile(s);
            BootSettings settings = p.bootSettings();
            Optional<OneTimeBoot> boot = device == BootDevice.PXE ? OneTimeBoot.network(settings)
                    : OneTimeBoot.disk(settings);
            return new Outcome(settings, boot, boot.map(b -> p.bootOnce(b, 0)).orElse(null));
        });
        if (o.boot().isEmpty()) {
            throw new BmcException(BmcException.Reason.UNSUPPORTED, "the host's " + o.settings().mode()
                    + " boot list has no " + (device == BootDevice.PXE ? "network" : "disk") + " device "
                    + o.settings().devices());
        }
        return new Accepted("one-time boot to " + device + " set (" + o.settings().mode() + " mode, "
                + o.boot().get().device() + "; BIOS config job " + o.job() + ")", Optional.of(o.job()));
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

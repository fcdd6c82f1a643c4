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
import io.lightsout.wsman.amt.EthernetPort;
import io.lightsout.wsman.amt.Hardware;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The same keys as the iDRAC inventory ({@code serviceTag} is the chassis serial, {@code nic.N.mac} upper case)
     * plus per-part detail: {@code manufacturer}, {@code cpu.N.model|maxMhz}, {@code memory.N.bank|mib|speedMhz|
     * partNumber}, {@code disk.N.id|sizeGb}. AMT's unused ports (MAC 00:00:00:00:00:00) are not NICs.
     */
    @Override
    public Inventory inventory(BmcTarget target) throws BmcException, InterruptedException {
        Map<String, String> facts = new LinkedHashMap<>();
        call(target, s -> {
            AmtProfile amt = new AmtProfile(s);
            hardware(facts, amt.hardware());
            List<EthernetPort> ports = amt.ethernetPorts().stream().filter(EthernetPort::hasMac).toList();
            for (int i = 0; i < ports.size(); i++) {
                put(facts, "nic." + i + ".mac", ports.get(i).mac());
            }
            amt.software().forEach(c -> put(facts, "firmware." + c.instanceId(), c.version()));
            return null;
        });
        return new Inventory(facts);
    }

    private static void hardware(Map<String, String> facts, Hardware hw) {
        put(facts, "manufacturer", hw.system().manufacturer());
        put(facts, "model", hw.system().model());
        put(facts, "serviceTag", hw.system().serialNumber());
        put(facts, "biosVersion", hw.system().biosVersion());
        put(facts, "cpus", String.valueOf(hw.cpus().size()));
        for (int i = 0; i < hw.cpus().size(); i++) {
            Hardware.Cpu c = hw.cpus().get(i);
            put(facts, "cpu." + i + ".model", c.model());
            put(facts, "cpu." + i + ".maxMhz", positive(c.maxMhz()));
        }
        put(facts, "memoryMib", String.valueOf(hw.memoryMib()));
        for (int i = 0; i < hw.memory().size(); i++) {
            Hardware.MemoryModule m = hw.memory().get(i);
            put(facts, "memory." + i + ".bank", m.bank());
            put(facts, "memory." + i + ".mib", positive(m.sizeMib()));
            put(facts, "memory." + i + ".speedMhz", positive(m.speedMhz()));
            put(facts, "memory." + i + ".partNumber", m.partNumber());
        }
        put(facts, "disks", String.valueOf(hw.disks().size()));
        for (int i = 0; i < hw.disks().size(); i++) {
            Hardware.Disk d = hw.disks().get(i);
            put(facts, "disk." + i + ".id", d.deviceId());
            put(facts, "disk." + i + ".model", d.model());
            put(facts, "disk." + i + ".sizeGb", positive(d.sizeGb()));
        }
    }

    private static String positive(long v) {
        return v > 0 ? Long.toString(v) : null;
    }
}

package io.lightsout.appliance.power;

import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;

/** The node-import CSV of a lab's BMCs (with their MACs) and a WoL fleet's machines, for campaign tests. */
final class LabCsv {
    private LabCsv() {
    }

    static String of(Lab lab, WolFleet fleet) {
        StringBuilder csv = new StringBuilder("type,address,port,username,password,mac,ip\n");
        for (SimulatedBmc b : lab.bmcs()) {
            csv.append(b.type()).append(',').append(b.address()).append(',').append(b.port()).append(',')
                    .append(b.username()).append(',').append(b.password()).append(',').append(b.mac()).append(",\n");
        }
        for (WolMachine m : fleet.machines()) {
            csv.append("WOL,,,,,").append(m.mac()).append(',').append(m.address().getHostAddress()).append('\n');
        }
        return csv.toString();
    }
}

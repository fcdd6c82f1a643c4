package io.lightsout.appliance.cli;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The demo's fleet: an in-process lab (iDRACs and AMTs on 127.140.0.x, wake-on-LAN machines on 127.141.0.x), imported
 * as nodes (each lab BMC has its own test password, so each node carries its own account) and tagged {@code demo}.
 */
final class FleetDemo implements DemoCommand.AddOn {
    static final int WOL_PORT = 40009;
    static final int VERIFY_PORT = 40445;

    @Override
    public AutoCloseable start(Appliance appliance, PrintStream out) {
        Lab lab = Lab.builder().idrac(3).amt(2).base("127.140.0.1").uefiEvery(2).powerDelay(Duration.ofSeconds(3)).start();
        WolFleet fleet;
        try {
            fleet = WolFleet.builder().machines(4).base("127.141.0.1").udpPort(WOL_PORT).verifyPort(VERIFY_PORT)
                    .bootDelay(Duration.ofSeconds(2), Duration.ofSeconds(6)).neverWakePercent(25).seed(1).start();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        StringBuilder csv = new StringBuilder("name,type,address,port,username,password,mac,ip,verifyPort,secureOn,"
                + "tags,site\n");
        int i = 1;
        for (SimulatedBmc b : lab.bmcs()) {
            csv.append(b.type().name().toLowerCase(java.util.Locale.ROOT)).append('-').append(i++).append(',')
                    .append(b.type()).append(',').append(b.address()).append(',').append(b.port()).append(',')
                    .append(b.username()).append(',').append(b.password()).append(',').append(b.mac())
                    .append(",,,,demo;bmc,lab\n");
        }
        i = 1;
        for (WolMachine m : fleet.machines()) {
            csv.append("desktop-").append(i++).append(",WOL,,,,,").append(m.mac()).append(',')
                    .append(m.address().getHostAddress()).append(',').append(VERIFY_PORT).append(',')
                    .append(m.secureOn().orElse("")).append(",demo;wol,lab\n");
        }
        NodeRegistry.ImportReport report = appliance.nodes().importCsv(csv.toString(), "demo", null);
        out.printf("lab: %d BMCs (iDRAC and AMT on 127.140.0.x, certificates pinned on first use) and %d wake-on-LAN"
                + " desktops (127.141.0.x, udp/%d, awake ones answer tcp/%d); %d nodes imported, %d updated%n",
                lab.bmcs().size(), fleet.machines().size(), WOL_PORT, VERIFY_PORT, report.imported(),
                report.updated());
        fleet.describe().forEach(l -> out.println("  " + l));
        out.println("  try: power on a node in the portal, or POST /api/v1/wake-campaigns {\"name\":\"night\","
                + "\"all\":true,\"deadline\":\"2m\"}");
        return () -> {
            fleet.close();
            lab.close();
        };
    }
}

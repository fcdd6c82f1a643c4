package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.audit.AuditQuery;
import io.lightsout.appliance.nodes.Node;
import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.lab.Fault;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The background sweep over lab BMCs: states kept fresh, UNKNOWN only after repeated failures, one audit per 401. */
class PowerSyncTest {

    @Test
    void sweepsReadOnlyAndMarkUnknownAndAuthFailedAsTheyShould() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        Path csv = Files.createTempFile("sync", ".csv");
        try (Lab lab = Lab.builder().idrac(1).amt(1).base(base).idracPort(0).amtPort(0).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("power.sync-interval", "1h"))) {
            lab.writeInventory(csv);
            assertThat(t.appliance().nodes().importCsv(Files.readString(csv), "test", null).imported()).isEqualTo(2);
            SimulatedBmc idrac = lab.bmcs().get(0);
            SimulatedBmc amt = lab.bmcs().get(1);
            idrac.setPowerState(io.lightsout.lab.PowerState.ON);
            PowerSync sync = t.appliance().powerSync();
            sync.sweep();
            assertThat(state(t, idrac)).isEqualTo("ON");
            assertThat(state(t, amt)).isEqualTo("OFF");

            idrac.inject(new Fault.ConnectionReset(1.0));
            sync.sweep();
            sync.sweep();
            assertThat(state(t, idrac)).as("two failed reads keep the last state").isEqualTo("ON");
            sync.sweep();
            assertThat(state(t, idrac)).isEqualTo("UNKNOWN");
            idrac.clearFaults();
            sync.sweep();
            assertThat(state(t, idrac)).isEqualTo("ON");

            amt.inject(new Fault.WrongPassword(1.0));
            sync.sweep();
            sync.sweep();
            sync.sweep();
            assertThat(state(t, amt)).isEqualTo("AUTH_FAILED");
            assertThat(t.appliance().audit().find(new AuditQuery(null, "node.auth-failed", null, null, null, 0, 50))
                    .total()).as("one alert, not one per sweep").isEqualTo(1);
            assertThat(idrac.boots() + amt.boots()).as("a sweep never changes power").isZero();
            StringBuilder metrics = new StringBuilder();
            sync.render(metrics);
            assertThat(metrics).contains("lightsout_power_sync_sweeps_total 8");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void theFirstSweepRunsTheFirstDelayAfterStartNotAWholeInterval() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        Path csv = Files.createTempFile("sync", ".csv");
        try (Lab lab = Lab.builder().idrac(1).base(base).idracPort(0).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("power.sync-interval", "1h",
                     "power.sync-first-delay", "5s"))) {
            lab.writeInventory(csv);
            assertThat(t.appliance().nodes().importCsv(Files.readString(csv), "test", null).imported()).isEqualTo(1);
            SimulatedBmc idrac = lab.bmcs().getFirst();
            idrac.setPowerState(io.lightsout.lab.PowerState.ON);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> state(t, idrac).equals("ON"));
            StringBuilder metrics = new StringBuilder();
            t.appliance().powerSync().render(metrics);
            assertThat(metrics).contains("lightsout_power_sync_sweeps_total 1");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static String state(TestAppliance t, SimulatedBmc b) {
        Node n = t.appliance().nodes().list(new NodeFilter(null, null, null, null, b.address()), "name", false, 0, 5)
                .items().getFirst();
        return n.powerState().name();
    }
}

package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fidelity check: OpenStack's real iDRAC client (Debian python3-dracclient) against the simulated iDRAC. Power
 * state, power change, LC status, job listing and inventory calls must succeed and return what the lab holds.
 */
class DracclientFidelityTest {

    /** The start of a script: a DRACClient {@code c} for argv host, port, user, password, and {@code out(k, v)}. */
    static final String PREAMBLE = """
            import sys, time, warnings
            warnings.filterwarnings("ignore")
            from dracclient import client, exceptions
            host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
            c = client.DRACClient(host, user, password, port=port, ready_retries=50, ready_retry_delay=0.2)
            def out(k, v):
                print("%s=%s" % (k, v), flush=True)
            """;

    private static final String SCRIPT = PREAMBLE + """
            out("ready", c.is_idrac_ready())
            out("power0", c.get_power_state())
            c.set_power_state("POWER_ON")
            for i in range(100):
                if c.get_power_state() == "POWER_ON":
                    break
                time.sleep(0.1)
            out("power1", c.get_power_state())
            s = c.get_system()
            out("serviceTag", s.service_tag)
            out("model", s.model)
            out("lcVersion", ".".join(str(x) for x in c.get_lifecycle_controller_version()))
            out("cpus", ";".join("%s/%d/%s" % (x.id, x.cores, x.status) for x in c.list_cpus()))
            out("memory", ";".join("%s/%d" % (x.id, x.size_mb) for x in c.list_memory()))
            out("nics", ";".join("%s/%s" % (x.id, x.mac) for x in c.list_nics(sort=True)))
            out("disks", ";".join("%s/%d/%s" % (x.id, x.size_mb, x.media_type) for x in c.list_physical_disks()))
            rid = c.create_reboot_job()
            out("rebootJob", rid)
            c.schedule_job_execution([rid])
            out("unfinished", ";".join(j.id for j in c.list_jobs(only_unfinished=True)))
            for i in range(100):
                j = c.get_job(rid)
                if j.status == "Reboot Completed":
                    break
                time.sleep(0.1)
            out("rebootStatus", c.get_job(rid).status)
            out("jobs", ";".join("%s/%s" % (j.id, j.status) for j in c.list_jobs()))
            out("unfinishedAfter", ";".join(j.id for j in c.list_jobs(only_unfinished=True)))
            c.set_power_state("POWER_OFF")
            for i in range(100):
                if c.get_power_state() == "POWER_OFF":
                    break
                time.sleep(0.1)
            out("power2", c.get_power_state())
            c.delete_jobs()
            out("jobsAfterDelete", len(c.list_jobs()))
            """;

    @Test
    void realDracclientTalksToTheSimulatedIdrac(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertThat(python).as("Debian python3 (bin/test installs python3-dracclient)").exists();
        Path script = dir.resolve("drac.py");
        Files.writeString(script, SCRIPT);
        try (Lab lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0)
                .powerDelay(Duration.ofMillis(300))
                // long enough that the job is still unfinished when listed on a loaded machine, short enough to poll
                .jobDurations(Duration.ofMillis(1500), Duration.ofMillis(1500))
                .start()) {
            SimulatedBmc bmc = lab.bmcs().get(0);
            String out = run(List.of(python.toString(), script.toString(), bmc.address(),
                    String.valueOf(bmc.port()), bmc.username(), bmc.password()), dir);

            assertThat(out).contains("ready=True", "power0=POWER_OFF", "power1=POWER_ON", "power2=POWER_OFF");
            assertThat(value(out, "serviceTag")).isEqualTo(bmc.serviceTag());
            assertThat(value(out, "model")).isEqualTo("PowerEdge R640");
            // dracclient turns the version into a tuple of ints: 4.40.00.00 -> 4.40.0.0
            assertThat(value(out, "lcVersion")).isEqualTo(java.util.Arrays.stream(
                    bmc.firmwareVersion("iDRAC.Embedded.1-1").split("\\.")).map(x -> String.valueOf(
                    Integer.parseInt(x))).collect(java.util.stream.Collectors.joining(".")));
            assertThat(value(out, "cpus")).isEqualTo("CPU.Socket.1/8/ok;CPU.Socket.2/8/ok");
            assertThat(value(out, "memory")).contains("DIMM.Socket.A1/16384").contains("DIMM.Socket.B2/16384");
            assertThat(value(out, "nics")).startsWith("NIC.Integrated.1-1-1/" + bmc.mac());
            assertThat(value(out, "disks")).contains("Disk.Bay.0:Enclosure.Internal.0-1:RAID.Integrated.1-1/571776/hdd");
            String rid = value(out, "rebootJob");
            assertThat(rid).startsWith("RID_");
            assertThat(value(out, "unfinished")).isEqualTo(rid);
            assertThat(value(out, "rebootStatus")).isEqualTo("Reboot Completed");
            assertThat(value(out, "jobs")).isEqualTo(rid + "/Reboot Completed");
            assertThat(value(out, "unfinishedAfter")).isEmpty();
            assertThat(value(out, "jobsAfterDelete")).isEqualTo("0");
            assertThat(bmc.jobs()).isEmpty();
            assertThat(bmc.powerState()).isEqualTo(PowerState.OFF);
            // power on + the reboot job's power cycle
            assertThat(bmc.boots()).isEqualTo(2);
        }
    }

    /** dracclient strips control characters from a broken iDRAC answer and re-parses (JetPack#51): so must ours. */
    @Test
    void dracclientRecoversFromTheControlCharacterQuirk(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("ctrl.py");
        Files.writeString(script, """
                import sys, warnings
                warnings.filterwarnings("ignore")
                from dracclient import client, utils
                from dracclient.resources import uris
                host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
                c = client.DRACClient(host, user, password, port=port)
                doc = c.client.enumerate(uris.DCIM_SystemView, wait_for_idrac=False)
                print("serviceTag=" + utils.find_xml(doc, "ServiceTag", uris.DCIM_SystemView).text, flush=True)
                print("bios=" + utils.find_xml(doc, "BIOSVersionString", uris.DCIM_SystemView).text, flush=True)
                """);
        try (Lab lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0).start()) {
            SimulatedBmc bmc = lab.bmcs().get(0);
            bmc.inject(new Fault.ControlCharacters(1));
            String out = run(List.of("/usr/bin/python3", script.toString(), bmc.address(),
                    String.valueOf(bmc.port()), bmc.username(), bmc.password()), dir);
            assertThat(out).contains("Received invalid content from iDRAC");
            assertThat(value(out, "serviceTag")).isEqualTo(bmc.serviceTag());
            assertThat(value(out, "bios")).isEqualTo(bmc.firmwareVersion("BIOS.Setup.1-1"));
        }
    }

    static String run(List<String> cmd, Path dir) throws Exception {
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("python finished in time; output so far:\n" + out).isTrue();
            assertThat(p.exitValue()).as("python exit code; output:\n" + out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in output:\n" + out);
    }
}

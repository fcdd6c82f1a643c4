package io.lightsout.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.cli.CommandLineTest.Run;
import io.lightsout.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code nodes import|list|export} and {@code power ... --wait} against a running appliance and the lab. */
class FleetCliTest {

    @Test
    void importListAndPowerFromTheCommandLine() throws Exception {
        SecureRandom r = new SecureRandom();
        String base = "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
        Path dir = Files.createTempDirectory("fleet-cli");
        try (Lab lab = Lab.builder().idrac(1).amt(1).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(100)).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            Path csv = dir.resolve("lab.csv");
            lab.writeInventory(csv);
            Files.writeString(csv, Files.readString(csv) + "10.0.0.1,443,TOASTER,root,pw,,,https\n");
            Path token = dir.resolve("token");
            Files.writeString(token, t.appliance().tokens().create("test", "cli", "admin", null).token());
            String[] client = {"--url", "https://127.0.0.1:" + t.appliance().httpsPort(), "--token-file",
                token.toString(), "--trust-fingerprint", t.appliance().tls().info().sha256()};
            Run imported = CommandLineTest.run("", concat(new String[] {"nodes", "import", csv.toString()}, client));
            assertThat(imported.code()).as(imported.err()).isEqualTo(2);
            assertThat(imported.out()).contains("imported 2, updated 0, rejected 1")
                    .contains("line 4, column 3 (type): One of IDRAC, AMT, DASH or WOL.");
            Run list = CommandLineTest.run("", concat(new String[] {"nodes", "list", "--type", "AMT"}, client));
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains(lab.bmcs().get(1).address()).contains("1 of 1 nodes");
            lab.bmcs().forEach(b -> b.setPowerState(io.lightsout.lab.PowerState.OFF));
            Run on = CommandLineTest.run("", concat(new String[] {"power", "on", "--all", "--wait"}, client));
            assertThat(on.code()).as(on.err() + on.out()).isZero();
            assertThat(on.out()).contains("on 2 node(s)").contains("succeeded");
            lab.bmcs().forEach(b -> await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.powerState() == io.lightsout.lab.PowerState.ON));
            Run bios = CommandLineTest.run("", concat(new String[] {"power", "bios", "--all", "--cycle", "--wait"},
                    client));
            assertThat(bios.code()).as(bios.err() + bios.out()).isZero();
            assertThat(bios.out()).contains("boot once to BIOS, then power cycle on 2 node(s)").contains("succeeded");
            lab.bmcs().forEach(b -> await().atMost(Duration.ofSeconds(10)).until(() -> "BIOS".equals(
                    b.lastBootSource()) && b.powerState() == io.lightsout.lab.PowerState.ON));
            Run created = CommandLineTest.run("", concat(new String[] {"campaigns", "create", "--name", "cli", "--all",
                "--deadline", "20s", "--retries", "0", "--rate", "20"}, client));
            assertThat(created.code()).as(created.err()).isZero();
            String id = created.out().strip();
            assertThat(id).startsWith("c-");
            Run watch = CommandLineTest.run("", concat(new String[] {"campaigns", "watch", id, "--interval", "1"},
                    client));
            assertThat(watch.code()).as(watch.err()).isZero();
            assertThat(watch.out()).contains("100%").contains("done: woken 0, already on 2, failed 0, pending 0");
            Run report = CommandLineTest.run("", concat(new String[] {"campaigns", "report", id, "--csv"}, client));
            assertThat(report.out().lines().count()).isEqualTo(3);
            // the list says what each campaign's window targets, and whether that list is frozen or a preview
            assertThat(CommandLineTest.run("", concat(new String[] {"campaigns", "list"}, client)).out()).contains(id)
                    .contains("all nodes, 2 nodes at window open");
            Run nightly = CommandLineTest.run("", concat(new String[] {"campaigns", "create", "--name", "nightly",
                "--node", firstNode(t),
                "--recurrence", "30 2 * * MON-FRI", "--time-zone", "America/New_York", "--deadline", "90m",
                "--method", "wol", "--after", "power-off-woken", "--verify-interval", "20s", "--json"}, client));
            assertThat(nightly.code()).as(nightly.err()).isZero();
            assertThat(nightly.out()).contains("\"recurrence\" : \"30 2 * * MON-FRI\"")
                    .contains("\"timeZone\" : \"America/New_York\"").contains("\"method\" : \"wol\"")
                    .contains("\"afterWindow\" : \"power-off-woken\"").contains("\"verifyInterval\" : \"PT20S\"")
                    .contains("\"total\" : 1").contains("\"asOf\" : \"now\"")
                    .contains("\"description\" : \"listed nodes, 1 node as of now\"");
            Run badCron = CommandLineTest.run("", concat(new String[] {"campaigns", "create", "--name", "x", "--all",
                "--recurrence", "0 3 * * SUNDAY"}, client));
            assertThat(badCron.code()).isNotZero();
            assertThat(badCron.err()).contains("recurrence").contains("day of week field 'SUNDAY'");
            Run bad = CommandLineTest.run("", concat(new String[] {"power", "explode", "--all"}, client));
            assertThat(bad.code()).isEqualTo(1);
            assertThat(bad.err()).contains("action").contains("on, off, shutdown, cycle, reset, pxe, bios");
        } finally {
            TestAppliance.deleteTree(dir);
        }
    }

    private static String firstNode(TestAppliance t) {
        return t.appliance().nodes().ids(io.lightsout.appliance.nodes.NodeFilter.ALL).getFirst();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

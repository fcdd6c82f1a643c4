package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.lab.cli.LabCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {

    @Test
    void runsPrintsCredentialsWritesInventoryAndStops(@TempDir Path dir) throws Exception {
        Path inv = dir.resolve("lab.json");
        String base = TestClient.randomBase();
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new LabCommand()).execute("--idrac", "2", "--amt", "1", "--base", base,
                    "--idrac-port", "0", "--amt-port", "0", "--inventory", inv.toString(), "--duration", "1",
                    "--latency-ms", "1-5", "--faults", "reset:0.01");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("IDRAC  https://" + base + ":").contains("AMT ").contains("3 BMC(s) started");
        String json = Files.readString(inv);
        assertThat(json).contains("\"address\": \"" + base + "\"").contains("\"type\": \"AMT\"");
        // the password printed is the one in the inventory
        String password = json.replaceAll("(?s).*?\"password\": \"([^\"]+)\".*", "$1");
        assertThat(out).contains(password);
    }

    @Test
    void wakeOnLanMachinesJoinTheLabAndTheCsvInventory(@TempDir Path dir) throws Exception {
        Path inv = dir.resolve("lab.csv");
        String base = TestClient.randomBase();
        String wolBase = TestClient.randomBase();
        int udp = java.util.concurrent.ThreadLocalRandom.current().nextInt(30_000, 40_000);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new LabCommand()).execute("--idrac", "1", "--base", base, "--idrac-port", "0",
                    "--wol", "3", "--never-wake", "34", "--wol-base", wolBase, "--wol-port", String.valueOf(udp),
                    "--wol-verify-port", String.valueOf(udp + 10_000), "--inventory", inv.toString(), "--duration",
                    "1");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("3 wake-on-LAN machine(s), magic packets on udp/" + udp).contains("NEVER_WAKE");
        java.util.List<String> lines = Files.readAllLines(inv);
        assertThat(lines.getFirst()).isEqualTo("address,port,type,username,password,mac,serviceTag,scheme,ip,verifyPort,"
                + "secureOn,name");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith(",,WOL,,,").contains("," + wolBase + "," + (udp + 10_000) + ",")
                .endsWith(",wol-" + wolBase);
        // the machines are closed with the lab: their UDP port is free again
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new java.net.InetSocketAddress(
                java.net.InetAddress.getByName(wolBase), udp))) {
            assertThat(s.isBound()).isTrue();
        }
    }

    @Test
    void badOptionsExitNonZeroWithOneLine() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new LabCommand()).execute("--faults", "explode", "--idrac-port", "0");
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("lab: bad fault 'explode'")
                .doesNotContain("\n");
        assertThat(new CommandLine(new LabCommand()).execute("--base", "192.168.1.1")).isEqualTo(2);
        assertThat(new CommandLine(new LabCommand()).execute("--latency-ms", "x")).isEqualTo(2);
    }
}

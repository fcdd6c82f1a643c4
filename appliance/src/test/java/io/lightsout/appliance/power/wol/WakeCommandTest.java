package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lightsout wake} as an operator runs it: exit codes, one-line errors, packets on the wire. */
class WakeCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private PrintStream savedOut;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        savedOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
        System.setOut(savedOut);
    }

    private int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Test
    void sendsTheRequestedCopiesWithTheSecureOnPasswordFromAFile() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw"), "de:ad:be:ef:00:01\n");
        try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            listener.setSoTimeout(5000);
            int code = run("wake", "--to", "127.0.0.1", "--port", Integer.toString(listener.getLocalPort()),
                    "--repeats", "2", "--interval", "10", "--secureon-file", pw.toString(), "02-4C-00-00-00-09");
            assertThat(code).isZero();
            byte[] expected = MagicPacket.build(MacAddress.parse("02:4c:00:00:00:09"),
                    Optional.of(SecureOnPassword.parse("de:ad:be:ef:00:01")));
            for (int i = 0; i < 2; i++) {
                DatagramPacket p = new DatagramPacket(new byte[200], 200);
                listener.receive(p);
                assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(expected);
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sent 2 magic packet(s) for 02:4c:00:00:00:09")
                .doesNotContain("de:ad");
    }

    @Test
    void badInputIsOneLineOnStderrWithExitOne() throws Exception {
        assertThat(run("wake", "--to", "127.0.0.1", "--port", "40999", "00:11")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("wake: not a MAC address (want aa:bb:cc:dd:ee:ff): 00:11" + System.lineSeparator());

        err.reset();
        Path pw = Files.writeString(tmp.resolve("pw"), "secret-words");
        assertThat(run("wake", "--to", "127.0.0.1", "--port", "40999", "--secureon-file", pw.toString(),
                "02:4c:00:00:00:09")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wake: SecureOn password must be")
                .doesNotContain("secret-words");

        err.reset();
        assertThat(run("wake", "--broadcast", "10.1.2.0", "02:4c:00:00:00:09")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CIDR");
    }

    @Test
    void aDestinationIsAlwaysRequired() {
        assertThat(run("wake", "02:4c:00:00:00:09")).isEqualTo(2); // picocli usage error, nothing sent
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--to").contains("--broadcast")
                .contains("--interface");
    }
}

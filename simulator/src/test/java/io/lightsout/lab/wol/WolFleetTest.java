package io.lightsout.lab.wol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WolFleetTest {

    private final int udpPort = ThreadLocalRandom.current().nextInt(30_000, 40_000);
    private final int verifyPort = udpPort + 10_000;
    private final String base = "127.%d.%d.1".formatted(ThreadLocalRandom.current().nextInt(100, 200),
            ThreadLocalRandom.current().nextInt(1, 250));
    private WolFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private WolFleet.Builder builder(int n) {
        return WolFleet.builder().machines(n).base(base).udpPort(udpPort).verifyPort(verifyPort)
                .bootDelay(Duration.ofMillis(20), Duration.ofMillis(60)).seed(42);
    }

    @Test
    void aValidMagicPacketWakesTheMachineWhichThenAnswersOnTheVerificationPort() throws Exception {
        fleet = builder(3).start();
        WolMachine target = fleet.machines().get(1);
        assertThat(connects(target)).isFalse();

        send(target, magic(target.mac(), null));

        await().atMost(Duration.ofSeconds(5)).until(target::isAwake);
        assertThat(connects(target)).isTrue();
        assertThat(target.magicPacketsReceived()).isEqualTo(1);
        assertThat(fleet.machines().get(0).isAwake()).isFalse();
        assertThat(fleet.machines().get(2).isAwake()).isFalse();
    }

    @Test
    void anotherMachinesMacOrAShortPacketIsRejected() throws Exception {
        fleet = builder(2).start();
        WolMachine a = fleet.machines().get(0);
        WolMachine b = fleet.machines().get(1);

        send(a, magic(b.mac(), null));
        byte[] truncated = magic(a.mac(), null);
        send(a, java.util.Arrays.copyOf(truncated, 101));

        await().atMost(Duration.ofSeconds(5)).until(() -> a.packetsRejected() == 2);
        Thread.sleep(150); // longer than the maximum boot delay
        assertThat(a.isAwake()).isFalse();
        assertThat(b.isAwake()).isFalse();
    }

    @Test
    void secureOnMachinesNeedTheirExactPassword() throws Exception {
        fleet = builder(4).secureOnPercent(100).start();
        WolMachine m = fleet.machines().get(0);
        assertThat(m.secureOn()).isPresent();

        send(m, magic(m.mac(), "00:00:00:00:00:00"));
        send(m, magic(m.mac(), null));
        await().atMost(Duration.ofSeconds(5)).until(() -> m.packetsRejected() == 2);
        assertThat(m.state()).isEqualTo(WolMachine.State.OFF);

        send(m, magic(m.mac(), m.secureOn().orElseThrow()));
        await().atMost(Duration.ofSeconds(5)).until(m::isAwake);
    }

    @Test
    void neverWakeAndLateWakeSharesAreExactAndBehaveAsNamed() throws Exception {
        fleet = builder(20).neverWakePercent(10).lateWakePercent(25).lateWakeDelay(Duration.ofMillis(600)).start();
        assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.NEVER_WAKE).hasSize(2);
        assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.LATE_WAKE).hasSize(5);

        for (WolMachine m : fleet.machines()) {
            send(m, magic(m.mac(), null));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fleet.awakeCount() == 13);
        assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.LATE_WAKE)
                .noneMatch(WolMachine::isAwake);
        await().atMost(Duration.ofSeconds(5)).until(() -> fleet.awakeCount() == 18);
        assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.NEVER_WAKE)
                .allMatch(m -> !m.isAwake() && m.magicPacketsReceived() == 1);
    }

    @Test
    void powerOffPutsTheMachineBackToListening() throws Exception {
        fleet = builder(1).start();
        WolMachine m = fleet.machines().get(0);
        m.powerOn();
        assertThat(connects(m)).isTrue();
        m.powerOff();
        assertThat(connects(m)).isFalse();
        send(m, magic(m.mac(), null));
        await().atMost(Duration.ofSeconds(5)).until(m::isAwake);
    }

    @Test
    void addressesSkipNetworkAndBroadcastHostPartsAndStayOnLoopback() {
        fleet = WolFleet.builder().machines(3).base("127.201.7.254").udpPort(udpPort).verifyPort(verifyPort).start();
        assertThat(fleet.machines()).extracting(m -> m.address().getHostAddress())
                .containsExactly("127.201.7.254", "127.201.8.1", "127.201.8.2");
        assertThat(fleet.describe()).hasSize(3).first().asString().startsWith("127.201.7.254 ")
                .contains(fleet.machines().get(0).mac()).endsWith("NORMAL     OFF");
        assertThatThrownBy(() -> WolFleet.builder().base("10.0.0.1")).hasMessageContaining("127.0.0.0/8");
        assertThatThrownBy(() -> WolFleet.builder().neverWakePercent(101)).hasMessageContaining("0..100");
    }

    private boolean connects(WolMachine m) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(m.address(), verifyPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void send(WolMachine m, byte[] payload) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(payload, payload.length, new InetSocketAddress(m.address(), udpPort)));
        }
    }

    /** Built here by hand from the definition, independently of the appliance's sender. */
    static byte[] magic(String mac, String password) {
        byte[] macBytes = HexFormat.ofDelimiter(":").parseHex(mac);
        byte[] pw = password == null ? new byte[0] : HexFormat.ofDelimiter(":").parseHex(password);
        byte[] out = new byte[102 + pw.length];
        java.util.Arrays.fill(out, 0, 6, (byte) 0xff);
        for (int i = 0; i < 16; i++) {
            System.arraycopy(macBytes, 0, out, 6 + i * 6, 6);
        }
        System.arraycopy(pw, 0, out, 102, pw.length);
        return out;
    }
}

package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.power.Sleeper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our packets on the wire, compared with what Debian's reference senders put there for the same MAC and password:
 * {@code wakeonlan} over UDP on loopback, {@code etherwake} (raw Ethernet, SecureOn) on a test namespace's lo.
 */
class WolWireTest {

    private static final MacAddress MAC = MacAddress.parse("02:4c:12:34:56:78");

    @TempDir
    Path tmp;

    @Test
    void ourUnicastPayloadIsByteForByteWhatWakeonlanSends() throws Exception {
        try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            listener.setSoTimeout(10_000);
            int port = listener.getLocalPort();

            Netns.run("wakeonlan", "-i", "127.0.0.1", "-p", Integer.toString(port), MAC.toString());
            byte[] reference = receive(listener);

            WolSettings settings = new WolSettings(port, 3, Duration.ofMillis(20));
            WolPacer pacer = new WolPacer(WolPacer.Rates.DEFAULT, Clock.systemUTC(), Sleeper.SYSTEM);
            try (UdpWolSender sender = new UdpWolSender(settings, pacer, Sleeper.SYSTEM)) {
                sender.send(new WakeRequest(MAC, Optional.empty(), new WolDestination.Unicast(loopback(), 8)));
            }
            List<byte[]> ours = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ours.add(receive(listener));
            }

            assertThat(reference).hasSize(102);
            assertThat(ours).allSatisfy(p -> assertThat(p).isEqualTo(reference));
        }
    }

    @Test
    void ourSecureOnPayloadIsWhatEtherwakeSends() throws Exception {
        SecureOnPassword password = SecureOnPassword.parse("a1:b2:c3:d4:e5:f6");
        SecureOnPassword four = SecureOnPassword.parse("10.20.30.40");
        try (Netns ns = new Netns()) {
            Path pcap = tmp.resolve("etherwake.pcap");
            Process capture = ns.capture(ns.a, "lo", pcap, "ether proto 0x0842");
            // etherwake on the test namespace's own lo: the frame never reaches a real interface
            Netns.run("ip", "netns", "exec", ns.a, "etherwake", "-i", "lo", "-p", "a1:b2:c3:d4:e5:f6", MAC.toString());
            Netns.run("ip", "netns", "exec", ns.a, "etherwake", "-i", "lo", "-p", "10.20.30.40", MAC.toString());
            Thread.sleep(200);
            Netns.stop(capture);

            List<Pcap.Frame> frames = Pcap.read(pcap);
            assertThat(frames).hasSize(2).allSatisfy(f -> assertThat(f.etherType()).isEqualTo(0x0842));
            assertThat(trimmed(frames.get(0).etherPayload(), 108)).isEqualTo(MagicPacket.build(MAC, Optional.of(password)));
            assertThat(trimmed(frames.get(1).etherPayload(), 106)).isEqualTo(MagicPacket.build(MAC, Optional.of(four)));
        }
    }

    @Test
    void subnetDirectedAndLimitedBroadcastsLeaveOnTheRightLinkToTheRightAddress() throws Exception {
        try (Netns ns = new Netns()) {
            Path pcap = tmp.resolve("broadcast.pcap");
            Process capture = ns.capture(ns.b, ns.vethB, pcap, "udp port 40909");
            // the sender runs inside namespace a: the appliance's own command line, no special test path
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            Netns.run("ip", "netns", "exec", ns.a, java, "-cp", cp, "io.lightsout.appliance.cli.Main", "wake",
                    "--broadcast", ns.prefix + ".0/24", "--port", "40909", "--repeats", "2", "--interval", "10",
                    MAC.toString());
            Netns.run("ip", "netns", "exec", ns.a, java, "-cp", cp, "io.lightsout.appliance.cli.Main", "wake",
                    "--interface", ns.vethA, "--port", "40909", "--repeats", "1", MAC.toString());
            Thread.sleep(200);
            Netns.stop(capture);

            List<Pcap.Udp> packets = Pcap.read(pcap).stream().map(Pcap.Frame::udp).toList();
            assertThat(packets).extracting(Pcap.Udp::destination)
                    .containsExactly(ns.prefix + ".255", ns.prefix + ".255", "255.255.255.255");
            assertThat(packets).allSatisfy(p -> {
                assertThat(p.port()).isEqualTo(40909);
                assertThat(p.payload()).isEqualTo(MagicPacket.build(MAC, Optional.empty()));
            });
        }
    }

    private static byte[] trimmed(byte[] payload, int length) {
        // Ethernet pads short frames to 60 bytes; a magic packet is longer, so nothing is padded
        return Arrays.copyOf(payload, Math.min(length, payload.length));
    }

    private static byte[] receive(DatagramSocket listener) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        listener.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static Inet4Address loopback() throws Exception {
        return (Inet4Address) InetAddress.getByName("127.0.0.1");
    }
}

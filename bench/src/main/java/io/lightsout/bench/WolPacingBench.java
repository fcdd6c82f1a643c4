package io.lightsout.bench;

import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.UdpWolSender;
import io.lightsout.appliance.power.wol.WakeRequest;
import io.lightsout.appliance.power.wol.WolDestination;
import io.lightsout.appliance.power.wol.WolPacer;
import io.lightsout.appliance.power.wol.WolSettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench wol-pacing}: sends magic packets from many virtual threads through one pacer to a UDP sink on
 * loopback and compares the rate that arrived with the configured one, plus the spread of inter-arrival gaps.
 */
@Command(name = "wol-pacing", mixinStandardHelpOptions = true,
        description = "Magic-packet pacing accuracy: configured vs measured packets/s.")
public final class WolPacingBench implements Callable<Integer> {

    @Option(names = "--packets", defaultValue = "5000", description = "packets (default ${DEFAULT-VALUE})")
    int packets;

    @Option(names = "--rate", defaultValue = "1000", description = "configured packets/s (default ${DEFAULT-VALUE})")
    double rate;

    @Override
    public Integer call() throws Exception {
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            sink.setReceiveBufferSize(4 << 20);
            long[] arrivals = new long[packets];
            Thread receiver = Thread.ofPlatform().start(() -> receive(sink, arrivals));
            WolPacer pacer = new WolPacer(new WolPacer.Rates(rate, rate, 1), Clock.systemUTC(), Sleeper.SYSTEM);
            Inet4Address to = (Inet4Address) InetAddress.getByName("127.0.0.1");
            try (UdpWolSender sender = new UdpWolSender(new WolSettings(sink.getLocalPort(), 1, Duration.ZERO), pacer,
                    Sleeper.SYSTEM); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < packets; i++) {
                    MacAddress mac = new MacAddress(new byte[] {2, 0, 0, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
                    threads.submit(() -> {
                        sender.send(new WakeRequest(mac, Optional.empty(), new WolDestination.Unicast(to, 24)));
                        return null;
                    });
                }
            }
            receiver.join(Duration.ofSeconds(30));
            long[] got = Arrays.stream(arrivals).filter(a -> a != 0).toArray();
            double seconds = (got[got.length - 1] - got[0]) / 1e9;
            double measured = (got.length - 1) / seconds;
            long[] gaps = new long[got.length - 1];
            for (int i = 1; i < got.length; i++) {
                gaps[i - 1] = got[i] - got[i - 1];
            }
            Arrays.sort(gaps);
            System.out.printf("packets %d received %d; configured %.0f/s, measured %.1f/s (%.2f%% off)%n", packets,
                    got.length, rate, measured, 100 * (measured - rate) / rate);
            System.out.printf("inter-arrival gap: p50 %.3f ms, p99 %.3f ms, max %.3f ms (ideal %.3f ms)%n",
                    gaps[gaps.length / 2] / 1e6, gaps[(int) (gaps.length * 0.99)] / 1e6, gaps[gaps.length - 1] / 1e6,
                    1000 / rate);
        }
        return 0;
    }

    private void receive(DatagramSocket sink, long[] arrivals) {
        DatagramPacket p = new DatagramPacket(new byte[200], 200);
        try {
            sink.setSoTimeout(5000);
            for (int i = 0; i < arrivals.length; i++) {
                sink.receive(p);
                arrivals[i] = System.nanoTime();
            }
        } catch (java.io.IOException e) {
            // timed out: fewer packets than sent arrived; the report says how many
        }
    }
}

package io.lightsout.appliance.power.wol;

import io.lightsout.appliance.power.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends magic packets over UDP/IPv4. One broadcast-enabled channel serves unicast and subnet-directed broadcast;
 * limited broadcasts use one channel per interface, bound to that interface's address.
 */
public final class UdpWolSender implements WolSender {

    private final WolSettings settings;
    private final WolPacer pacer;
    private final Sleeper sleeper;
    private final DatagramChannel shared;
    private final Map<String, DatagramChannel> perInterface = new ConcurrentHashMap<>();

    public UdpWolSender(WolSettings settings, WolPacer pacer, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        try {
            this.shared = broadcastChannel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for wake-on-LAN", e);
        }
    }

    @Override
    public void send(WakeRequest request) throws IOException, InterruptedException {
        WolDestination destination = request.destination();
        DatagramChannel channel = channelFor(destination);
        InetSocketAddress target = new InetSocketAddress(destination.sendTo(), settings.port());
        byte[] packet = MagicPacket.build(request.mac(), request.secureOn());
        for (int copy = 0; copy < settings.repeats(); copy++) {
            if (copy > 0) {
                sleeper.sleep(settings.repeatInterval());
            }
            pacer.await(destination.subnetKey());
            try {
                channel.send(ByteBuffer.wrap(packet), target);
            } catch (IOException e) {
                throw new IOException("wake-on-LAN to " + request.mac() + " via " + target.getAddress().getHostAddress()
                        + ":" + target.getPort() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private DatagramChannel channelFor(WolDestination destination) throws IOException {
        if (!(destination instanceof WolDestination.LimitedBroadcast lb)) {
            return shared;
        }
        DatagramChannel existing = perInterface.get(lb.interfaceName());
        if (existing != null) {
            return existing;
        }
        DatagramChannel created = broadcastChannel();
        try {
            created.bind(new InetSocketAddress(interfaceAddress(lb.interfaceName()), 0));
        } catch (IOException e) {
            created.close();
            throw e;
        }
        DatagramChannel raced = perInterface.putIfAbsent(lb.interfaceName(), created);
        if (raced != null) {
            created.close();
            return raced;
        }
        return created;
    }

    private static Inet4Address interfaceAddress(String name) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(name);
        if (nic == null) {
            throw new IOException("no network interface named " + MacAddress.shorten(name));
        }
        return nic.inetAddresses().filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).findFirst()
                .orElseThrow(() -> new IOException("interface " + name + " has no IPv4 address"));
    }

    private static DatagramChannel broadcastChannel() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
        return channel;
    }

    @Override
    public void close() {
        closeQuietly(shared);
        perInterface.values().forEach(UdpWolSender::closeQuietly);
    }

    private static void closeQuietly(DatagramChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing at shutdown; nothing left to do with it
        }
    }
}

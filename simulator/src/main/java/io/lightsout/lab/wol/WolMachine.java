package io.lightsout.lab.wol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated BMC-less machine. While off it holds a UDP socket on its own loopback address and the fleet's WoL
 * port; a valid magic packet starts a boot that ends after the machine's boot delay, after which it drops the UDP
 * socket (an awake NIC no longer needs magic packets) and answers TCP connections on the verification port, as a
 * started OS would on 445/22/3389. So each machine holds exactly one socket at a time.
 */
public final class WolMachine {

    /** How the machine reacts to a valid magic packet. */
    public enum Behaviour { NORMAL, LATE_WAKE, NEVER_WAKE }

    /** Power as the lab sees it. */
    public enum State { OFF, BOOTING, ON }

    private final Inet4Address address;
    private final byte[] mac;
    private final byte[] secureOn;
    private final Behaviour behaviour;
    private final Duration bootDelay;
    private final int udpPort;
    private final int verifyPort;
    private final ScheduledExecutorService scheduler;

    private final AtomicInteger magicPackets = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private State state = State.OFF;
    private Instant awakeSince;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private Thread answering;
    private boolean closed;

    WolMachine(Inet4Address address, byte[] mac, byte[] secureOn, Behaviour behaviour, Duration bootDelay,
               int udpPort, int verifyPort, ScheduledExecutorService scheduler) {
        this.address = address;
        this.mac = mac.clone();
        this.secureOn = secureOn == null ? null : secureOn.clone();
        this.behaviour = behaviour;
        this.bootDelay = bootDelay;
        this.udpPort = udpPort;
        this.verifyPort = verifyPort;
        this.scheduler = scheduler;
    }

    /** The machine's own loopback address: its "last known IP" for unicast WoL and the verification target. */
    public Inet4Address address() {
        return address;
    }

    /** The NIC's MAC, lower-case colon form ({@code 02:4c:00:00:00:01}). */
    public String mac() {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }

    /** The SecureOn password in colon hex form, when the NIC has one. */
    public Optional<String> secureOn() {
        return Optional.ofNullable(secureOn).map(p -> HexFormat.ofDelimiter(":").formatHex(p));
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** How long this machine takes from a valid packet to answering on the verification port. */
    public Duration bootDelay() {
        return bootDelay;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized boolean isAwake() {
        return state == State.ON;
    }

    /** When the machine finished booting, if it is on. */
    public synchronized Optional<Instant> awakeSince() {
        return Optional.ofNullable(awakeSince);
    }

    /** Valid magic packets for this NIC received so far (including repeats and those while booting). */
    public int magicPacketsReceived() {
        return magicPackets.get();
    }

    /** Packets that reached this machine's socket but were not a valid magic packet for it. */
    public int packetsRejected() {
        return rejected.get();
    }

    /** Switches the machine on at once (a node that is already on when a campaign starts). */
    public synchronized void powerOn() {
        if (state != State.ON && !closed) {
            boot();
        }
    }

    /** Switches the machine off: it stops answering and listens for magic packets again. */
    public synchronized void powerOff() {
        if (closed || state == State.OFF) {
            return;
        }
        stopAnswering();
        state = State.OFF;
        awakeSince = null;
        listenForMagicPackets();
    }

    synchronized void start() {
        listenForMagicPackets();
    }

    synchronized void close() {
        closed = true;
        closeQuietly(udp);
        udp = null;
        stopAnswering();
    }

    /**
     * Closing a listening socket that a virtual thread is blocked in accept() on is completed only when that thread
     * wakes up; until then the kernel still completes handshakes. Wait for it, so "off" really is off.
     */
    private void stopAnswering() {
        closeQuietly(tcp);
        tcp = null;
        if (answering != null) {
            try {
                answering.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answering = null;
        }
    }

    private void listenForMagicPackets() {
        try {
            DatagramSocket socket = new DatagramSocket(null);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, udpPort));
            udp = socket;
            Thread.ofVirtual().name("wol-lab-udp-" + address.getHostAddress()).start(() -> receive(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("lab machine " + address.getHostAddress() + ": cannot bind UDP port "
                    + udpPort + ": " + e.getMessage(), e);
        }
    }

    private void receive(DatagramSocket socket) {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed by boot/close
            }
            onPacket(MagicPacketMatcher.match(buffer, packet.getLength(), mac, secureOn));
        }
    }

    private synchronized void onPacket(MagicPacketMatcher.Verdict verdict) {
        if (verdict != MagicPacketMatcher.Verdict.WAKE) {
            rejected.incrementAndGet();
            return;
        }
        magicPackets.incrementAndGet();
        if (state == State.OFF && behaviour != Behaviour.NEVER_WAKE && !closed) {
            state = State.BOOTING;
            scheduler.schedule(this::finishBoot, bootDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void finishBoot() {
        if (state == State.BOOTING && !closed) {
            boot();
        }
    }

    private void boot() {
        closeQuietly(udp);
        udp = null;
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, verifyPort), 512);
            tcp = server;
            state = State.ON;
            awakeSince = Instant.now();
            answering = Thread.ofVirtual().name("wol-lab-tcp-" + address.getHostAddress()).start(() -> answer(server));
        } catch (IOException e) {
            throw new UncheckedIOException("lab machine " + address.getHostAddress() + ": cannot bind TCP port "
                    + verifyPort + ": " + e.getMessage(), e);
        }
    }

    private static void answer(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                // a completed handshake is the whole answer, as for a port probe against a real OS
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a socket we own; nothing to report
            }
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + " " + mac() + " " + behaviour + " " + state();
    }
}

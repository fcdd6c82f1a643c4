package io.lightsout.nfs;

import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.rpc.RpcListener;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures an {@link NfsShare}. Defaults: bind {@code 0.0.0.0}, portmapper 1111 (the unprivileged development
 * port; production uses 111), MOUNT 4003, NFS 2049, 16 worker threads, 32 connections per client.
 */
public final class NfsShareBuilder {
    /** Used when no key is configured: handles are still checked, but anyone who reads this can forge them. */
    private static final byte[] DEFAULT_KEY = "lightsout nfs-share default handle key".getBytes(StandardCharsets.UTF_8);

    private InetAddress bind;
    private int portmapPort = 1111;
    private int mountdPort = 4003;
    private int nfsPort = 2049;
    private final List<Export> exports = new ArrayList<>();
    private byte[] handleKey = DEFAULT_KEY;
    private MountListener mountListener = MountListener.NONE;
    private Clock clock = Clock.systemUTC();
    private int workerThreads = 16;
    private int queuedCalls = 256;
    private int connectionsPerClient = 32;
    private int connections = 1024;
    private int selectorThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    NfsShareBuilder() {}

    /** The address to listen on (all three services). */
    public NfsShareBuilder bind(InetAddress address) {
        this.bind = Objects.requireNonNull(address);
        return this;
    }

    /**
     * Ports of the portmapper, MOUNT and NFS; 0 picks a free port (tests), a portmapper port of -1 runs
     * without a portmapper.
     */
    public NfsShareBuilder ports(int portmap, int mountd, int nfs) {
        this.portmapPort = checkPort(portmap, true);
        this.mountdPort = checkPort(mountd, false);
        this.nfsPort = checkPort(nfs, false);
        return this;
    }

    private static int checkPort(int port, boolean mayDisable) {
        if (port > 65535 || port < (mayDisable ? -1 : 0)) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return port;
    }

    public NfsShareBuilder export(Export export) {
        exports.add(Objects.requireNonNull(export));
        return this;
    }

    /**
     * The secret that authenticates file handles (at least 16 bytes). Keep it across restarts: handles made with
     * another key are refused as NFS3ERR_BADHANDLE.
     */
    public NfsShareBuilder handleKey(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("handle key must be at least 16 bytes");
        }
        this.handleKey = key.clone();
        return this;
    }

    public NfsShareBuilder mountListener(MountListener listener) {
        this.mountListener = Objects.requireNonNull(listener);
        return this;
    }

    public NfsShareBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * Threads that finish replies to slow clients and serve UDP calls, and calls queued for them beyond that
     * (TCP calls are served by the selector threads that read them).
     */
    public NfsShareBuilder workers(int threads, int queued) {
        if (threads < 1 || queued < 1) {
            throw new IllegalArgumentException("workers and queue must be positive");
        }
        this.workerThreads = threads;
        this.queuedCalls = queued;
        return this;
    }

    /** TCP connections one client address may hold, and in total. */
    public NfsShareBuilder connectionLimits(int perClient, int total) {
        if (perClient < 1 || total < perClient) {
            throw new IllegalArgumentException("connection limits must be positive and total >= per client");
        }
        this.connectionsPerClient = perClient;
        this.connections = total;
        return this;
    }

    public NfsShare build() {
        InetAddress address = bind;
        if (address == null) {
            try {
                address = InetAddress.getByAddress(new byte[4]);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        // 128 KiB: the largest call a client sends is a WRITE of at most WTMAX (64 KiB), which is refused anyway.
        // Replies on TCP are written by ConnectionWriter; Grizzly's write queue only carries oncrpc4j's rare
        // rejections of bad credentials.
        RpcListener.Limits limits = new RpcListener.Limits(connectionsPerClient, connections, 128 * 1024,
                32 * 1024 * 1024, 128, selectorThreads);
        return new NfsShare(new ShareSettings(address, portmapPort, mountdPort, nfsPort, List.copyOf(exports),
                handleKey, mountListener, clock, workerThreads, queuedCalls, limits));
    }
}

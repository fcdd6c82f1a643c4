package io.lightsout.nfs;

import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.export.ExportTable;
import io.lightsout.nfs.export.HandleCodec;
import io.lightsout.nfs.mount.MountProgram;
import io.lightsout.nfs.portmap.PortmapProgram;
import io.lightsout.nfs.portmap.PortmapProgram.Mapping;
import io.lightsout.nfs.rpc.ClientConnections;
import io.lightsout.nfs.rpc.RpcListener;
import io.lightsout.nfs.rpc.RpcListener.Protocol;
import io.lightsout.nfs.rpc.RpcService;
import io.lightsout.nfs.v3.NfsProgram;
import io.lightsout.nfs.v3.OpenFiles;
import io.lightsout.nfs.xdr.Mount3;
import io.lightsout.nfs.xdr.Nfs3;
import io.lightsout.nfs.xdr.Portmap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only NFS share: a portmapper, MOUNT v3 (TCP and UDP) and NFS v3 (TCP) on one address, serving a set
 * of exports that can be replaced while it runs.
 *
 * <pre>{@code
 * NfsShare share = NfsShare.builder()
 *         .bind(InetAddress.getByName("0.0.0.0")).ports(111, 4003, 2049)
 *         .export(new Export("/iso", dataDir.resolve("repository/iso"), ClientAcl.parse("10.20.0.0/16")))
 *         .mountListener(event -> audit.record(event))
 *         .build();
 * share.start();
 * ...
 * share.close();
 * }</pre>
 */
public final class NfsShare implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NfsShare.class);

    private final ShareSettings settings;
    private final ExportTable exports;
    private final ShareMetrics metrics;
    private final ClientConnections clients = new ClientConnections();
    private final List<RpcListener> listeners = new ArrayList<>();
    private ThreadPoolExecutor workers;
    private OpenFiles openFiles;
    private ScheduledThreadPoolExecutor sweeper;
    private InetSocketAddress portmapAddress;
    private InetSocketAddress mountdAddress;
    private InetSocketAddress nfsAddress;

    NfsShare(ShareSettings settings) {
        this.settings = settings;
        this.exports = new ExportTable(settings.clock());
        this.metrics = new ShareMetrics(settings.clock());
        exports.replace(settings.exports());
    }

    public static NfsShareBuilder builder() {
        return new NfsShareBuilder();
    }

    /**
     * Binds NFS, then MOUNT, then the portmapper, and starts serving.
     *
     * @throws IOException naming the port that could not be bound; nothing stays bound
     */
    public synchronized void start() throws IOException {
        if (workers != null) {
            throw new IllegalStateException("already started");
        }
        workers = workerPool(settings);
        openFiles = new OpenFiles(settings.clock());
        sweeper = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("nfs-open-files").daemon().factory());
        sweeper.scheduleWithFixedDelay(openFiles::sweep, 1, 1, TimeUnit.SECONDS);
        HandleCodec handles = new HandleCodec(settings.handleKey());
        try {
            RpcService nfs = new NfsProgram(exports, handles, metrics, openFiles);
            RpcService mount = new MountProgram(exports, handles, metrics, m -> mounted(m));
            nfsAddress = listen(settings.nfsPort(), Protocol.TCP, nfs).address();
            mountdAddress = listen(settings.mountdPort(), Protocol.TCP, mount).address();
            listen(mountdAddress.getPort(), Protocol.UDP, mount);
            if (settings.portmapPort() >= 0) {
                RpcService portmap = new PortmapProgram(mappings());
                portmapAddress = listen(settings.portmapPort(), Protocol.TCP, portmap).address();
                listen(portmapAddress.getPort(), Protocol.UDP, portmap);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("NFS share on {}: nfs {}, mountd {}, portmap {}; exports {}", settings.bind().getHostAddress(),
                nfsAddress.getPort(), mountdAddress.getPort(),
                portmapAddress == null ? "off" : portmapAddress.getPort(), exports.exports());
    }

    private RpcListener listen(int port, Protocol protocol, RpcService service) throws IOException {
        RpcListener l = RpcListener.start(new InetSocketAddress(settings.bind(), port), protocol,
                Map.of(service.program(), service), workers, settings.limits(), clients);
        listeners.add(l);
        return l;
    }

    private List<Mapping> mappings() {
        int pm = portmapAddress == null ? settings.portmapPort() : portmapAddress.getPort();
        return List.of(
                new Mapping(Nfs3.PROGRAM, Nfs3.VERSION, Portmap.IPPROTO_TCP, nfsAddress.getPort()),
                new Mapping(Mount3.PROGRAM, Mount3.VERSION, Portmap.IPPROTO_TCP, mountdAddress.getPort()),
                new Mapping(Mount3.PROGRAM, Mount3.VERSION, Portmap.IPPROTO_UDP, mountdAddress.getPort()),
                new Mapping(Portmap.PROGRAM, Portmap.VERSION, Portmap.IPPROTO_TCP, pm),
                new Mapping(Portmap.PROGRAM, Portmap.VERSION, Portmap.IPPROTO_UDP, pm));
    }

    private static ThreadPoolExecutor workerPool(ShareSettings s) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(s.workerThreads(), s.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(s.queuedCalls()), Thread.ofPlatform().name("nfs-worker-", 0).daemon()
                        .factory(),
                (task, executor) -> {
                    // a full queue blocks the selector thread briefly: back-pressure on the sockets, not memory
                    try {
                        if (!executor.getQueue().offer(task, 2, TimeUnit.SECONDS)) {
                            throw new java.util.concurrent.RejectedExecutionException("worker queue full");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.RejectedExecutionException("interrupted");
                    }
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private void mounted(MountProgram.Mounted m) {
        MountEvent e = new MountEvent(settings.clock().instant(), m.client(), m.path(), m.granted(), m.reason());
        metrics.mounted(e);
        settings.mountListener().mount(e);
    }

    /**
     * Replaces the exports while the share runs. Handles of exports that keep their name and directory stay
     * valid; clients of a removed export get NFS3ERR_STALE.
     *
     * @throws IllegalArgumentException for a missing directory or a duplicate name; the old exports stay
     */
    public void setExports(Collection<Export> exports) {
        this.exports.replace(exports);
        LOG.info("exports now {}", this.exports.exports());
    }

    public List<Export> exports() {
        return exports.exports();
    }

    /** Current activity counters. */
    public ShareStats stats() {
        return new ShareStats(metrics.bytesRead(), metrics.operations(), metrics.errors(), metrics.opsPerSecond(),
                clients.active(), metrics.recentMounts());
    }

    /** The bound NFS address (with the real port if 0 was configured); null before {@link #start()}. */
    public InetSocketAddress nfsAddress() {
        return nfsAddress;
    }

    public InetSocketAddress mountdAddress() {
        return mountdAddress;
    }

    /** Null when the portmapper is disabled. */
    public InetSocketAddress portmapAddress() {
        return portmapAddress;
    }

    /**
     * Stops gracefully: stops accepting and answering new calls, lets the replies in progress finish (at most 5 s),
     * then closes every connection. Clients resend unanswered calls when they reconnect to the next start.
     */
    @Override
    public synchronized void close() {
        listeners.forEach(RpcListener::drain);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (RpcListener l : listeners) {
                l.awaitIdle(deadline);
            }
            if (workers != null) {
                workers.shutdown();
                workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers = null;
        for (int i = listeners.size() - 1; i >= 0; i--) {
            try {
                listeners.get(i).close();
            } catch (IOException e) {
                LOG.warn("closing {} listener: {}", listeners.get(i).protocol(), e.getMessage());
            }
        }
        listeners.clear();
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        if (openFiles != null) {
            openFiles.close();
            openFiles = null;
        }
    }
}

package io.lightsout.appliance.shares;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.metrics.MetricsSource;
import io.lightsout.nfs.MountEvent;
import io.lightsout.nfs.NfsShare;
import io.lightsout.nfs.ShareStats;
import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's read-only NFS share: runs the nfs-share module's server with the stored exports, records every
 * MOUNT in the activity log and exposes the share's counters on /metrics.
 */
public final class NfsService implements AutoCloseable, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(NfsService.class);
    /** Mount events waiting for the database; a flood of MNT calls drops (and counts) the excess instead. */
    private static final int AUDIT_QUEUE = 1000;

    /** Where the share listens; ports 0 pick free ports, a portmap port of -1 runs without a portmapper. */
    public record Ports(InetAddress bind, int portmap, int mountd, int nfs) {
    }

    private final Ports ports;
    private final Path handleKeyFile;
    private final ShareExports exports;
    private final AuditLog audit;
    private final Clock clock;
    private final ThreadPoolExecutor auditWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(AUDIT_QUEUE), Thread.ofPlatform().name("nfs-audit").daemon().factory(),
            (task, pool) -> { });
    private final LongAdder auditDropped = new LongAdder();
    private NfsShare share;

    public NfsService(Ports ports, Path handleKeyFile, ShareExports exports, AuditLog audit, Clock clock) {
        this.ports = ports;
        this.handleKeyFile = handleKeyFile;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Binds the share's ports and serves the stored exports; later changes to them are applied while it runs.
     *
     * @throws IOException naming the port that could not be bound
     */
    public synchronized void start() throws IOException {
        List<Export> initial = toExports(exports.list());
        share = NfsShare.builder().bind(ports.bind()).ports(ports.portmap(), ports.mountd(), ports.nfs())
                .handleKey(handleKey(handleKeyFile)).clock(clock).mountListener(this::mounted).build();
        share.setExports(initial);
        share.start();
        exports.onChange(list -> apply(list));
    }

    private synchronized void apply(List<ShareExport> list) {
        if (share != null) {
            share.setExports(toExports(list));
        }
    }

    private List<Export> toExports(List<ShareExport> list) {
        List<Export> out = new ArrayList<>();
        for (ShareExport e : list) {
            if (e.clients().isEmpty()) {
                continue;
            }
            try {
                out.add(new Export(e.path(), exports.directory(e.directory()),
                        ClientAcl.parse(String.join(",", e.clients()))));
            } catch (IllegalArgumentException | UncheckedIOException ex) {
                // a host name that no longer resolves must not take the other exports down
                LOG.warn("Export {} is not offered: {}", e.path(), ex.getMessage());
            }
        }
        return out;
    }

    private void mounted(MountEvent e) {
        if (auditWriter.getQueue().remainingCapacity() == 0) {
            auditDropped.increment();
            return;
        }
        auditWriter.execute(() -> {
            try {
                if (e.granted()) {
                    audit.success(null, "nfs.mount", e.path(), null, e.client().getHostAddress());
                } else {
                    audit.failure(null, "nfs.mount", e.path(), e.reason(), e.client().getHostAddress());
                }
            } catch (RuntimeException ex) {
                LOG.warn("Could not record the mount of {} by {}: {}", e.path(), e.client().getHostAddress(),
                        ex.getMessage());
            }
        });
    }

    /** Whether the share runs (false when disabled by {@code nfs.enabled=false} or before start). */
    public synchronized boolean running() {
        return share != null;
    }

    /** Counters of the running share, or null when it does not run. */
    public synchronized ShareStats stats() {
        return share == null ? null : share.stats();
    }

    public synchronized InetSocketAddress nfsAddress() {
        return share == null ? null : share.nfsAddress();
    }

    public synchronized InetSocketAddress mountdAddress() {
        return share == null ? null : share.mountdAddress();
    }

    public synchronized InetSocketAddress portmapAddress() {
        return share == null ? null : share.portmapAddress();
    }

    @Override
    public void render(StringBuilder out) {
        ShareStats s = stats();
        if (s == null) {
            return;
        }
        MetricsSource.counter(out, "lightsout_nfs_read_bytes_total", "File bytes sent to NFS clients.", s.bytesRead());
        MetricsSource.counter(out, "lightsout_nfs_operations_total", "NFS and MOUNT calls answered.", s.operations());
        MetricsSource.counter(out, "lightsout_nfs_errors_total", "NFS and MOUNT calls answered with an error.",
                s.errors());
        MetricsSource.gauge(out, "lightsout_nfs_operations_per_second", "Calls per second over the last 10 s.",
                s.opsPerSecond());
        MetricsSource.gauge(out, "lightsout_nfs_active_clients", "Client addresses with an open connection.",
                s.activeClients().size());
        MetricsSource.counter(out, "lightsout_nfs_mount_audit_dropped_total",
                "Mount events not written to the activity log because too many arrived at once.",
                auditDropped.sum());
    }

    @Override
    public synchronized void close() {
        exports.onChange(list -> { });
        if (share != null) {
            share.close();
            share = null;
        }
        auditWriter.shutdown();
        try {
            auditWriter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The handle key survives restarts so that clients keep their handles; created with 32 random bytes. */
    private static byte[] handleKey(Path file) throws IOException {
        if (Files.notExists(file)) {
            Files.createDirectories(file.getParent());
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, k);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length < 16) {
            throw new IOException("The NFS handle key " + file + " is shorter than 16 bytes: delete it to make a new one");
        }
        return key;
    }
}

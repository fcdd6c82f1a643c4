package io.lightsout.nfs.cli;

import io.lightsout.nfs.NfsShare;
import io.lightsout.nfs.NfsShareBuilder;
import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lightsout nfs-share}: runs the read-only NFS share alone, in the foreground, until interrupted. */
@Command(name = "nfs-share", mixinStandardHelpOptions = true,
        description = "Serve directories read-only over NFSv3 (portmap, MOUNT v3, NFS v3) until interrupted.")
public final class NfsShareCommand implements Callable<Integer> {

    @Option(names = "--export", required = true, paramLabel = "[NAME=]DIR",
            description = "Directory to export; mounted as /NAME (default: the directory's own name). Repeatable.")
    List<String> exports;

    @Option(names = "--clients", required = true, paramLabel = "CIDR,...",
            description = "Who may mount: CIDRs, addresses, host names, or * for everyone.")
    String clients;

    @Option(names = "--portmap-port", defaultValue = "1111", description = "Portmapper port (production 111; -1 for none).")
    int portmapPort;

    @Option(names = "--mountd-port", defaultValue = "4003", description = "MOUNT port.")
    int mountdPort;

    @Option(names = "--nfs-port", defaultValue = "2049", description = "NFS port.")
    int nfsPort;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on.")
    String bind;

    @Option(names = "--handle-key-file", paramLabel = "FILE",
            description = "Secret for file handles; created (32 random bytes) if missing. Keep it across restarts.")
    Path handleKeyFile;

    @Override
    public Integer call() {
        try {
            NfsShareBuilder b = NfsShare.builder().bind(InetAddress.getByName(bind))
                    .ports(portmapPort, mountdPort, nfsPort);
            ClientAcl acl = ClientAcl.parse(clients);
            for (String spec : exports) {
                b.export(export(spec, acl));
            }
            if (handleKeyFile != null) {
                b.handleKey(key(handleKeyFile));
            }
            NfsShare share = b.build();
            share.start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                share.close();
                stopped.countDown();
            }));
            System.out.printf("nfs-share: %s exported to %s; portmap %s, mountd %d, nfs %d%n",
                    share.exports().stream().map(Export::name).toList(), acl,
                    share.portmapAddress() == null ? "off" : share.portmapAddress().getPort(),
                    share.mountdAddress().getPort(), share.nfsAddress().getPort());
            stopped.await();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("nfs-share: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Export export(String spec, ClientAcl acl) {
        int eq = spec.indexOf('=');
        Path dir = Path.of(eq < 0 ? spec : spec.substring(eq + 1)).toAbsolutePath().normalize();
        String name = eq < 0 ? (dir.getFileName() == null ? "root" : dir.getFileName().toString())
                : spec.substring(0, eq);
        return new Export(name.startsWith("/") ? name : "/" + name, dir, acl);
    }

    private static byte[] key(Path file) throws IOException {
        if (Files.notExists(file)) {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.write(file, k);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the default permissions
            }
        }
        return Files.readAllBytes(file);
    }
}

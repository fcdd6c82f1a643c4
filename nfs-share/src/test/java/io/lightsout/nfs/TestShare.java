package io.lightsout.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A share on its own loopback address (127.65.x.y), so that its portmapper can take port 111 there: libnfs only
 * looks for mountd through port 111. Needs root (bin/test runs as root).
 */
final class TestShare implements AutoCloseable {
    static final byte[] KEY = "test handle key, 32 bytes long!!".getBytes(StandardCharsets.UTF_8);

    final InetAddress address;
    final Path dir;
    final List<MountEvent> mounts = new CopyOnWriteArrayList<>();
    NfsShare share;
    private String clients;

    TestShare(Path dir, String clients) throws IOException {
        this.dir = dir;
        this.clients = clients;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.address = InetAddress.getByAddress(new byte[] {127, 65, (byte) r.nextInt(1, 255),
                (byte) r.nextInt(2, 255)});
        assertThat(System.getProperty("user.name"))
                .as("the NFS tests bind port 111 on a loopback address: run them as root (bin/test does)")
                .isEqualTo("root");
    }

    TestShare start() throws IOException {
        return start(0, 0);
    }

    TestShare start(int mountdPort, int nfsPort) throws IOException {
        share = NfsShare.builder().bind(address).ports(111, mountdPort, nfsPort)
                .export(export(clients)).handleKey(KEY).mountListener(mounts::add)
                .connectionLimits(64, 256).build();
        share.start();
        return this;
    }

    Export export(String clientList) {
        return new Export("/export", dir, ClientAcl.parse(clientList));
    }

    /** Stops and starts again on the same ports, as an appliance restart would. */
    void restart() throws IOException {
        int mountd = share.mountdAddress().getPort();
        int nfs = share.nfsAddress().getPort();
        share.close();
        start(mountd, nfs);
    }

    String url(String path) {
        return "nfs://" + address.getHostAddress() + "/export" + path;
    }

    @Override
    public void close() {
        if (share != null) {
            share.close();
        }
    }

    static Path fill(Path file, long size, long seed) throws IOException {
        byte[] block = new byte[64 * 1024];
        java.util.Random random = new java.util.Random(seed);
        try (var out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        return file;
    }
}

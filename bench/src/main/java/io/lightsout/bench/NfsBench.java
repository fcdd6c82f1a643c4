package io.lightsout.bench;

import io.lightsout.nfs.NfsShare;
import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench nfs}: libnfs's {@code nfs-cp} reading from our share and from nfs-ganesha serving the same files on
 * the same machine, warm cache: one reader of a large file, then many readers of different files at once. The two
 * servers run in alternating phases (ganesha needs rpcbind on the wildcard address's port 111, which excludes our
 * portmapper on a loopback address at the same time). Our server is warmed up first (three single copies and one
 * concurrent round, not counted) so that the JIT has compiled it. Needs root, libnfs-utils, nfs-ganesha(-vfs) and
 * rpcbind.
 */
@Command(name = "nfs", mixinStandardHelpOptions = true,
        description = "nfs-cp throughput from our NFS share vs nfs-ganesha (same files, same run, warm cache).")
public final class NfsBench implements Callable<Integer> {

    @Option(names = "--dir", description = "Work directory for the test files (default: /var/tmp/lightsout-nfs-bench).")
    Path dir = Path.of("/var/tmp/lightsout-nfs-bench");

    @Option(names = "--size-mib", description = "Size of the single-reader file (default 1024).")
    int sizeMib = 1024;

    @Option(names = "--readers", description = "Concurrent readers (default 16).")
    int readers = 16;

    @Option(names = "--reader-mib", description = "Size of each concurrent reader's file (default 128).")
    int readerMib = 128;

    @Option(names = "--rounds", description = "Alternating rounds per server (default 3); the best round counts.")
    int rounds = 3;

    @Option(names = "--ganesha-ports", split = ",", description = "ganesha NFS,MOUNT ports (default 20049,20048).")
    int[] ganeshaPorts = {20049, 20048};

    private Path copies;

    @Override
    public Integer call() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.lightsout.nfs"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.glassfish.grizzly"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path export = Files.createDirectories(dir.resolve("export"));
        copies = Files.createDirectories(Path.of("/dev/shm/lightsout-nfs-bench-" + ProcessHandle.current().pid()));
        try {
            Path big = prepare(export.resolve("big.bin"), sizeMib, 0);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                files.add(prepare(export.resolve("r" + i + ".bin"), readerMib, i + 1));
            }
            warm(big);
            files.forEach(NfsBench::warm);
            // the JVM compiles its hot paths during the first few hundred calls; ganesha is compiled ahead of time
            try (Server s = ours(export)) {
                for (int i = 0; i < 3; i++) {
                    single(s, big);
                }
                concurrent(s, files);
            }
            double[] oursOne = new double[rounds];
            double[] oursMany = new double[rounds];
            double[] ganOne = new double[rounds];
            double[] ganMany = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                // alternate which server goes first, so that drifting load on the machine favours neither
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == (r % 2 == 0)) {
                        try (Server s = ours(export)) {
                            oursOne[r] = single(s, big);
                            oursMany[r] = concurrent(s, files);
                        }
                    } else {
                        try (Server s = ganesha(export)) {
                            ganOne[r] = single(s, big);
                            ganMany[r] = concurrent(s, files);
                        }
                    }
                }
                System.out.printf("round %d: 1 reader ours %.0f / ganesha %.0f MB/s; %d readers ours %.0f / ganesha %.0f MB/s%n",
                        r + 1, oursOne[r], ganOne[r], readers, oursMany[r], ganMany[r]);
            }
            report("1 reader, " + sizeMib + " MiB", oursOne, ganOne);
            report(readers + " readers, " + readerMib + " MiB each", oursMany, ganMany);
            System.out.printf("load average at the end: %s (other work on the machine skews both alike)%n",
                    Files.readString(Path.of("/proc/loadavg")).strip());
            return 0;
        } finally {
            try (var s = Files.list(copies)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(copies);
        }
    }

    private static void report(String what, double[] ours, double[] ganesha) {
        double o = Arrays.stream(ours).max().orElse(0);
        double g = Arrays.stream(ganesha).max().orElse(0);
        System.out.printf("%-28s ours %7.0f MB/s   ganesha %7.0f MB/s   ours/ganesha %.2fx   (median %.2fx)%n", what,
                o, g, o / g, median(ours) / median(ganesha));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A server under test: where its files are, and how to stop it. */
    private interface Server extends AutoCloseable {
        String url(Path file);

        @Override
        void close() throws Exception;
    }

    private Server ours(Path export) throws IOException {
        Random r = new Random();
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 66, (byte) r.nextInt(1, 255),
                (byte) r.nextInt(2, 255)});
        NfsShare share = NfsShare.builder().bind(address).ports(111, 0, 0)
                .export(new Export("/export", export, ClientAcl.parse("127.0.0.0/8")))
                .connectionLimits(4 * readers + 8, 1024).workers(Math.max(16, readers), 256).build();
        share.start();
        return new Server() {
            @Override
            public String url(Path file) {
                return "nfs://" + address.getHostAddress() + "/export/" + file.getFileName();
            }

            @Override
            public void close() {
                share.close();
            }
        };
    }

    private Server ganesha(Path export) throws Exception {
        Path work = Files.createDirectories(dir.resolve("ganesha"));
        Files.createDirectories(Path.of("/run/rpcbind"));
        Files.createDirectories(Path.of("/var/run/ganesha"));
        Files.createDirectories(Path.of("/var/lib/nfs/ganesha"));
        Files.writeString(work.resolve("ganesha.conf"), """
                NFS_CORE_PARAM { Protocols = 3; NFS_Port = %d; MNT_Port = %d; Bind_addr = 127.0.0.1;
                  Enable_RQUOTA = false; Enable_NLM = false; }
                NFSV4 { Grace_Period = 10; Lease_Lifetime = 10; RecoveryBackend = fs; }
                NFS_KRB5 { Active_krb5 = false; }
                EXPORT { Export_Id = 1; Path = %s; Pseudo = /export; Access_Type = RO; Squash = No_Root_Squash;
                  Protocols = 3; Transports = TCP; SecType = sys; CLIENT { Clients = 127.0.0.1; } FSAL { Name = VFS; } }
                """.formatted(ganeshaPorts[0], ganeshaPorts[1], export));
        Process rpcbind = new ProcessBuilder("rpcbind", "-f").redirectErrorStream(true)
                .redirectOutput(work.resolve("rpcbind.log").toFile()).start();
        Process ganesha;
        try {
            waitForPort(new InetSocketAddress("127.0.0.1", 111), rpcbind);
            ganesha = new ProcessBuilder("ganesha.nfsd", "-F", "-f", work.resolve("ganesha.conf").toString(), "-L",
                    work.resolve("ganesha.log").toString(), "-p", work.resolve("ganesha.pid").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("ganesha.out").toFile()).start();
            waitForPort(new InetSocketAddress("127.0.0.1", ganeshaPorts[0]), ganesha);
        } catch (Exception e) {
            stop(rpcbind);
            throw e;
        }
        return new Server() {
            @Override
            public String url(Path file) {
                return "nfs://127.0.0.1" + file.toAbsolutePath();
            }

            @Override
            public void close() throws InterruptedException {
                stop(ganesha);
                stop(rpcbind);
            }
        };
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static void waitForPort(InetSocketAddress a, Process owner) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!owner.isAlive()) {
                throw new IOException(owner.info().command().orElse("server") + " exited with " + owner.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(a, 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nothing listens on " + a + " after 20 s");
    }

    /** MB/s (10^6 bytes) for one nfs-cp of {@code file}. */
    private double single(Server s, Path file) throws Exception {
        copy(s, file, 0).waitFor();
        long t0 = System.nanoTime();
        check(copy(s, file, 0), file);
        return Files.size(file) / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private double concurrent(Server s, List<Path> files) throws Exception {
        long bytes = 0;
        List<Process> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            running.add(copy(s, files.get(i), i));
        }
        for (int i = 0; i < files.size(); i++) {
            check(running.get(i), files.get(i));
            bytes += Files.size(files.get(i));
        }
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private Process copy(Server s, Path file, int slot) throws IOException {
        Path out = copies.resolve("c" + slot);
        Files.deleteIfExists(out);
        return new ProcessBuilder("nfs-cp", s.url(file), out.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void check(Process p, Path file) throws Exception {
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("nfs-cp of " + file + " failed");
        }
    }

    private static Path prepare(Path file, int mib, long seed) throws IOException {
        long size = (long) mib << 20;
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        byte[] block = new byte[1 << 20];
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                if (i % 64 == 0) {
                    random.nextBytes(block);
                }
                block[i % block.length] ^= 1;
                out.write(block);
            }
        }
        return file;
    }

    private static void warm(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                FileChannel sink = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
            for (long pos = 0; pos < ch.size(); ) {
                pos += ch.transferTo(pos, ch.size() - pos, sink);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.lightsout.bench;

import java.io.IOException;
import java.io.OutputStream;
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
 * servers run in alternating phases, so that neither competes with the other for the CPUs; ganesha and the rpcbind
 * it needs run in a network namespace of their own (rpcbind takes port 111 of every address), and the clients of
 * both servers start through {@code nsenter} so that they pay the same start-up. Our server is warmed up first
 * (three single copies and one concurrent round, not counted) so that the JIT has compiled it. Per case it prints
 * the best and median throughput, their ratios, and the CPU time per GiB of each server process and of the
 * clients. Needs root, libnfs-utils, nfs-ganesha(-vfs), rpcbind and iproute2.
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

    @Option(names = "--rounds",
            description = "Alternating rounds per server (default 5); best and median are reported.")
    int rounds = 5;

    @Option(names = "--ganesha-ports", split = ",", description = "ganesha NFS,MOUNT ports (default 20049,20048).")
    int[] ganeshaPorts = {20049, 20048};

    private Path copies;
    /** ganesha and rpcbind run in a network namespace of their own: rpcbind takes port 111 of every address. */
    private String netns;

    @Override
    public Integer call() throws Exception {
        if (readers > 30) {
            System.err.println("bench nfs: at most 30 readers (the share takes 32 connections per client address)");
            return 2;
        }
        Path export = Files.createDirectories(dir.resolve("export"));
        netns = "lightsout-nfs-bench-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", netns);
        run("ip", "-n", netns, "link", "set", "lo", "up");
        // with only 127.0.0.1, glibc's AI_ADDRCONFIG finds no IPv4 address and ganesha cannot resolve its Bind_addr
        run("ip", "-n", netns, "addr", "add", "127.0.0.2/8", "dev", "lo");
        copies = Files.createDirectories(Path.of("/dev/shm/lightsout-nfs-bench-" + ProcessHandle.current().pid()));
        try {
            Path big = prepare(export.resolve("big.bin"), sizeMib, 0);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                files.add(prepare(export.resolve("r" + i + ".bin"), readerMib, i + 1));
            }
            warm(big);
            files.forEach(NfsBench::warm);
            Copy[] oursOne = new Copy[rounds];
            Copy[] oursMany = new Copy[rounds];
            Copy[] ganOne = new Copy[rounds];
            Copy[] ganMany = new Copy[rounds];
            try (Server ours = ours(export); Server ganesha = ganesha(export)) {
                warmUp(ours, big, files);
                for (int r = 0; r < rounds; r++) {
                    // alternate which server goes first, so that drifting load on the machine favours neither
                    for (Server s : r % 2 == 0 ? List.of(ours, ganesha) : List.of(ganesha, ours)) {
                        Copy one = single(s, big);
                        Copy many = concurrent(s, files);
                        if (s == ours) {
                            oursOne[r] = one;
                            oursMany[r] = many;
                        } else {
                            ganOne[r] = one;
                            ganMany[r] = many;
                        }
                    }
                    System.out.printf("round %d: 1 reader ours %.0f / ganesha %.0f MB/s; %d readers ours %.0f / ganesha"
                            + " %.0f MB/s; load average %s%n", r + 1, oursOne[r].mbPerSecond(), ganOne[r].mbPerSecond(),
                            readers, oursMany[r].mbPerSecond(), ganMany[r].mbPerSecond(), ProcessCpu.loadAverage());
                }
            }
            System.out.println("MB/s = 10^6 bytes/s; CPU in seconds per GiB copied: server = the serving process"
                    + " (ours: its JVM, JIT and GC included), clients = all nfs-cp processes; medians over the rounds");
            report("1 reader, " + sizeMib + " MiB", oursOne, ganOne);
            report(readers + " readers, " + readerMib + " MiB each", oursMany, ganMany);
            System.out.printf("1 reader, per 1 MiB READ (median): ours %.0f us, ganesha %.0f us%n",
                    median(oursOne, Copy::microsPerMib), median(ganOne, Copy::microsPerMib));
            System.out.printf("load average at the end: %s (other work on the machine skews both alike)%n",
                    ProcessCpu.loadAverage());
            return 0;
        } finally {
            try (var s = Files.list(copies)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(copies);
            run("ip", "netns", "del", netns);
        }
    }

    /**
     * The JVM compiles its hot paths during the first thousands of calls (ganesha is compiled ahead of time): copies
     * until a whole single copy ran with the JIT compilers nearly idle (under 20 ms of their CPU), at most 20.
     */
    private void warmUp(Server ours, Path big, List<Path> files) throws Exception {
        concurrent(ours, files);
        for (int i = 0; i < 20; i++) {
            long before = ProcessCpu.nanos(ours.pid(), "CompilerThre");
            single(ours, big);
            long compiling = ProcessCpu.nanos(ours.pid(), "CompilerThre") - before;
            if (compiling < 20_000_000L) {
                System.out.printf("warm-up: %d single copies after one concurrent round (JIT %.0f ms in the last)%n",
                        i + 1, compiling / 1e6);
                return;
            }
        }
        System.out.println("warm-up: the JIT was still compiling after 20 copies");
    }

    /** One measured copy (or set of concurrent copies). */
    record Copy(long bytes, long wallNanos, long serverCpuNanos, long clientCpuNanos) {
        double mbPerSecond() {
            return bytes / 1e6 / (wallNanos / 1e9);
        }

        double serverCpuPerGib() {
            return serverCpuNanos / 1e9 / (bytes / (double) (1L << 30));
        }

        double clientCpuPerGib() {
            return clientCpuNanos / 1e9 / (bytes / (double) (1L << 30));
        }

        double microsPerMib() {
            return wallNanos / 1e3 / (bytes / (double) (1 << 20));
        }
    }

    private static void report(String what, Copy[] ours, Copy[] ganesha) {
        double o = Arrays.stream(ours).mapToDouble(Copy::mbPerSecond).max().orElse(0);
        double g = Arrays.stream(ganesha).mapToDouble(Copy::mbPerSecond).max().orElse(0);
        double om = median(ours, Copy::mbPerSecond);
        double gm = median(ganesha, Copy::mbPerSecond);
        System.out.printf("%-28s best ours %5.0f / ganesha %5.0f MB/s = %.2fx | median ours %5.0f / ganesha %5.0f MB/s"
                + " = %.2fx | server CPU ours %.3f / ganesha %.3f s/GiB | client CPU ours %.3f / ganesha %.3f s/GiB%n",
                what, o, g, o / g, om, gm, om / gm, median(ours, Copy::serverCpuPerGib),
                median(ganesha, Copy::serverCpuPerGib), median(ours, Copy::clientCpuPerGib),
                median(ganesha, Copy::clientCpuPerGib));
    }

    private static double median(Copy[] copies, java.util.function.ToDoubleFunction<Copy> f) {
        double[] s = Arrays.stream(copies).mapToDouble(f).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A server under test: where its files are, and how to stop it. */
    private interface Server extends AutoCloseable {
        String url(Path file);

        /** The serving process. */
        long pid();

        /** The network namespace its clients run in. */
        Path netns();

        @Override
        void close() throws Exception;
    }

    /**
     * Our share as the appliance runs it: {@code lightsout nfs-share} in a JVM of its own with the launcher's flags,
     * so that its CPU time is measured apart from this bench's (which starts the clients).
     */
    private Server ours(Path export) throws IOException {
        Random r = new Random();
        String address = "127.66." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lightsout.appliance.cli.Main", "nfs-share",
                "--export", "export=" + export, "--clients", "127.0.0.0/8", "--bind", address, "--portmap-port", "111",
                "--mountd-port", "0", "--nfs-port", "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = out.readLine()) != null && !line.startsWith("nfs-share: [")) {
            seen.add(line);
        }
        if (line == null) {
            throw new IOException("our share did not start (exit " + p.exitValue() + "): " + String.join(" | ", seen));
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ended) {
                // the share stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new Server() {
            @Override
            public String url(Path file) {
                return "nfs://" + address + "/export/" + file.getFileName();
            }

            @Override
            public long pid() {
                return p.pid();
            }

            @Override
            public Path netns() {
                return Path.of("/proc/" + ProcessHandle.current().pid() + "/ns/net");
            }

            @Override
            public void close() throws InterruptedException {
                stop(p);
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
        Path ns = Path.of("/run/netns", netns);
        Process rpcbind = new ProcessBuilder("nsenter", "--net=" + ns, "rpcbind", "-f").redirectErrorStream(true)
                .redirectOutput(work.resolve("rpcbind.log").toFile()).start();
        Process ganesha;
        try {
            waitForListener(ns, 111, rpcbind, work.resolve("rpcbind.log"));
            ganesha = new ProcessBuilder("nsenter", "--net=" + ns, "ganesha.nfsd", "-F", "-f",
                    work.resolve("ganesha.conf").toString(), "-L", work.resolve("ganesha.log").toString(), "-p",
                    work.resolve("ganesha.pid").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("ganesha.out").toFile()).start();
            waitForListener(ns, ganeshaPorts[0], ganesha, work.resolve("ganesha.log"));
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
            public Path netns() {
                return ns;
            }

            @Override
            public long pid() {
                return ganesha.pid();
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

    private static void waitForListener(Path ns, int port, Process owner, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!owner.isAlive()) {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                throw new IOException("server exited with " + owner.exitValue() + (lines.isEmpty() ? ""
                        : ": " + lines.getLast().strip()) + " (" + log + ")");
            }
            if (!run("nsenter", "--net=" + ns, "ss", "-Hltn", "sport = :" + port).isBlank()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("nothing listens on port " + port + " in " + ns + " after 20 s");
    }

    /** Runs a short command; its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    /** One nfs-cp of {@code file}, after one unmeasured copy. */
    private Copy single(Server s, Path file) throws Exception {
        check(copy(s, file, 0), file);
        return measure(s, List.of(file));
    }

    private Copy concurrent(Server s, List<Path> files) throws Exception {
        return measure(s, files);
    }

    private Copy measure(Server s, List<Path> files) throws Exception {
        long bytes = 0;
        List<Process> running = new ArrayList<>();
        long server0 = ProcessCpu.nanos(s.pid(), "");
        long clients0 = ProcessCpu.reapedChildrenNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            running.add(copy(s, files.get(i), i));
        }
        for (int i = 0; i < files.size(); i++) {
            check(running.get(i), files.get(i));
            bytes += Files.size(files.get(i));
        }
        long wall = System.nanoTime() - t0;
        return new Copy(bytes, wall, ProcessCpu.nanos(s.pid(), "") - server0,
                ProcessCpu.reapedChildrenNanos() - clients0);
    }

    private Process copy(Server s, Path file, int slot) throws IOException {
        Path out = copies.resolve("c" + slot);
        Files.deleteIfExists(out);
        // both servers' clients start through nsenter, so that they pay the same start-up
        return new ProcessBuilder("nsenter", "--net=" + s.netns(), "nfs-cp", s.url(file), out.toString())
                .redirectErrorStream(true)
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

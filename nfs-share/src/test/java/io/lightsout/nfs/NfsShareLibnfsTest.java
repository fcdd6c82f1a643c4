package io.lightsout.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share against a real NFS client: Debian's libnfs-utils. */
class NfsShareLibnfsTest {
    @TempDir
    Path tmp;
    Path export;
    TestShare share;

    @BeforeEach
    void setUp() throws IOException {
        export = Files.createDirectories(tmp.resolve("export"));
        share = new TestShare(export, "127.0.0.0/8");
    }

    @AfterEach
    void tearDown() {
        share.close();
    }

    @Test
    void listsAndReadsFilesWithAnyNameBytes() throws Exception {
        Files.writeString(export.resolve("firmware.exe"), "BIOS 2.19.1\n");
        Files.createDirectories(export.resolve("sub"));
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9, '.', 'b', 'i', 'n'};
        Files.writeString(io.lightsout.nfs.export.Names.child(export, latin1), "not utf-8");
        share.start();

        Libnfs.Result ls = Libnfs.run(30, "nfs-ls", share.url("/"));
        assertThat(ls.exit()).as(ls.err()).isZero();
        assertThat(ls.text()).contains("firmware.exe").contains("sub");
        assertThat(indexOf(ls.out(), latin1)).as("the raw name bytes are listed").isNotNegative();

        Libnfs.Result cat = Libnfs.run(30, "nfs-cat", share.url("/firmware.exe"));
        assertThat(cat.text()).isEqualTo("BIOS 2.19.1\n");
        assertThat(share.mounts).anySatisfy(m -> {
            assertThat(m.granted()).isTrue();
            assertThat(m.path()).isEqualTo("/export");
        });
        assertThat(share.share.stats().bytesRead()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void copiesALargeFileByteForByte() throws Exception {
        Path big = TestShare.fill(export.resolve("image.iso"), 20L * 1024 * 1024 + 12345, 7);
        share.start();
        Path copy = tmp.resolve("copy.iso");
        Libnfs.Result cp = Libnfs.run(60, "nfs-cp", share.url("/image.iso"), copy.toString());
        assertThat(cp.exit()).as(cp.err()).isZero();
        assertThat(Files.mismatch(big, copy)).isEqualTo(-1L);
    }

    @Test
    void aCopyInProgressSurvivesAServerRestart() throws Exception {
        Path big = TestShare.fill(export.resolve("restart.iso"), 200L * 1024 * 1024, 9);
        share.start();
        Path copy = tmp.resolve("copy.iso");
        Process cp = new ProcessBuilder("nfs-cp", share.url("/restart.iso"), copy.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("cp.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (share.share.stats().bytesRead() < 8L * 1024 * 1024 && cp.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(cp.isAlive()).as("the copy is still running when the server restarts").isTrue();
            share.restart();
            assertThat(cp.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            cp.destroyForcibly();
        }
        assertThat(cp.exitValue()).as(Files.readString(tmp.resolve("cp.log"))).isZero();
        assertThat(share.share.stats().bytesRead()).as("the new server served the rest").isPositive();
        assertThat(Files.mismatch(big, copy)).isEqualTo(-1L);
    }

    @Test
    void readsASparseFileLargerThan4GiBPastTheBoundary() throws Exception {
        long base = 4L * 1024 * 1024 * 1024 + 4096;
        byte[] tail = new byte[3 * 1024 * 1024 + 7];
        new Random(11).nextBytes(tail);
        try (var ch = java.nio.channels.FileChannel.open(export.resolve("huge.iso"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(tail), base);
        }
        share.start();
        long[] total = new long[1];
        Libnfs.Result cat = Libnfs.run(300, in -> keepFrom(in, base, tail.length, total), "nfs-cat",
                share.url("/huge.iso"));
        assertThat(cat.exit()).as(cat.err()).isZero();
        assertThat(total[0]).isEqualTo(base + tail.length);
        assertThat(cat.out()).isEqualTo(tail);
    }

    @Test
    void pagesThroughTenThousandEntries() throws Exception {
        Path dir = Files.createDirectories(export.resolve("many"));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String name = "fw-" + i + "-" + "x".repeat(i % 40) + ".bin";
            Files.createFile(dir.resolve(name));
            names.add(name);
        }
        share.start();
        Libnfs.Result ls = Libnfs.run(120, "nfs-ls", share.url("/many"));
        assertThat(ls.exit()).as(ls.err()).isZero();
        Set<String> listed = new HashSet<>();
        for (String line : ls.text().split("\n")) {
            listed.add(line.substring(line.lastIndexOf(' ') + 1));
        }
        listed.removeAll(Set.of(".", ".."));
        assertThat(listed).hasSize(10_000).isEqualTo(names);
    }

    @Test
    void aClientNotInTheListCannotMount() throws Exception {
        Files.writeString(export.resolve("a.txt"), "x");
        share.close();
        share = new TestShare(export, "10.99.0.0/16");
        share.start();
        Libnfs.Result ls = Libnfs.run(30, "nfs-ls", share.url("/"));
        assertThat(ls.exit()).isNotZero();
        assertThat(ls.err()).containsIgnoringCase("MNT3ERR_ACCES");
        assertThat(share.mounts).singleElement().satisfies(m -> {
            assertThat(m.granted()).isFalse();
            assertThat(m.reason()).isEqualTo("client not allowed");
            assertThat(m.client().getHostAddress()).startsWith("127.");
        });
    }

    @Test
    void exportsChangeWithoutARestart() throws Exception {
        Files.writeString(export.resolve("a.txt"), "x");
        share.start();
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/a.txt")).text()).isEqualTo("x");
        share.share.setExports(List.of(share.export("10.99.0.0/16")));
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/a.txt")).exit()).isNotZero();
        share.share.setExports(List.of(share.export("127.0.0.1/32")));
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/a.txt")).text()).isEqualTo("x");
    }

    @Test
    void writesAreRefusedAsReadOnly() throws Exception {
        Path local = Files.writeString(tmp.resolve("local.txt"), "payload");
        share.start();
        Libnfs.Result cp = Libnfs.run(30, "nfs-cp", local.toString(), share.url("/new.txt"));
        assertThat(cp.exit()).isNotZero();
        assertThat(cp.err()).contains("NFS3ERR_ROFS");
        assertThat(export.resolve("new.txt")).doesNotExist();
    }

    @Test
    void symbolicLinksCannotLeaveTheExport() throws Exception {
        Files.writeString(tmp.resolve("outside.txt"), "secret");
        Files.writeString(export.resolve("inside.txt"), "public");
        Files.createSymbolicLink(export.resolve("up"), Path.of("../outside.txt"));
        Files.createSymbolicLink(export.resolve("abs"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(export.resolve("ok"), Path.of("inside.txt"));
        share.start();
        for (String link : List.of("/up", "/abs")) {
            Libnfs.Result cat = Libnfs.run(30, "nfs-cat", share.url(link));
            assertThat(cat.exit()).as(link).isNotZero();
            assertThat(cat.text()).doesNotContain("secret");
            assertThat(cat.err()).contains("NFS3ERR_ACCES");
        }
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/ok")).text()).isEqualTo("public");
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/../outside.txt")).text()).doesNotContain("secret");
    }

    @Test
    void garbageOnEveryPortLeavesTheServerUp() throws Exception {
        Files.writeString(export.resolve("a.txt"), "still here");
        share.start();
        Random random = new Random(3);
        List<InetSocketAddress> tcp = List.of(share.share.portmapAddress(), share.share.mountdAddress(),
                share.share.nfsAddress());
        for (InetSocketAddress port : tcp) {
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[random.nextInt(1, 3000)];
                random.nextBytes(junk);
                sendAndExpectClose(port, junk);
            }
            // a record marker announcing 2 GiB must be refused before anything is buffered
            sendAndExpectClose(port, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            for (InetSocketAddress port : List.of(share.share.portmapAddress(), share.share.mountdAddress())) {
                for (int i = 0; i < 50; i++) {
                    byte[] junk = new byte[random.nextInt(1, 1400)];
                    random.nextBytes(junk);
                    udp.send(new DatagramPacket(junk, junk.length, port));
                }
            }
        }
        assertThat(Libnfs.run(30, "nfs-cat", share.url("/a.txt")).text()).isEqualTo("still here");
    }

    private static void sendAndExpectClose(InetSocketAddress port, byte[] junk) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(port, 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            // a marker with the last-fragment bit and a plausible size, then junk: not a call
            out.write(new byte[] {(byte) 0x80, 0, (byte) (junk.length >> 8), (byte) junk.length});
            out.write(junk);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            long got = 0;
            try {
                while ((n = in.read(buf)) >= 0) {
                    got += n;
                }
            } catch (java.net.SocketException reset) {
                // closed with a reset: equally closed
            }
            assertThat(got).as("nothing answers garbage").isZero();
        }
    }

    private static byte[] keepFrom(InputStream in, long from, int length, long[] total) throws IOException {
        byte[] kept = new byte[length];
        byte[] buf = new byte[1 << 20];
        long pos = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            long start = Math.max(pos, from);
            long end = Math.min(pos + n, from + length);
            if (start < end) {
                System.arraycopy(buf, (int) (start - pos), kept, (int) (start - from), (int) (end - start));
            }
            pos += n;
        }
        total[0] = pos;
        return kept;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1) + Arrays.toString(b);
    }
}

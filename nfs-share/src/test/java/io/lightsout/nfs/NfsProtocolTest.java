package io.lightsout.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.nfs.xdr.Mount3;
import io.lightsout.nfs.xdr.Nfs3;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protocol cases at the wire, with {@link RawRpc}: handles, offsets, statuses. */
class NfsProtocolTest {
    @TempDir
    Path tmp;
    Path export;
    TestShare share;
    RawRpc nfs;

    @BeforeEach
    void setUp() throws IOException {
        export = Files.createDirectories(tmp.resolve("export"));
        Files.createDirectories(export.resolve("dir"));
        Files.writeString(export.resolve("dir/a.txt"), "alpha");
        share = new TestShare(export, "127.0.0.0/8").start();
        nfs = new RawRpc(share.share.nfsAddress());
    }

    @AfterEach
    void tearDown() throws IOException {
        nfs.close();
        share.close();
    }

    private byte[] mount(String path) throws IOException {
        try (RawRpc m = new RawRpc(share.share.mountdAddress())) {
            DataInputStream r = m.call(Mount3.PROGRAM, 3, Mount3.PROC_MNT,
                    new RawRpc.Args().opaque(path.getBytes(StandardCharsets.UTF_8)));
            int status = r.readInt();
            if (status != 0) {
                throw new IOException("MNT status " + status);
            }
            return RawRpc.opaque(r);
        }
    }

    private byte[] lookup(byte[] dir, String name) throws IOException {
        DataInputStream r = nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_LOOKUP,
                new RawRpc.Args().opaque(dir).opaque(name.getBytes(StandardCharsets.UTF_8)));
        int status = r.readInt();
        if (status != 0) {
            throw new IOException("LOOKUP status " + status);
        }
        return RawRpc.opaque(r);
    }

    private int status(int proc, RawRpc.Args args) throws IOException {
        return nfs.call(Nfs3.PROGRAM, 3, proc, args).readInt();
    }

    /** READ: the data, or null with the status in {@code status[0]}. */
    private byte[] read(byte[] fh, long offset, int count, int[] status) throws IOException {
        DataInputStream r = nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_READ, new RawRpc.Args().opaque(fh).l(offset).i(count));
        status[0] = r.readInt();
        if (status[0] != 0) {
            return null;
        }
        if (r.readInt() == 1) {
            r.skipNBytes(84);
        }
        int n = r.readInt();
        r.readInt();
        byte[] data = RawRpc.opaque(r);
        assertThat(data).hasSize(n);
        return data;
    }

    @Test
    void readsAtOffsetsPast4GiB() throws Exception {
        long size = 6L << 30;
        byte[] pattern = new byte[1 << 20];
        new Random(5).nextBytes(pattern);
        long[] offsets = {(4L << 30) - 100, (4L << 30) + (2 << 20), (5L << 30) + 12345, size - 1000};
        try (FileChannel ch = FileChannel.open(export.resolve("huge.iso"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (long o : offsets) {
                ch.write(ByteBuffer.wrap(pattern, 0, (int) Math.min(pattern.length, size - o)), o);
            }
            ch.truncate(size);
        }
        byte[] fh = lookup(mount("/export"), "huge.iso");
        int[] status = new int[1];
        for (long o : offsets) {
            byte[] data = read(fh, o, 1 << 20, status);
            int expected = (int) Math.min(1 << 20, size - o);
            assertThat(Arrays.mismatch(data, Arrays.copyOf(pattern, expected))).as("offset %d", o).isEqualTo(-1);
        }
        assertThat(read(fh, size + 10, 100, status)).isEmpty();
        assertThat(read(fh, 0, 8 << 20, status)).as("capped at rtmax").hasSize(1 << 20);
    }

    @Test
    void readsOfEveryLengthAroundTheFirstSegmentAreWholeAndPadded() throws Exception {
        byte[] content = new byte[200_000];
        new Random(7).nextBytes(content);
        Files.write(export.resolve("edges.bin"), content);
        byte[] fh = lookup(mount("/export"), "edges.bin");
        int[] status = new int[1];
        // a READ reply's first 64 KiB go in one write: 132 bytes of header, then 65,404 bytes of data, and the
        // padding too when it still fits; the rest of the data follows with sendfile and the padding after it
        int[][] cases = {{0, 1}, {0, 5}, {3, 6}, {0, 65_000}, {0, 65_401}, {0, 65_402}, {0, 65_403}, {0, 65_404},
            {0, 65_405}, {1, 65_406}, {0, 65_536}, {7, 131_071}, {199_990, 100}, {0, 200_000}};
        for (int[] c : cases) {
            int expected = Math.min(c[1], content.length - c[0]);
            assertThat(read(fh, c[0], c[1], status)).as("offset %d count %d", c[0], c[1])
                    .isEqualTo(Arrays.copyOfRange(content, c[0], c[0] + expected));
        }
    }

    @Test
    void aClientThatReadsLateGetsEveryReplyWholeAndInOrder() throws Exception {
        Path file = TestShare.fill(export.resolve("slow.bin"), 24L << 20, 3);
        byte[] expected = Files.readAllBytes(file);
        byte[] fh = lookup(mount("/export"), "slow.bin");
        int[] xids = new int[24];
        for (int i = 0; i < xids.length; i++) {
            xids[i] = nfs.send(Nfs3.PROGRAM, 3, Nfs3.PROC_READ, new RawRpc.Args().opaque(fh).l((long) i << 20).i(1 << 20));
        }
        Thread.sleep(500); // the socket fills up: the rest of the replies wait in the connection's writer
        for (int i = 0; i < xids.length; i++) {
            DataInputStream r = nfs.receive(xids[i]);
            assertThat(r.readInt()).isZero();
            r.skipNBytes(4 + 84);
            assertThat(r.readInt()).isEqualTo(1 << 20);
            r.readInt();
            byte[] data = RawRpc.opaque(r);
            assertThat(Arrays.mismatch(data, Arrays.copyOfRange(expected, i << 20, (i + 1) << 20))).isEqualTo(-1);
        }
    }

    @Test
    void forgedAndTruncatedHandlesAreBadHandles() throws Exception {
        byte[] fh = lookup(mount("/export"), "dir");
        byte[] forged = fh.clone();
        forged[12] ^= 1;
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(forged))).isEqualTo(Nfs3.ERR_BADHANDLE);
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(Arrays.copyOf(fh, 20))))
                .isEqualTo(Nfs3.ERR_BADHANDLE);
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(new byte[0]))).isEqualTo(Nfs3.ERR_BADHANDLE);
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(fh))).isZero();
    }

    @Test
    void aReplacedFileIsStaleAndOthersStayValid() throws Exception {
        byte[] dir = lookup(mount("/export"), "dir");
        byte[] file = lookup(dir, "a.txt");
        Path replacement = Files.writeString(export.resolve("dir/.a.tmp"), "beta");
        Files.move(replacement, export.resolve("dir/a.txt"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(export.resolve("new-elsewhere.txt"), "n");
        int[] status = new int[1];
        assertThat(read(file, 0, 100, status)).isNull();
        assertThat(status[0]).isEqualTo(Nfs3.ERR_STALE);
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(dir))).isZero();
        assertThat(read(lookup(dir, "a.txt"), 0, 100, status)).asString().isEqualTo("beta");
    }

    @Test
    void handlesSurviveARestart() throws Exception {
        byte[] file = lookup(lookup(mount("/export"), "dir"), "a.txt");
        nfs.close();
        share.restart();
        nfs = new RawRpc(share.share.nfsAddress());
        int[] status = new int[1];
        assertThat(read(file, 0, 100, status)).asString().isEqualTo("alpha");
    }

    @Test
    void aClientRemovedFromTheListGetsAccesOnItsHandles() throws Exception {
        byte[] dir = lookup(mount("/export"), "dir");
        share.share.setExports(List.of(share.export("10.0.0.0/8")));
        assertThat(status(Nfs3.PROC_GETATTR, new RawRpc.Args().opaque(dir))).isEqualTo(Nfs3.ERR_ACCES);
        assertThatThrownBy(() -> mount("/export")).hasMessage("MNT status " + Mount3.ERR_ACCES);
    }

    @Test
    void everyWriteProcedureIsReadOnly() throws Exception {
        byte[] dir = lookup(mount("/export"), "dir");
        for (int proc : new int[] {Nfs3.PROC_SETATTR, Nfs3.PROC_WRITE, Nfs3.PROC_CREATE, Nfs3.PROC_MKDIR,
                Nfs3.PROC_SYMLINK, Nfs3.PROC_MKNOD, Nfs3.PROC_REMOVE, Nfs3.PROC_RMDIR, Nfs3.PROC_RENAME,
                Nfs3.PROC_LINK, Nfs3.PROC_COMMIT}) {
            assertThat(status(proc, new RawRpc.Args().opaque(dir).opaque("x".getBytes()).i(0).i(0)))
                    .as("procedure %d", proc).isEqualTo(Nfs3.ERR_ROFS);
        }
        assertThatThrownBy(() -> nfs.call(Nfs3.PROGRAM, 3, 22, new RawRpc.Args()))
                .isInstanceOfSatisfying(RawRpc.Rejected.class, e -> assertThat(e.acceptStat).isEqualTo(3));
        assertThatThrownBy(() -> nfs.call(Nfs3.PROGRAM, 4, 0, new RawRpc.Args()))
                .isInstanceOfSatisfying(RawRpc.Rejected.class, e -> assertThat(e.acceptStat).isEqualTo(2));
    }

    @Test
    void dotDotAtTheRootAndSlashesInNamesAreRefused() throws Exception {
        byte[] root = mount("/export");
        assertThatThrownBy(() -> lookup(root, "..")).hasMessage("LOOKUP status " + Nfs3.ERR_ACCES);
        assertThatThrownBy(() -> lookup(root, "dir/a.txt")).hasMessage("LOOKUP status " + Nfs3.ERR_ACCES);
        assertThatThrownBy(() -> mount("/export/../etc")).hasMessageStartingWith("MNT status");
        assertThat(lookup(mount("/export/dir"), "a.txt")).isEqualTo(lookup(lookup(root, "dir"), "a.txt"));
    }

    @Test
    void readdirCookiesFromAChangedDirectoryAreRefused() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(export.resolve("dir/f" + i), "");
        }
        byte[] dir = lookup(mount("/export"), "dir");
        DataInputStream r = nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_READDIR,
                new RawRpc.Args().opaque(dir).l(0).l(0).i(600));
        assertThat(r.readInt()).isZero();
        r.skipNBytes(4 + 84);
        long verifier = r.readLong();
        long lastCookie = 0;
        int entries = 0;
        while (r.readInt() == 1) {
            r.readLong();
            RawRpc.opaque(r);
            lastCookie = r.readLong();
            entries++;
        }
        assertThat(r.readInt()).as("eof").isZero();
        assertThat(entries).isBetween(1, 49);
        Thread.sleep(5);
        Files.writeString(export.resolve("dir/late"), "");
        assertThat(status(Nfs3.PROC_READDIR, new RawRpc.Args().opaque(dir).l(lastCookie).l(verifier).i(600)))
                .isEqualTo(Nfs3.ERR_BAD_COOKIE);
    }

    @Test
    void oversizedArgumentsAreGarbageAndCloseTheConnection() throws Exception {
        RawRpc.Args hugeName = new RawRpc.Args().i(1 << 30);
        assertThatThrownBy(() -> nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_GETATTR, hugeName))
                .isInstanceOfSatisfying(RawRpc.Rejected.class, e -> assertThat(e.acceptStat).isEqualTo(4));
        assertThatThrownBy(() -> nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_NULL, new RawRpc.Args()))
                .as("the connection was closed").isInstanceOf(IOException.class);
    }
}

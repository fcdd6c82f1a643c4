package io.lightsout.nfs.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reply records on a real loopback connection: the bytes that arrive, whatever the socket takes at a time. */
class ReplyRecordTest {
    @TempDir
    Path tmp;
    ServerSocketChannel server;
    SocketChannel out;
    SocketChannel in;

    @BeforeEach
    void connect() throws IOException {
        server = ServerSocketChannel.open();
        // small buffers, so that a 1 MiB reply does not fit and writes stop half-way
        server.setOption(StandardSocketOptions.SO_RCVBUF, 32 * 1024);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        out = SocketChannel.open();
        out.setOption(StandardSocketOptions.SO_SNDBUF, 32 * 1024);
        out.connect(server.getLocalAddress());
        in = server.accept();
        out.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        out.close();
        in.close();
        server.close();
    }

    @Test
    void dataIsPaddedAndAShrunkFileIsMadeUpWithZeros() throws Exception {
        byte[] content = random(70_000, 1);
        FileChannel file = open(content, "a.bin");
        byte[] expected = concat(
                bytes("H1"), Arrays.copyOf(content, 5), new byte[3],
                bytes("H2"), Arrays.copyOfRange(content, 69_990, 70_000), new byte[90],
                bytes("H3"), content, new byte[130_001 + 3],
                bytes("H4"), new byte[10 + 2]);
        CompletableFuture<byte[]> received = receive(expected.length);
        writeFully(new ReplyRecord(head("H1"), shared(file), 0, 5));
        writeFully(new ReplyRecord(head("H2"), shared(file), 69_990, 100));
        writeFully(new ReplyRecord(head("H3"), shared(file), 0, 200_001));
        writeFully(new ReplyRecord(head("H4"), shared(file), 100_000, 10));
        assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
    }

    @Test
    void aReplyLeftHalfWrittenKeepsItsBytesWhileTheNextOneIsBuilt() throws Exception {
        byte[] a = random(1 << 20, 2);
        byte[] b = random(100_000, 3);
        ReplyRecord first = new ReplyRecord(head("first"), OpenFile.owned(open(a, "a.bin")), 0, a.length);
        assertThat(first.writeSome(out)).as("1 MiB does not fit in the socket buffers").isFalse();
        // built while the first is unfinished: it may take the buffer the first one's start was sent from
        ReplyRecord second = new ReplyRecord(head("second"), OpenFile.owned(open(b, "b.bin")), 0, b.length);
        byte[] expected = concat(bytes("first"), a, bytes("second"), b);
        CompletableFuture<byte[]> received = receive(expected.length);
        writeFully(first);
        writeFully(second);
        assertThat(Arrays.mismatch(received.get(30, TimeUnit.SECONDS), expected)).isEqualTo(-1);
    }

    @Test
    void aQueuedReplyHoldsNoDataUntilItsWritingStarts() throws Exception {
        byte[] before = random(200_000, 4);
        byte[] after = random(200_000, 5);
        Path p = Files.write(tmp.resolve("c.bin"), before);
        ReplyRecord queued = new ReplyRecord(head("q"), OpenFile.owned(FileChannel.open(p, StandardOpenOption.READ)),
                0, before.length);
        assertThat(queued.holdsLead()).isFalse();
        try (FileChannel w = FileChannel.open(p, StandardOpenOption.WRITE)) {
            w.write(ByteBuffer.wrap(after), 0);
        }
        byte[] expected = concat(bytes("q"), after);
        CompletableFuture<byte[]> received = receive(expected.length);
        writeFully(queued);
        assertThat(queued.holdsLead()).isFalse();
        assertThat(Arrays.mismatch(received.get(30, TimeUnit.SECONDS), expected)).isEqualTo(-1);
    }

    private void writeFully(ReplyRecord record) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!record.writeSome(out)) {
            assertThat(System.nanoTime()).as("the reader takes everything").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private CompletableFuture<byte[]> receive(int length) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            try {
                while (got.size() < length) {
                    buf.clear();
                    if (in.read(buf) < 0) {
                        break;
                    }
                    got.write(buf.array(), 0, buf.position());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return got.toByteArray();
        });
    }

    /** A channel the test closes itself: records only release it. */
    private static OpenFile shared(FileChannel channel) {
        return new OpenFile() {
            @Override
            public FileChannel channel() {
                return channel;
            }

            @Override
            public void release() {
                // the test's channel stays open for the next record
            }
        };
    }

    private FileChannel open(byte[] content, String name) throws IOException {
        Path p = Files.write(tmp.resolve(name), content);
        return FileChannel.open(p, StandardOpenOption.READ);
    }

    private static ByteBuffer head(String s) {
        return ByteBuffer.wrap(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }
}

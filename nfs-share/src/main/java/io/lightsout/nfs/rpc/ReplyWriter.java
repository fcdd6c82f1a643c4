package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Writes whole RPC records to a TCP connection from the worker that built them: the record marker and encoded
 * reply from memory, then (for READ) the file region with {@code sendfile}, then the XDR padding.
 *
 * <p>Every reply on a TCP connection goes through here under the connection's lock, so records never interleave.
 * This bypasses Grizzly's asynchronous write queue on purpose: for file regions that queue spins its selector
 * thread ({@code epoll_wait} with a zero timeout hundreds of times per reply) while the socket drains. When the
 * socket is full the worker waits on a private selector for it to become writable, and gives up after
 * {@link #STALL_LIMIT_NANOS} so that a client that stops reading cannot hold a worker forever. If a file shrank
 * after the reply length was fixed, the missing bytes are sent as zeros so the record keeps its announced length.
 */
final class ReplyWriter {
    private static final long STALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();
    private static final ThreadLocal<Selector> SELECTORS = ThreadLocal.withInitial(() -> {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    private ReplyWriter() {}

    /**
     * @param lock    the connection object (all writers of a connection lock it)
     * @param head    marker and encoded reply, ready to write
     * @param file    file to send after {@code head}, or null
     * @param count   bytes of {@code file} to send from {@code position}
     */
    static void write(Object lock, SocketChannel out, ByteBuffer head, FileChannel file, long position, int count)
            throws IOException {
        synchronized (lock) {
            long stalled = 0;
            while (head.hasRemaining()) {
                stalled = progress(out, out.write(head), stalled);
            }
            long pos = position;
            long left = count;
            while (left > 0) {
                long n = file.transferTo(pos, left, out);
                if (n == 0 && pos >= file.size()) {
                    n = out.write(ZEROS.duplicate().limit((int) Math.min(left, ZEROS.capacity())));
                }
                pos += n;
                left -= n;
                stalled = progress(out, n, stalled);
            }
            ByteBuffer padding = ByteBuffer.allocate((4 - count % 4) % 4);
            while (padding.hasRemaining()) {
                stalled = progress(out, out.write(padding), stalled);
            }
        }
    }

    /** @return the time the socket has been full since, 0 if it just took bytes */
    private static long progress(SocketChannel out, long written, long stalledSince) throws IOException {
        if (written > 0) {
            return 0;
        }
        long now = System.nanoTime();
        if (stalledSince != 0 && now - stalledSince > STALL_LIMIT_NANOS) {
            throw new IOException("client stopped reading");
        }
        Selector selector = SELECTORS.get();
        SelectionKey key = out.register(selector, SelectionKey.OP_WRITE);
        try {
            selector.select(100);
        } finally {
            key.cancel();
            selector.selectNow();
        }
        return stalledSince == 0 ? now : stalledSince;
    }
}

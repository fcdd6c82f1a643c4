package io.lightsout.nfs.v3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.glassfish.grizzly.FileChunk;

/**
 * The data of one READ reply, sent from the page cache to the socket with {@code sendfile} (oncrpc4j writes a
 * {@link FileChunk} straight to the connection). Closes its file when sent.
 *
 * <p>oncrpc4j writes file chunks in a loop on a non-blocking socket; when the socket is full this backs off
 * instead of spinning (it waits for the socket to become writable), and gives up after {@link #STALL_LIMIT_NANOS} so a client that stops reading cannot hold
 * a worker forever. If the file shrank after the reply length was fixed, the missing bytes are sent as zeros so the
 * RPC record stays well-formed.
 */
final class FileRegion implements FileChunk {
    private static final long STALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    private static final ThreadLocal<Selector> SELECTORS = ThreadLocal.withInitial(() -> {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    private final FileChannel file;
    private long position;
    private int remaining;
    private long stalledSince;

    FileRegion(FileChannel file, long position, int length) {
        this.file = file;
        this.position = position;
        this.remaining = length;
    }

    @Override
    public long writeTo(WritableByteChannel out) throws IOException {
        long n = file.transferTo(position, remaining, out);
        if (n == 0 && position >= file.size()) {
            n = out.write(ZEROS.duplicate().limit(Math.min(remaining, ZEROS.capacity())));
        }
        if (n > 0) {
            position += n;
            remaining -= (int) n;
            stalledSince = 0;
        } else {
            awaitWritable(out);
        }
        return n;
    }

    /** The socket is full: wait until it drains (on a private selector), or give up on a stalled client. */
    private void awaitWritable(WritableByteChannel out) throws IOException {
        long now = System.nanoTime();
        if (stalledSince == 0) {
            stalledSince = now;
        } else if (now - stalledSince > STALL_LIMIT_NANOS) {
            throw new IOException("client stopped reading");
        }
        if (!(out instanceof SelectableChannel channel)) {
            LockSupport.parkNanos(50_000);
            return;
        }
        Selector selector = SELECTORS.get();
        SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
        try {
            selector.select(100);
        } finally {
            key.cancel();
            selector.selectNow();
        }
    }

    @Override
    public boolean hasRemaining() {
        return remaining > 0;
    }

    @Override
    public int remaining() {
        return remaining;
    }

    @Override
    public boolean release() {
        try {
            file.close();
        } catch (IOException e) {
            // closing a read-only channel cannot lose data
        }
        return true;
    }

    @Override
    public boolean isExternal() {
        return true;
    }
}

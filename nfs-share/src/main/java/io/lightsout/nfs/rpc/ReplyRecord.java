package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One whole RPC reply record on its way out: the record marker and encoded reply from memory, then (for READ)
 * the file data, then the XDR padding. If the file shrank after the record length was fixed, the missing bytes
 * are sent as zeros so the record keeps its announced length.
 *
 * <p>The first {@value #LEAD_BYTES} bytes of the record (header and the start of the data) are read into one
 * buffer and written with a single {@code write}, the rest of the data follows with {@code sendfile}. Written
 * alone, the 132-byte header left the socket as a segment of its own (TCP_NODELAY; Java cannot set TCP_CORK or
 * MSG_MORE), which woke the client for nothing: nfs-cp read 128 bytes, found the socket empty and slept again,
 * once per READ. Copying the first 64 KiB (one loopback segment) costs ~10 µs and saves that wake-up.
 *
 * <p>The lead buffer is filled when the record starts being written, not when it is made: a reply queued behind
 * a slow client's earlier replies holds no data, so a client that pipelines READs without reading the replies
 * ties up at most one lead buffer per connection.
 */
final class ReplyRecord {
    static final int LEAD_BYTES = 64 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();
    /** Lead buffers kept for reuse: direct, so the JDK writes them without another copy. */
    private static final ArrayBlockingQueue<ByteBuffer> LEADS = new ArrayBlockingQueue<>(64);

    private ByteBuffer head;
    private boolean pooledHead;
    private boolean started;
    private final OpenFile file;
    private long position;
    private long fileLeft;
    private final ByteBuffer padding;
    private boolean released;

    /**
     * @param head the record marker and encoded reply
     * @param file file whose {@code count} bytes from {@code position} follow {@code head}, or null; released
     *             when the record is written or abandoned
     */
    ReplyRecord(ByteBuffer head, OpenFile file, long position, int count) {
        this.head = head;
        this.file = file;
        this.position = position;
        this.fileLeft = file == null ? 0 : count;
        this.padding = ByteBuffer.allocate(file == null ? 0 : (4 - count % 4) % 4);
    }

    /** Whether the record holds a lead buffer now (between the start of its writing and the end of its lead). */
    boolean holdsLead() {
        return pooledHead;
    }

    /** Replaces {@code head} by one buffer holding it and as much data (and padding) as fits. */
    private void lead() throws IOException {
        ByteBuffer b = LEADS.poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(LEAD_BYTES);
        }
        b.clear();
        b.put(head);
        int n = (int) Math.min(fileLeft, b.remaining());
        b.limit(b.position() + n);
        long p = position;
        while (b.hasRemaining()) {
            int r = file.channel().read(b, p);
            if (r < 0) {
                while (b.hasRemaining()) {
                    b.put((byte) 0);
                }
                break;
            }
            p += r;
        }
        position += n;
        fileLeft -= n;
        if (fileLeft == 0 && b.capacity() - b.position() >= padding.remaining()) {
            b.limit(b.capacity());
            b.put(padding);
        }
        b.flip();
        head = b;
        pooledHead = true;
    }

    /**
     * Writes as much as the socket takes now.
     *
     * @return true when the whole record is written
     * @throws IOException when the socket fails or the start of the data cannot be read
     */
    boolean writeSome(SocketChannel out) throws IOException {
        if (!started) {
            started = true;
            if (fileLeft > 0) {
                lead();
            }
        }
        while (head.hasRemaining()) {
            if (out.write(head) == 0) {
                return false;
            }
        }
        recycleHead();
        while (fileLeft > 0) {
            FileChannel channel = file.channel();
            long n = channel.transferTo(position, fileLeft, out);
            if (n == 0 && position >= channel.size()) {
                n = out.write(ZEROS.duplicate().limit((int) Math.min(fileLeft, ZEROS.capacity())));
            }
            if (n == 0) {
                return false;
            }
            position += n;
            fileLeft -= n;
        }
        while (padding.hasRemaining()) {
            if (out.write(padding) == 0) {
                return false;
            }
        }
        close();
        return true;
    }

    private void recycleHead() {
        if (pooledHead) {
            pooledHead = false;
            LEADS.offer(head);
            // the next writeSome (after a partial sendfile) must not see the buffer another reply now fills
            head = EMPTY;
        }
    }

    /** Releases the file (the record is done or abandoned). */
    synchronized void close() {
        if (file != null && !released) {
            released = true;
            file.release();
        }
    }
}

package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import org.glassfish.grizzly.FileChunk;

/**
 * One whole RPC record whose tail is file data: the record marker and encoded reply header from memory, then the
 * file region with {@code sendfile}, then the XDR padding. Being one message in the connection's write queue, it
 * can never interleave with another reply, and Grizzly's selector (not a worker) waits when the socket is full.
 *
 * <p>If the file shrank after the reply length was fixed, the missing bytes are sent as zeros so that the record
 * keeps the length its marker announced.
 */
final class FramedFileReply implements FileChunk {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    private final ByteBuffer head;
    private final FileChannel file;
    private final ByteBuffer padding;
    private long position;
    private long fileRemaining;

    FramedFileReply(ByteBuffer head, FileChannel file, long position, int count) {
        this.head = head;
        this.file = file;
        this.position = position;
        this.fileRemaining = count;
        this.padding = ByteBuffer.allocate((4 - count % 4) % 4);
    }

    @Override
    public long writeTo(WritableByteChannel out) throws IOException {
        long written = 0;
        if (head.hasRemaining()) {
            written += out.write(head);
            if (head.hasRemaining()) {
                return written;
            }
        }
        while (fileRemaining > 0) {
            long n = file.transferTo(position, fileRemaining, out);
            if (n == 0 && position >= file.size()) {
                n = out.write(ZEROS.duplicate().limit((int) Math.min(fileRemaining, ZEROS.capacity())));
            }
            if (n == 0) {
                return written;
            }
            position += n;
            fileRemaining -= n;
            written += n;
        }
        written += out.write(padding);
        return written;
    }

    @Override
    public boolean hasRemaining() {
        return head.hasRemaining() || fileRemaining > 0 || padding.hasRemaining();
    }

    @Override
    public int remaining() {
        return (int) Math.min(Integer.MAX_VALUE, head.remaining() + fileRemaining + padding.remaining());
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

package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * One whole RPC reply record on its way out: the record marker and encoded reply from memory, then (for READ)
 * the file region with {@code sendfile}, then the XDR padding. If the file shrank after the record length was
 * fixed, the missing bytes are sent as zeros so the record keeps its announced length.
 */
final class ReplyRecord {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    private final ByteBuffer head;
    private final FileChannel file;
    private long position;
    private long fileLeft;
    private final ByteBuffer padding;

    /** @param file file whose {@code count} bytes from {@code position} follow {@code head}, or null */
    ReplyRecord(ByteBuffer head, FileChannel file, long position, int count) {
        this.head = head;
        this.file = file;
        this.position = position;
        this.fileLeft = file == null ? 0 : count;
        this.padding = ByteBuffer.allocate(file == null ? 0 : (4 - count % 4) % 4);
    }

    /**
     * Writes as much as the socket takes now.
     *
     * @return true when the whole record is written
     */
    boolean writeSome(SocketChannel out) throws IOException {
        while (head.hasRemaining()) {
            if (out.write(head) == 0) {
                return false;
            }
        }
        while (fileLeft > 0) {
            long n = file.transferTo(position, fileLeft, out);
            if (n == 0 && position >= file.size()) {
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

    /** Releases the file (the record is done or abandoned). */
    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // closing a read-only channel cannot lose data
            }
        }
    }
}

package io.lightsout.wsman.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One HTTP/1.1 connection to a BMC: blocking I/O on the caller's (virtual) thread, every read bounded by the
 * call's deadline. Not thread-safe: a connection belongs to one call at a time (the pool hands it out).
 */
final class Connection implements AutoCloseable {

    /** Thrown when the response is larger than the caller's limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("response larger than " + limit + " bytes");
        }
    }

    /** Thrown when the response deadline passes. */
    static final class DeadlineExceeded extends IOException {
        DeadlineExceeded() {
            super("response deadline passed");
        }
    }

    /** A response as read. */
    record Response(int status, List<String> wwwAuthenticate, byte[] body, boolean keepAlive) {
    }

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private long deadline;
    private long idleSince = System.nanoTime();
    private boolean used;
    private long received;

    Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Whether this connection already carried a request (so a failure may just mean the server closed it). */
    boolean reused() {
        return used;
    }

    long idleNanos() {
        return System.nanoTime() - idleSince;
    }

    void markIdle() {
        idleSince = System.nanoTime();
    }

    /** Writes the request in one go. */
    void send(byte[] head, byte[] body) throws IOException {
        used = true;
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
        out.flush();
    }

    /**
     * Reads one response. {@link EOFException} before the first byte means the server closed the connection
     * (a stale kept-alive one when {@link #reused()}).
     */
    Response read(long deadlineNanos, long maxBytes) throws IOException {
        deadline = deadlineNanos;
        received = lim - pos;
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response");
        }
        int code = Integer.parseInt(status.substring(9, Math.min(12, status.length())).strip());
        boolean keepAlive = status.startsWith("HTTP/1.1");
        long length = -1;
        boolean chunked = false;
        List<String> auth = new ArrayList<>(1);
        for (int n = 0; ; n++) {
            String h = line();
            if (h.isEmpty()) {
                break;
            }
            if (n > MAX_HEADERS) {
                throw new IOException("too many response headers");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                keepAlive = !value.equalsIgnoreCase("close") && (keepAlive || value.equalsIgnoreCase("keep-alive"));
            } else if (name.equalsIgnoreCase("WWW-Authenticate")) {
                auth.add(value);
            }
        }
        byte[] body;
        if (code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else if (chunked) {
            body = chunked(maxBytes);
        } else if (length >= 0) {
            if (length > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            body = exactly((int) length);
        } else {
            keepAlive = false;
            body = untilEof(maxBytes);
        }
        return new Response(code, auth, body, keepAlive && pos == lim);
    }

    private byte[] chunked(long maxBytes) throws IOException {
        Body b = new Body(maxBytes);
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers are ignored
                }
                return b.bytes();
            }
            if (n > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            b.add(exactly((int) n));
            line();
        }
    }

    private byte[] untilEof(long maxBytes) throws IOException {
        Body b = new Body(maxBytes);
        while (true) {
            if (pos == lim && !fill(false)) {
                return b.bytes();
            }
            b.add(Arrays.copyOfRange(buf, pos, lim));
            pos = lim;
        }
    }

    private byte[] exactly(int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            if (pos == lim) {
                fill(true);
            }
            int k = Math.min(n - got, lim - pos);
            System.arraycopy(buf, pos, out, got, k);
            pos += k;
            got += k;
        }
        return out;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == lim) {
                fill(true);
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= MAX_HEADER_LINE) {
                throw new IOException("response header line too long");
            }
            sb.append((char) (c & 0xff));
        }
    }

    /** Reads more bytes within the deadline; at EOF returns false, or throws when {@code required}. */
    private boolean fill(boolean required) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new DeadlineExceeded();
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            throw new DeadlineExceeded();
        }
        if (n < 0) {
            if (required) {
                throw new EOFException("connection closed by the BMC");
            }
            return false;
        }
        pos = 0;
        lim = n;
        received += n;
        return true;
    }

    /** Whether no byte of the current response has arrived (so the server never answered this request). */
    boolean nothingReceived() {
        return received == 0;
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken socket: nothing to do
        }
    }

    /** Accumulates body bytes up to a limit. */
    private static final class Body {
        private final long limit;
        private byte[] data = new byte[8192];
        private int size;

        Body(long limit) {
            this.limit = limit;
        }

        void add(byte[] b) throws TooLarge {
            if ((long) size + b.length > limit) {
                throw new TooLarge(limit);
            }
            if (size + b.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, data, size, b.length);
            size += b.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(data, size);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package io.lightsout.wsman.http;

import io.lightsout.wsman.WsmanConnectionException;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanProtocolException;
import io.lightsout.wsman.WsmanTimeoutException;
import io.lightsout.wsman.WsmanTlsException;
import io.lightsout.wsman.tls.CertificateMismatchException;
import io.lightsout.wsman.tls.PinningTrustManager;
import io.lightsout.wsman.tls.TrustRegistry;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * HTTP/1.1 POST of envelopes over plain blocking sockets, run on the caller's virtual thread. Each endpoint has its
 * own small pool of kept-alive connections (O(1) to take and return, however many thousand BMCs there are), and all
 * share one {@link SSLContext}, so new connections resume TLS sessions. Trust is decided per endpoint by the
 * {@link TrustRegistry}. Every call has a connect timeout and a response deadline; neither can be disabled.
 *
 * <p>Why not the JDK HttpClient or CXF's conduit: docs/decisions/0002-wsman-transport.md.
 */
public final class HttpTransport implements AutoCloseable {

    /** How recently a kept-alive connection must have answered to carry a non-idempotent request. */
    public static final Duration FRESH_REUSE = Duration.ofSeconds(2);

    private final long maxIdleNanos;
    private final int maxIdlePerEndpoint;
    private final TrustRegistry trust;
    private final SSLContext ssl;
    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A transport keeping idle connections 20 s, at most 4 per endpoint. */
    public HttpTransport(TrustRegistry trust) {
        this(trust, Duration.ofSeconds(20), 4);
    }

    /**
     * @param idleTimeout idle connections older than this are closed rather than reused (keep it below the BMCs'
     *     own idle timeout)
     * @param maxIdlePerEndpoint idle connections kept per endpoint (0 = no keep-alive)
     */
    public HttpTransport(TrustRegistry trust, Duration idleTimeout, int maxIdlePerEndpoint) {
        if (idleTimeout.isNegative() || maxIdlePerEndpoint < 0) {
            throw new IllegalArgumentException("idleTimeout and maxIdlePerEndpoint must not be negative");
        }
        this.trust = trust;
        this.maxIdleNanos = idleTimeout.toNanos();
        this.maxIdlePerEndpoint = maxIdlePerEndpoint;
        try {
            ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new PinningTrustManager(trust)}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** The registry the shared trust manager consults. */
    public TrustRegistry trust() {
        return trust;
    }

    /**
     * POSTs {@code body} and returns the response, or throws a {@link WsmanException} subtype.
     *
     * @param endpoint the endpoint URL for error messages
     * @param headers extra request headers (Content-Type, Authorization)
     * @param idempotent whether sending the request twice is harmless. A non-idempotent request (a power change,
     *                   a firmware install) is never re-sent: a kept-alive connection that dies may have delivered
     *                   the request to the BMC before it closed. It takes a kept-alive connection only when that one
     *                   answered within the last {@link #FRESH_REUSE} (a state read just before the power change),
     *                   far inside any BMC's idle timeout, so the connection is not one the BMC is about to close.
     */
    public RawResponse post(URI uri, String endpoint, Map<String, String> headers, byte[] body,
                            Duration connectTimeout, Duration responseTimeout, long maxBytes, boolean idempotent) {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        byte[] head = head(uri, port, headers, body.length);
        while (true) {
            Connection c = takeIdle(key, idempotent ? maxIdleNanos : Math.min(maxIdleNanos, FRESH_REUSE.toNanos()));
            boolean reused = c != null;
            if (c == null) {
                c = open(uri.getHost(), port, https, endpoint, connectTimeout);
            }
            long deadline = System.nanoTime() + responseTimeout.toNanos();
            try {
                c.send(head, body);
                Connection.Response r = c.read(deadline, maxBytes);
                if (r.keepAlive() && !closed) {
                    c.markIdle();
                    idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).push(c);
                    trimIdle(key);
                } else {
                    c.close();
                }
                return new RawResponse(r.status(), r.wwwAuthenticate(), r.body());
            } catch (Connection.DeadlineExceeded e) {
                c.close();
                throw new WsmanTimeoutException(endpoint, WsmanTimeoutException.Phase.RESPONSE, responseTimeout, e);
            } catch (Connection.TooLarge e) {
                c.close();
                throw new WsmanProtocolException(endpoint, WsmanProtocolException.Kind.TOO_LARGE, 0,
                        "response larger than the " + maxBytes + "-byte limit", e);
            } catch (IOException e) {
                c.close();
                // A kept-alive connection the BMC closed while idle fails before any byte comes back. The BMC most
                // likely never saw the request, but may have: only idempotent requests are re-sent (RFC 9112 §9.3.1).
                if (idempotent && reused && c.nothingReceived() && !(e instanceof SSLException)) {
                    continue;
                }
                throw failure(endpoint, e);
            } catch (RuntimeException e) {
                c.close();
                throw new WsmanProtocolException(endpoint, WsmanProtocolException.Kind.HTTP_STATUS, 0,
                        "unreadable HTTP response: " + e.getMessage(), e);
            }
        }
    }

    private static byte[] head(URI uri, int port, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost();
        StringBuilder sb = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        headers.forEach((k, v) -> {
            if (k.indexOf('\n') >= 0 || v.indexOf('\n') >= 0 || k.indexOf('\r') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("line break in header " + k);
            }
            sb.append(k).append(": ").append(v).append("\r\n");
        });
        sb.append("Content-Length: ").append(length).append("\r\n\r\n");
        return Connection.ascii(sb.toString());
    }

    private Connection takeIdle(String key, long maxIdle) {
        Deque<Connection> q = idle.get(key);
        if (q == null) {
            return null;
        }
        // Connections are pushed at the head when they answer, so the ones behind the head have been idle longer.
        for (Connection c = q.poll(); c != null; c = q.poll()) {
            if (c.isClosed()) {
                continue;
            }
            if (c.idleNanos() < maxIdle) {
                return c;
            }
            if (c.idleNanos() < maxIdleNanos) {
                q.push(c); // still good for an idempotent request
                return null;
            }
            c.close();
        }
        return null;
    }

    private void trimIdle(String key) {
        Deque<Connection> q = idle.get(key);
        while (q != null && q.size() > maxIdlePerEndpoint) {
            Connection oldest = q.pollLast();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    private Connection open(String host, int port, boolean https, String endpoint, Duration connectTimeout) {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            if (!https) {
                return new Connection(s);
            }
            SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(s, host, port, true);
            SSLParameters p = tls.getSSLParameters();
            // Host names are checked by the trust policy (CaTrust checks them; a pin makes them moot).
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout((int) Math.max(1, connectTimeout.toMillis()));
            tls.startHandshake();
            return new Connection(tls);
        } catch (SocketTimeoutException e) {
            close(s);
            throw new WsmanTimeoutException(endpoint, WsmanTimeoutException.Phase.CONNECT, connectTimeout, e);
        } catch (IOException e) {
            close(s);
            throw failure(endpoint, e);
        }
    }

    private static WsmanException failure(String endpoint, IOException e) {
        if (e instanceof SSLException ssl) {
            return tls(endpoint, ssl);
        }
        if (e instanceof ConnectException) {
            return new WsmanConnectionException(endpoint, "connection refused or unreachable", e);
        }
        if (e instanceof EOFException || e instanceof SocketException) {
            return new WsmanConnectionException(endpoint, "connection closed or reset by the BMC", e);
        }
        return new WsmanConnectionException(endpoint, "connection failed: " + e.getMessage(), e);
    }

    private static WsmanTlsException tls(String endpoint, SSLException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateMismatchException m) {
                return new WsmanTlsException(endpoint, WsmanTlsException.Kind.CERTIFICATE_CHANGED, m.getMessage(),
                        m.presented(), e);
            }
            if (c instanceof CertificateException ce) {
                return new WsmanTlsException(endpoint, WsmanTlsException.Kind.UNTRUSTED,
                        "certificate not trusted: " + ce.getMessage(), null, e);
            }
        }
        String kind = e instanceof SSLHandshakeException ? "TLS handshake failed: " : "TLS failure: ";
        return new WsmanTlsException(endpoint, WsmanTlsException.Kind.HANDSHAKE, kind + e.getMessage(), null, e);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already broken
        }
    }

    /** Closes every idle connection; calls in flight finish on their own connections, which are then closed. */
    @Override
    public void close() {
        closed = true;
        idle.values().forEach(q -> {
            for (Connection c = q.poll(); c != null; c = q.poll()) {
                c.close();
            }
        });
    }
}

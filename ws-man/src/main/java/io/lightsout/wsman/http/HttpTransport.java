package io.lightsout.wsman.http;

import io.lightsout.wsman.WsmanConnectionException;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanProtocolException;
import io.lightsout.wsman.WsmanTimeoutException;
import io.lightsout.wsman.WsmanTlsException;
import io.lightsout.wsman.tls.CertificateMismatchException;
import io.lightsout.wsman.tls.PinningTrustManager;
import io.lightsout.wsman.tls.TrustRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

/**
 * HTTP/1.1 POST of envelopes over the JDK {@link HttpClient}: one client (per connect timeout) for all endpoints,
 * so connections are kept alive and TLS sessions resumed across calls; trust is decided per endpoint by the
 * {@link TrustRegistry}. Every call has a connect timeout and an overall response deadline.
 */
public final class HttpTransport implements AutoCloseable {

    private final TrustRegistry trust;
    private final SSLContext ssl;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public HttpTransport(TrustRegistry trust) {
        this.trust = trust;
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
     */
    public RawResponse post(URI uri, String endpoint, Map<String, String> headers, byte[] body,
                            Duration connectTimeout, Duration responseTimeout, long maxBytes) {
        // The deadline is enforced below on the future (which cancels the exchange); a per-request timeout would
        // add a second timer per call to the client's shared timer queue.
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        HttpClient client = clients.computeIfAbsent(connectTimeout, this::newClient);
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(rb.build(), BoundedBody.handler(maxBytes));
        try {
            HttpResponse<byte[]> r = f.get(connectTimeout.plus(responseTimeout).toMillis(), TimeUnit.MILLISECONDS);
            if (r.body() == null) {
                throw tooLarge(endpoint, r.statusCode(), maxBytes);
            }
            return new RawResponse(r.statusCode(), r.headers().allValues("WWW-Authenticate"), r.body());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new WsmanTimeoutException(endpoint, WsmanTimeoutException.Phase.RESPONSE, responseTimeout, e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new WsmanConnectionException(endpoint, "interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            throw map(endpoint, e.getCause() == null ? e : e.getCause(), connectTimeout, responseTimeout, maxBytes);
        }
    }

    private HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).proxy(ProxySelector.of(null)).sslContext(ssl)
                .executor(executor).build();
    }

    private static WsmanException map(String endpoint, Throwable t, Duration connect, Duration response,
                                      long maxBytes) {
        if (t instanceof BoundedBody.TooLarge) {
            return tooLarge(endpoint, 200, maxBytes);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new WsmanTimeoutException(endpoint, WsmanTimeoutException.Phase.CONNECT, connect, t);
        }
        if (t instanceof HttpTimeoutException) {
            return new WsmanTimeoutException(endpoint, WsmanTimeoutException.Phase.RESPONSE, response, t);
        }
        if (t instanceof SSLException ssl) {
            return tls(endpoint, ssl);
        }
        if (t instanceof ConnectException) {
            return new WsmanConnectionException(endpoint, "connection refused or unreachable", t);
        }
        if (t instanceof IOException) {
            return new WsmanConnectionException(endpoint, "connection failed: " + t.getMessage(), t);
        }
        return new WsmanConnectionException(endpoint, "transport failure: " + t, t);
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

    private static WsmanProtocolException tooLarge(String endpoint, int status, long maxBytes) {
        return new WsmanProtocolException(endpoint, WsmanProtocolException.Kind.TOO_LARGE, status,
                "response larger than the " + maxBytes + "-byte limit", null);
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
        executor.close();
    }
}

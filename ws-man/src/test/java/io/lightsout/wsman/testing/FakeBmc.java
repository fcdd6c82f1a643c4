package io.lightsout.wsman.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP(S) server standing in for a BMC in transport tests: every request is recorded and answered by a
 * {@link Handler}. Port 0 (the kernel picks a free one), so tests never collide with other helpers.
 */
public final class FakeBmc implements AutoCloseable {

    /** A request as received. */
    public record Req(String method, String path, String authorization, String contentType, String body) {
    }

    /** A reply to send. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply xml(int status, String xml) {
            return new Reply(status, Map.of("Content-Type", "application/soap+xml;charset=UTF-8"),
                    xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Answers one request; may block (to simulate a silent BMC) or throw {@link Abort} to drop the connection. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Req req) throws Exception;
    }

    /** Thrown by a handler to reset the connection without a response. */
    public static final class Abort extends RuntimeException {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Req> requests = new CopyOnWriteArrayList<>();
    private final String scheme;

    private FakeBmc(HttpServer server, String scheme, Handler handler) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", ex -> serve(ex, handler));
        server.setExecutor(executor);
        server.start();
    }

    public static FakeBmc http(Handler handler) throws IOException {
        return new FakeBmc(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000),
                "http", handler);
    }

    public static FakeBmc https(SSLContext tls, Handler handler) throws IOException {
        return httpsOn(tls, 0, handler);
    }

    /** An HTTPS BMC on a given port (e.g. the port of one just closed, to simulate a changed certificate). */
    public static FakeBmc httpsOn(SSLContext tls, int port, Handler handler) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FakeBmc(s, "https", handler);
    }

    private void serve(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            Req req = new Req(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(req);
            Reply reply;
            try {
                reply = handler.handle(req);
            } catch (Abort a) {
                // Closing without writing a response: the client sees the connection drop.
                throw new IOException("aborted by test");
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                reply = Reply.xml(500, "handler failed: " + e);
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            ex.getResponseBody().write(reply.body());
        }
    }

    public URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
    }

    public List<Req> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

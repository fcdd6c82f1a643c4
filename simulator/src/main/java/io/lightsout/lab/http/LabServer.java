package io.lightsout.lab.http;

import io.lightsout.lab.BmcType;
import io.lightsout.lab.Fault;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.lab.wsman.Envelope;
import io.lightsout.lab.wsman.WsmanDispatcher;
import io.lightsout.lab.wsman.WsmanFault;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.Options;

/**
 * One Undertow server with a listener per BMC (its own loopback address, the port of its type). Requests are
 * routed by the local address they arrived on. Latency is a timer on the connection's IO thread, never a
 * sleeping thread, so thousands of slow BMCs cost no threads; all work is in memory and non-blocking.
 */
public final class LabServer implements AutoCloseable {
    static final int MAX_REQUEST = 512 * 1024;
    private static final String SOAP = "application/soap+xml;charset=UTF-8";

    private final Map<InetAddress, SimulatedBmc> byAddress = new HashMap<>();
    private final List<Fault> fleetFaults;
    private final Fault.Delay latency;
    private final DigestAuth digest;
    private final Undertow undertow;

    public LabServer(List<SimulatedBmc> bmcs, Map<SimulatedBmc, Integer> ports, List<Fault> fleetFaults,
                     Fault.Delay latency, DigestAuth digest, int ioThreads) {
        this.fleetFaults = List.copyOf(fleetFaults);
        this.latency = latency;
        this.digest = digest;
        Undertow.Builder b = Undertow.builder()
                .setIoThreads(ioThreads)
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) MAX_REQUEST)
                .setSocketOption(Options.BACKLOG, 128)
                .setHandler(this::handle);
        for (SimulatedBmc bmc : bmcs) {
            byAddress.put(bmc.inetAddress(), bmc);
            int port = ports.get(bmc);
            if (bmc.tls()) {
                b.addHttpsListener(port, bmc.address(), bmc.certificateHolder().sslContext());
            } else {
                b.addHttpListener(port, bmc.address());
            }
        }
        this.undertow = b.build();
    }

    /** Binds every listener; returns the bound port per address (differs from the asked one for port 0). */
    public Map<InetAddress, Integer> start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            // Undertow has already released what it bound; say what happened in one line
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot bind the lab's listeners (" + byAddress.size()
                    + " addresses): " + root.getMessage() + "; is another lab or program using them?", e);
        }
        Map<InetAddress, Integer> bound = new HashMap<>();
        for (Undertow.ListenerInfo li : undertow.getListenerInfo()) {
            InetSocketAddress a = (InetSocketAddress) li.getAddress();
            bound.put(a.getAddress(), a.getPort());
        }
        return bound;
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private void handle(HttpServerExchange ex) {
        SimulatedBmc bmc = byAddress.get(((InetSocketAddress) ex.getDestinationAddress()).getAddress());
        if (bmc == null || !"/wsman".equals(ex.getRequestPath())) {
            plain(ex, 404, "Not Found");
            return;
        }
        if (!Methods.POST.equals(ex.getRequestMethod())) {
            plain(ex, 405, "Method Not Allowed");
            return;
        }
        if (ex.getRequestContentLength() > MAX_REQUEST) {
            // the unread body is left on the socket: close it (Connection: close), or a client that reuses the
            // connection reads garbage or finds it closed under its next request
            ex.setPersistent(false);
            plain(ex, 413, "Request Entity Too Large");
            return;
        }
        ex.getRequestReceiver().receiveFullBytes((e, bytes) -> respond(e, bmc, bytes),
                (e, err) -> IoUtils.safeClose(e.getConnection()));
    }

    private void respond(HttpServerExchange ex, SimulatedBmc bmc, byte[] body) {
        Fault fault = bmc.drawFault(fleetFaults);
        long delay = bmc.latencyMillis(latency);
        if (fault instanceof Fault.Timeout) {
            // hold the exchange: the client's own timeout has to end it
            ex.dispatch(SameThreadExecutor.INSTANCE, () -> { });
            return;
        }
        if (fault instanceof Fault.ConnectionReset) {
            later(ex, delay, () -> reset(ex));
            return;
        }
        Answer a = authorize(ex, bmc, body, fault instanceof Fault.WrongPassword);
        if (a == null) {
            WsmanDispatcher.Reply reply = bmc.dispatcher().handle(body, fault instanceof Fault.OneItemPerPull);
            a = shape(bmc, fault, reply);
            if (bmc.type() == BmcType.AMT) {
                // AMT answers with chunked bodies (protocols.md 5, rps#2149); iDRAC with a Content-Length
                a = a.asChunked();
            }
        }
        Answer answer = a;
        later(ex, delay, () -> {
            // this connection keeps its handshake; only the next one sees the new certificate
            if (fault instanceof Fault.CertificateChange && bmc.certificateHolder() != null) {
                bmc.rotateCertificate();
            }
            send(ex, answer);
        });
    }

    /** Returns a 401 answer, or null if the request may proceed. */
    private Answer authorize(HttpServerExchange ex, SimulatedBmc bmc, byte[] body, boolean forceFail) {
        String header = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (bmc.type() == BmcType.IDRAC) {
            if (!forceFail && BasicAuth.check(header, bmc.username(), bmc.password())) {
                return null;
            }
            return new Answer(401, "text/html", "<html><body>401 Unauthorized</body></html>"
                    .getBytes(StandardCharsets.US_ASCII), "Basic realm=\"iDRAC\"", false);
        }
        DigestAuth.Result r = forceFail ? DigestAuth.Result.FAILED
                : digest.check(header, ex.getRequestMethod().toString(), body, bmc.realm(), bmc.username(),
                bmc.password());
        if (r == DigestAuth.Result.OK) {
            return null;
        }
        // AMT answers 401 with an HTML page and closes the connection (protocols.md 5)
        return new Answer(401, "text/html", ("<html><head><title>Intel&reg; Active Management Technology"
                + "</title></head><body>Unauthorized</body></html>").getBytes(StandardCharsets.US_ASCII),
                digest.challenge(bmc.realm(), r == DigestAuth.Result.STALE), true);
    }

    private static Answer shape(SimulatedBmc bmc, Fault fault, WsmanDispatcher.Reply reply) {
        var d = bmc.dispatcher().dialect();
        return switch (fault) {
            case Fault.ServerError f -> new Answer(500, SOAP, Envelope.fault(d, null,
                    WsmanFault.internalError("Simulated internal error.")).getBytes(StandardCharsets.UTF_8),
                    null, false);
            case Fault.MalformedXml f -> ok(FaultBodies.malformed(reply.body()));
            case Fault.ControlCharacters f -> new Answer(reply.status(), SOAP,
                    FaultBodies.controlCharacters(reply.body()), null, false);
            case Fault.XxePayload f -> ok(FaultBodies.xxe(d));
            case Fault.EntityExpansion f -> ok(FaultBodies.entityExpansion(d));
            case Fault.Oversized f -> ok(FaultBodies.oversized(f.bytes()));
            case null, default -> new Answer(reply.status(), SOAP, reply.body().getBytes(StandardCharsets.UTF_8),
                    null, false);
        };
    }

    private static Answer ok(byte[] body) {
        return new Answer(200, SOAP, body, null, false);
    }

    private record Answer(int status, String contentType, byte[] body, String challenge, boolean close,
                          boolean chunked) {
        Answer(int status, String contentType, byte[] body, String challenge, boolean close) {
            this(status, contentType, body, challenge, close, false);
        }

        Answer asChunked() {
            return new Answer(status, contentType, body, challenge, close, true);
        }
    }

    private static void later(HttpServerExchange ex, long delayMs, Runnable r) {
        if (delayMs <= 0) {
            r.run();
            return;
        }
        ex.dispatch(SameThreadExecutor.INSTANCE,
                () -> ex.getIoThread().executeAfter(r, delayMs, TimeUnit.MILLISECONDS));
    }

    private static void send(HttpServerExchange ex, Answer a) {
        ex.setStatusCode(a.status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, a.contentType);
        if (a.challenge != null) {
            ex.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, a.challenge);
        }
        if (a.close) {
            ex.getResponseHeaders().put(Headers.CONNECTION, "close");
        }
        if (a.chunked) {
            ex.getResponseHeaders().put(Headers.TRANSFER_ENCODING, "chunked");
        }
        ex.getResponseSender().send(ByteBuffer.wrap(a.body));
    }

    private static void reset(HttpServerExchange ex) {
        try {
            ex.getConnection().setOption(Options.CLOSE_ABORT, true);
        } catch (Exception ignored) {
            // not every channel supports it; a plain close still breaks the exchange
        }
        IoUtils.safeClose(ex.getConnection());
    }

    private static void plain(HttpServerExchange ex, int status, String text) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        ex.getResponseSender().send(text);
    }
}

package io.lightsout.wsman;

import io.lightsout.wsman.http.HttpTransport;
import io.lightsout.wsman.tls.TrustRegistry;

/**
 * The WS-Man client: one per process. It owns the shared HTTP transport (connection pool, TLS session cache,
 * per-endpoint trust) and hands out a {@link WsmanSession} per BMC. Thread-safe; sessions are too.
 *
 * <pre>{@code
 * try (WsmanClient client = WsmanClient.create()) {
 *     WsmanSession bmc = client.session(WsmanEndpoint.builder(URI.create("https://10.0.0.5/wsman"), creds)
 *             .trust(new TrustPolicy.Pinned(storedSha256)).build());
 *     CimInstance cs = bmc.get(Namespaces.resourceUri("DCIM_SystemView"), SelectorSet.of(...));
 * }
 * }</pre>
 */
public final class WsmanClient implements AutoCloseable {

    private final HttpTransport transport;

    private WsmanClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** A client with its own transport and trust registry; idle connections are kept 20 s, 4 per BMC. */
    public static WsmanClient create() {
        return new WsmanClient(new HttpTransport(new TrustRegistry()));
    }

    /**
     * A client whose idle connections are kept {@code idleTimeout}, at most {@code maxIdlePerBmc} per BMC. Longer
     * keeps fleet sweeps warm (no new TLS handshakes) at the price of a connection slot held on every BMC.
     */
    public static WsmanClient create(java.time.Duration idleTimeout, int maxIdlePerBmc) {
        return new WsmanClient(new HttpTransport(new TrustRegistry(), idleTimeout, maxIdlePerBmc));
    }

    /**
     * A session for one BMC. For https endpoints this (re)sets the endpoint's trust policy in the shared registry,
     * so creating a session with a new {@link io.lightsout.wsman.tls.TrustPolicy.Pinned} pin is how a caller
     * re-trusts a changed certificate.
     */
    public WsmanSession session(WsmanEndpoint endpoint) {
        if ("https".equals(endpoint.url().getScheme())) {
            transport.trust().trust(endpoint.url().getHost(), endpoint.port(), endpoint.trust());
        }
        return new WsmanSession(endpoint, transport);
    }

    @Override
    public void close() {
        transport.close();
    }
}

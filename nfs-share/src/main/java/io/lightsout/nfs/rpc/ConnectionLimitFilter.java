package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps TCP connections per client address and in total; a connection over a cap is closed as soon as it is
 * accepted. The open connections per address are what {@link ClientConnections} reports as active clients.
 */
final class ConnectionLimitFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimitFilter.class);

    private final ClientConnections clients;
    private final int perClient;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Connection<?>, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionLimitFilter(ClientConnections clients, int perClient, int total) {
        this.clients = clients;
        this.perClient = perClient;
        this.total = total;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        InetAddress peer = ((InetSocketAddress) c.getPeerAddress()).getAddress();
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            LOG.warn("refusing connection from {}: {} connections open", peer.getHostAddress(), total);
            c.closeSilently();
            return ctx.getStopAction();
        }
        if (clients.opened(peer) > perClient) {
            clients.closed(peer);
            open.decrementAndGet();
            LOG.warn("refusing connection from {}: over {} connections from that address", peer.getHostAddress(),
                    perClient);
            c.closeSilently();
            return ctx.getStopAction();
        }
        counted.put(c, peer);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        InetAddress peer = counted.remove(ctx.getConnection());
        if (peer != null) {
            clients.closed(peer);
            open.decrementAndGet();
        }
        return ctx.getInvokeAction();
    }
}
